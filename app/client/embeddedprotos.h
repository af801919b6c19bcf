#pragma once

#include <vector>

namespace triptych::client {

// A .proto file's import name ("google/rpc/status.proto") and its text, compiled into the library.
struct EmbeddedProto {
    const char *name;
    const char *text;
};

const std::vector<EmbeddedProto> &embeddedProtos();

} // namespace triptych::client
