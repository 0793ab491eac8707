# oracle.cmake - calendar checks against an independent implementation
# (included at the end of CMakeLists.txt).
#
# jalali_oracle: every day of 1300-1500 SH from rasad (jalali_dump) against
# ICU's Persian calendar through Debian's python3-icu. Without python3-icu
# the script prints why and exits 77, which CTest reports as skipped.
add_executable(jalali_dump ${CMAKE_SOURCE_DIR}/tests/oracle/jalali_dump.c)
target_link_libraries(jalali_dump PRIVATE rasad_core)
# Debian's python3-icu belongs to the system interpreter, not to a pyenv or venv one.
if(EXISTS /usr/bin/python3)
  set(RASAD_ORACLE_PYTHON /usr/bin/python3)
else()
  set(RASAD_ORACLE_PYTHON ${Python3_EXECUTABLE})
endif()
add_test(NAME jalali_oracle
         COMMAND ${RASAD_ORACLE_PYTHON} ${CMAKE_SOURCE_DIR}/tests/oracle/jalali_oracle.py
                 $<TARGET_FILE:jalali_dump>)
set_tests_properties(jalali_oracle PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
