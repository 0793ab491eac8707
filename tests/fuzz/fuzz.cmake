# tests/fuzz/fuzz.cmake - fuzz targets (included at the end of CMakeLists.txt).
#
# Always: replay_<target>, the target's LLVMFuzzerTestOneInput driven by
# replay_main.c, run by CTest over tests/fuzz/corpus/<target>/ (any compiler).
# With -DRASAD_FUZZ=ON (clang only): also fuzz_<target>, a libFuzzer binary;
# the library is then built with coverage instrumentation, ASan and UBSan so
# the fuzzer sees (and checks) the library code, not just the harness.
# How to run them: docs/fuzzing.md.

set(RASAD_FUZZ_TARGETS utf8 normalize tokenize numdate jsonl html warc query dedup story ner events)
set(RASAD_FUZZ_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz)

if(RASAD_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "RASAD_FUZZ=ON needs clang (-DCMAKE_C_COMPILER=clang)")
  endif()
  set(RASAD_FUZZ_SAN -fsanitize=address,undefined -fno-sanitize-recover=undefined)
  foreach(lib rasad_base rasad_core rasad_read rasad_clean rasad_dedup rasad_story rasad_ner rasad_store rasad_events)
    target_compile_options(${lib} PRIVATE -fsanitize=fuzzer-no-link
                           ${RASAD_FUZZ_SAN} -fno-omit-frame-pointer)
    # Everything that links the instrumented library needs the runtimes.
    target_link_options(${lib} INTERFACE -fsanitize=address,undefined)
  endforeach()
endif()

foreach(t ${RASAD_FUZZ_TARGETS})
  add_executable(replay_${t} ${RASAD_FUZZ_DIR}/fuzz_${t}.c ${RASAD_FUZZ_DIR}/replay_main.c)
  target_link_libraries(replay_${t} PRIVATE rasad_all)
  add_test(NAME fuzz_replay_${t}
           COMMAND replay_${t} ${RASAD_FUZZ_DIR}/corpus/${t})

  if(RASAD_FUZZ)
    add_executable(fuzz_${t} ${RASAD_FUZZ_DIR}/fuzz_${t}.c)
    target_compile_options(fuzz_${t} PRIVATE -fsanitize=fuzzer ${RASAD_FUZZ_SAN})
    target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer ${RASAD_FUZZ_SAN})
    target_link_libraries(fuzz_${t} PRIVATE rasad_all)
  endif()
endforeach()
