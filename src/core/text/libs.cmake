# libs.cmake - libraries core/text links besides utf8proc (included by
# CMakeLists.txt after target rasad_core exists).
#
# libjalali (Debian libjalali-dev): Jalali day arithmetic for date_convert.c.
find_library(RASAD_JALALI_LIB jalali)
find_path(RASAD_JALALI_INCLUDE jalali/jalali.h)
if(NOT RASAD_JALALI_LIB OR NOT RASAD_JALALI_INCLUDE)
  message(FATAL_ERROR "libjalali is missing: install the Debian package libjalali-dev (see README.md)")
endif()
target_link_libraries(rasad_core PUBLIC jalali)
