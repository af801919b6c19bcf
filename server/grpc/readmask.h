#pragma once

#include "server/domain/result.h"

#include <vector>

namespace google::protobuf {
class Descriptor;
class FieldDescriptor;
class FieldMask;
class Message;
} // namespace google::protobuf

namespace triptych::rpc {

// GetUser's read_mask: keeps only the named top-level fields (snake_case, as in the .proto; a path may also hold
// several names separated by commas, the JSON form). An empty mask keeps all. An unknown path is INVALID_ARGUMENT
// naming "read_mask", and the message is left as it was.
Status applyReadMask(const google::protobuf::FieldMask &mask, google::protobuf::Message &message);

// The same check without a message: the fields the mask names, each once, or the error; empty for an empty mask.
using MaskedFields = std::vector<const google::protobuf::FieldDescriptor *>;
Result<MaskedFields> readMaskFields(const google::protobuf::FieldMask &mask,
                                    const google::protobuf::Descriptor &descriptor);
// Moves the named fields of `full` into the empty `out` (all of them when `fields` is empty): a masked answer costs
// the fields it keeps, not a reflective clear of every other field.
void moveMaskedFields(google::protobuf::Message &full, google::protobuf::Message &out, const MaskedFields &fields);

} // namespace triptych::rpc
