#pragma once

#include "server/domain/result.h"

namespace google::protobuf {
class FieldMask;
class Message;
} // namespace google::protobuf

namespace triptych::rpc {

// GetUser's read_mask: keeps only the named top-level fields (snake_case, as in the .proto; a path may also hold
// several names separated by commas, the JSON form). An empty mask keeps all. An unknown path is INVALID_ARGUMENT
// naming "read_mask", and the message is left as it was.
Status applyReadMask(const google::protobuf::FieldMask &mask, google::protobuf::Message &message);

} // namespace triptych::rpc
