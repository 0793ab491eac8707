# --- core/events: quotes, meetings, agreements, visits, dates in text ------
# Included by the top CMakeLists.txt. Uses only the text core (tokenizer,
# sentences, numbers, dates); entity spans come from the caller, so it does
# not link the tagger. See docs/events.md.
file(GLOB RASAD_EVENTS_SRC CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/core/events/*.c)
add_library(rasad_events STATIC ${RASAD_EVENTS_SRC})
target_include_directories(rasad_events PUBLIC ${CMAKE_SOURCE_DIR}/include
                           PRIVATE ${CMAKE_SOURCE_DIR}/src/core/events ${CMAKE_SOURCE_DIR}/src/core/base)
target_link_libraries(rasad_events PUBLIC rasad_core)
set_target_properties(rasad_events PROPERTIES POSITION_INDEPENDENT_CODE ON)
find_package(Threads REQUIRED)
target_link_libraries(rasad_events PUBLIC Threads::Threads)   # pthread_once (quotes.c)
