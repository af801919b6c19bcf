#pragma once

#include <google/protobuf/descriptor.pb.h>

#include <string>

namespace triptych::client {

// Parses one .proto file's text into its FileDescriptorProto (no imports resolved); false with *error on a syntax
// error.
bool parseProtoText(const std::string &name, const std::string &text, google::protobuf::FileDescriptorProto *out,
                    std::string *error);

// A pool of the .proto files compiled into the library (google.rpc status and details, reflection, health) over the
// well-known types; built once, shared, read-only.
const google::protobuf::DescriptorPool &embeddedPool();

} // namespace triptych::client
