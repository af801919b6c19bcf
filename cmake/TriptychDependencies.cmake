# Every dependency is a Debian 12 package; scripts/setup-deps installs them.
find_package(Threads REQUIRED)
find_package(Protobuf REQUIRED)
find_package(gRPC CONFIG REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(CURL REQUIRED)
find_package(OpenSSL REQUIRED) # server/tls generates certificates; the client reads the TLS session

find_path(RAPIDJSON_INCLUDE_DIR rapidjson/document.h REQUIRED)
add_library(triptych_rapidjson INTERFACE)
add_library(triptych::rapidjson ALIAS triptych_rapidjson)
target_include_directories(triptych_rapidjson SYSTEM INTERFACE "${RAPIDJSON_INCLUDE_DIR}")
# RapidJSON's std::string API and SSE4.2 scanning of long strings.
target_compile_definitions(triptych_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)

set(TRIPTYCH_QT_COMPONENTS Core Network Test WebSockets)
if(TRIPTYCH_BUILD_APP)
    list(APPEND TRIPTYCH_QT_COMPONENTS Gui Widgets Charts Svg DBus)
endif()
if(TRIPTYCH_BUILD_APP OR TRIPTYCH_BUILD_TESTS)
    find_package(Qt6 6.4 REQUIRED COMPONENTS ${TRIPTYCH_QT_COMPONENTS})
endif()
if(TRIPTYCH_BUILD_APP) # app/workspace: request files in YAML (libyaml), secrets in the system keyring
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)
    find_package(Qt6Keychain REQUIRED)
endif()

if(TRIPTYCH_BUILD_BENCH)
    find_package(benchmark REQUIRED)
endif()

find_program(TRIPTYCH_PROTOC protoc REQUIRED)
find_program(TRIPTYCH_GRPC_CPP_PLUGIN grpc_cpp_plugin REQUIRED)
set(TRIPTYCH_GRPC_PROTO_DIR /usr/share/grpc-proto CACHE PATH "Where the grpc-proto package keeps grpc/**.proto")
