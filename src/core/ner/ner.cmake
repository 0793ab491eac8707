# ner.cmake - the named-entity tagger (included by the top CMakeLists.txt):
# the rasad_ner library, its gazetteer generated at build time from
# Debian's unicode-cldr-core and iso-codes (never committed), the trainer
# program, and the shipped model copied next to the rasad program (where
# `rasad tag` looks first). See docs/ner.md.
set(RASAD_CLDR_DIR /usr/share/unicode/cldr/common CACHE PATH
    "unicode-cldr-core data the NER gazetteer is generated from")
set(RASAD_ISO_LOCALE_DIR /usr/share/locale/fa/LC_MESSAGES CACHE PATH
    "iso-codes Persian translations the NER gazetteer is generated from")
if(NOT EXISTS ${RASAD_CLDR_DIR}/main/fa.xml)
  message(FATAL_ERROR "${RASAD_CLDR_DIR}/main/fa.xml is missing: install the Debian package unicode-cldr-core (see README.md)")
endif()
if(NOT EXISTS ${RASAD_ISO_LOCALE_DIR}/iso_3166-1.mo)
  message(FATAL_ERROR "${RASAD_ISO_LOCALE_DIR}/iso_3166-1.mo is missing: install the Debian package iso-codes (see README.md)")
endif()

set(RASAD_NER_GAZ_C ${RASAD_GEN_DIR}/ner_gazetteer.c)
add_custom_command(
  OUTPUT ${RASAD_NER_GAZ_C}
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/gen_ner_gazetteer.py
          ${RASAD_CLDR_DIR} ${RASAD_ISO_LOCALE_DIR} ${RASAD_NER_GAZ_C}
  DEPENDS ${CMAKE_SOURCE_DIR}/tools/gen_ner_gazetteer.py ${RASAD_CLDR_DIR}/main/fa.xml
          ${RASAD_CLDR_DIR}/subdivisions/fa.xml ${RASAD_ISO_LOCALE_DIR}/iso_3166-1.mo
  COMMENT "Generating the NER gazetteer from CLDR and iso-codes"
  VERBATIM)

file(GLOB RASAD_NER_SRC CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/core/ner/*.c)
add_library(rasad_ner STATIC ${RASAD_NER_SRC} ${RASAD_NER_GAZ_C})
target_include_directories(rasad_ner PUBLIC include
                           PRIVATE src/core/ner src/core/base)
target_link_libraries(rasad_ner PUBLIC rasad_core m)
set_target_properties(rasad_ner PROPERTIES POSITION_INDEPENDENT_CODE ON)

add_executable(rasad_ner_train ${CMAKE_SOURCE_DIR}/tools/ner_train.c)
target_link_libraries(rasad_ner_train PRIVATE rasad_ner PkgConfig::ZLIB)
# the trainer adds the model's gazetteer through train_internal.h
target_include_directories(rasad_ner_train PRIVATE src/core/ner)

set(RASAD_NER_MODEL ${CMAKE_SOURCE_DIR}/models/ner.model)
if(EXISTS ${RASAD_NER_MODEL})
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/ner.model
    COMMAND ${CMAKE_COMMAND} -E copy ${RASAD_NER_MODEL} ${CMAKE_BINARY_DIR}/ner.model
    DEPENDS ${RASAD_NER_MODEL}
    COMMENT "Copying the NER model next to the rasad program")
  add_custom_target(rasad_ner_model ALL DEPENDS ${CMAKE_BINARY_DIR}/ner.model)
  install(FILES ${RASAD_NER_MODEL} DESTINATION share/rasad)
endif()
