# --- serve: the archive over HTTP (libmicrohttpd), JSON API and HTML pages --
pkg_check_modules(MHD REQUIRED IMPORTED_TARGET libmicrohttpd)
find_package(Threads REQUIRED)
file(GLOB RASAD_SERVE_SRC CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/serve/*.c)
add_library(rasad_serve STATIC ${RASAD_SERVE_SRC})
target_include_directories(rasad_serve PUBLIC ${CMAKE_SOURCE_DIR}/include
                           PRIVATE ${CMAKE_SOURCE_DIR}/src/serve ${CMAKE_SOURCE_DIR}/src/core/base)
target_link_libraries(rasad_serve PUBLIC rasad_store rasad_core PkgConfig::MHD Threads::Threads)
