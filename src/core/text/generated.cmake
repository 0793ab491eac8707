# generated.cmake - tables generated at build time from Debian packages
# (never committed; included by the top CMakeLists.txt).
#
# zwnj_lexicon.c: the myspell-fa word list as const hash tables, for
# rasad__lex_contains() and the ZWNJ planner, with the planner's tail table
# from the closed lists of zwnj_lists.c and the spellings learned from news
# (models/zwnj_news.tsv, committed, made by tools/learn_zwnj_news.py). See
# docs/zwnj.md.
set(RASAD_ZWNJ_LEXICON_C ${RASAD_GEN_DIR}/zwnj_lexicon.c)
add_custom_command(
  OUTPUT ${RASAD_ZWNJ_LEXICON_C}
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/gen_zwnj_lexicon.py
          ${RASAD_HUNSPELL_DIC} ${CMAKE_SOURCE_DIR}/src/core/text/zwnj_lists.c
          ${CMAKE_SOURCE_DIR}/models/zwnj_news.tsv ${RASAD_ZWNJ_LEXICON_C}
  DEPENDS ${CMAKE_SOURCE_DIR}/tools/gen_zwnj_lexicon.py ${RASAD_HUNSPELL_DIC}
          ${CMAKE_SOURCE_DIR}/src/core/text/zwnj_lists.c
          ${CMAKE_SOURCE_DIR}/models/zwnj_news.tsv
  COMMENT "Generating ZWNJ lexicon from ${RASAD_HUNSPELL_DIC}"
  VERBATIM)
set(RASAD_TEXT_GENERATED ${RASAD_ZWNJ_LEXICON_C})
