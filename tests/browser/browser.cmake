# browser.cmake - rasad serve in a real browser (tests/browser/serve.mjs):
# playwright-core from npm (tests/browser/package-lock.json; `./setup.sh
# test` runs `npm ci` there) driving Debian's chromium, headless. Without
# node or chromium the test prints why and exits 77: CTest reports it as
# skipped. Screenshots go to the build tree's browser-shots/.
add_test(NAME browser_serve
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/browser/run.sh $<TARGET_FILE:rasad>
                 ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/browser-shots)
set_tests_properties(browser_serve PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
