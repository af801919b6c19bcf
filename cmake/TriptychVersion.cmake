# One version for every program and the package: project(VERSION) becomes "triptych/version.h" in an include root of
# its own, reached by linking triptych::version (programs print it for --version, Help ▸ About shows it).
set(TRIPTYCH_LICENCE MIT)
set(TRIPTYCH_VERSION_ROOT "${CMAKE_BINARY_DIR}/include-roots/version")
configure_file("${CMAKE_CURRENT_LIST_DIR}/version.h.in" "${TRIPTYCH_VERSION_ROOT}/triptych/version.h" @ONLY)
add_library(triptych_version INTERFACE)
add_library(triptych::version ALIAS triptych_version)
target_include_directories(triptych_version INTERFACE "${TRIPTYCH_VERSION_ROOT}")
