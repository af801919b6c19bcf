#pragma once

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/status.h>

#include <optional>
#include <string>

namespace google::protobuf {
class Message;
}

namespace triptych::rpc {

// The methods of orders.v1.OrderService take and give raw bytes and parse them here: gRPC 1.51's typed callback
// handlers answer a request whose bytes do not parse with UNIMPLEMENTED and an empty message (and a streamed item
// that does not parse looks like the end of the stream), while the contract promises INVALID_ARGUMENT with
// BadRequest details. Parsing and serializing are the ones the typed handlers use, so the cost is the same.

// Parses bytes into message (size checked first); the status to finish with when they are not one.
// `field` names the request in BadRequest ("request", or "request[3]" for the fourth item of a stream).
std::optional<grpc::Status> parseRequest(const grpc::ByteBuffer &bytes, google::protobuf::Message &message,
                                         const std::string &field = "request");
// Serializes message into out (replacing what it held), as gRPC serializes a typed answer.
void serializeInto(const google::protobuf::Message &message, grpc::ByteBuffer &out);

} // namespace triptych::rpc
