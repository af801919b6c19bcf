# One INTERFACE target carries the language standard and the warnings; every project target links it.
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE Debug CACHE STRING "Build type" FORCE)
endif()

find_program(TRIPTYCH_CCACHE ccache)
if(TRIPTYCH_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${TRIPTYCH_CCACHE}")
endif()

add_library(triptych_options INTERFACE)
add_library(triptych::options ALIAS triptych_options)
target_compile_features(triptych_options INTERFACE cxx_std_20)
target_compile_options(triptych_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wno-missing-field-initializers
    # GCC 12 reports false -Wrestrict positives on std::string concatenation at -O2 and above (GCC bug 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
    $<$<BOOL:${TRIPTYCH_WERROR}>:-Werror>)
target_compile_definitions(triptych_options INTERFACE QT_NO_KEYWORDS BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW)

# What Debian builds its packages with (dpkg-buildflags, hardening=+all): stack protector, fortified libc calls,
# relocations read-only and bound at start; for every target, the generated protobuf code too. The release preset,
# which scripts/build-deb packages, turns it on.
option(TRIPTYCH_HARDEN "Build with Debian's hardening flags" OFF)
if(TRIPTYCH_HARDEN)
    add_compile_options(-fstack-protector-strong -fstack-clash-protection -fcf-protection)
    add_compile_definitions(_FORTIFY_SOURCE=2)
    add_link_options(-Wl,-z,relro -Wl,-z,now)
endif()

# The app's own code spells every user-visible string as a QStringLiteral / tr(); tests may use plain literals.
add_library(triptych_qt_strict INTERFACE)
add_library(triptych::qt_strict ALIAS triptych_qt_strict)
target_compile_definitions(triptych_qt_strict INTERFACE QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING)

# Sanitizers for the asan preset (ASan + UBSan), applied to everything including dependencies built here.
option(TRIPTYCH_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(TRIPTYCH_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

include(TriptychLibrary)
