# --- core/entity: canonical names, spelling keys, roles beside names --------
file(GLOB RASAD_ENTITY_SRC CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/core/entity/*.c)
add_library(rasad_entity STATIC ${RASAD_ENTITY_SRC})
target_include_directories(rasad_entity PUBLIC ${CMAKE_SOURCE_DIR}/include
                           PRIVATE ${CMAKE_SOURCE_DIR}/src/core/entity ${CMAKE_SOURCE_DIR}/src/core/base)
target_link_libraries(rasad_entity PUBLIC rasad_core)
set_target_properties(rasad_entity PROPERTIES POSITION_INDEPENDENT_CODE ON)
# The store links entities at ingest: it needs the tagger and this layer.
target_link_libraries(rasad_store PUBLIC rasad_ner rasad_entity)
target_link_libraries(rasad_store PUBLIC rasad_events)
# ...and a thread for the second half of a long body (store_entity.c).
find_package(Threads REQUIRED)
target_link_libraries(rasad_store PUBLIC Threads::Threads)
