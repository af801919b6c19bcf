#include "server/grpc/rawmessage.h"

#include "server/grpc/limits.h"
#include "server/grpc/statusmapping.h"

#include <google/protobuf/message.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/proto_buffer_reader.h>
#include <grpcpp/support/proto_buffer_writer.h>

namespace triptych::rpc {

std::optional<grpc::Status> parseRequest(const grpc::ByteBuffer &bytes, google::protobuf::Message &message,
                                         const std::string &field) {
    const std::size_t length = bytes.Length();
    if (length > limits::kMaxRequestMessageBytes)
        return toGrpcStatus(exhausted("a request message of " + std::to_string(length) +
                                          " bytes is over the limit of " +
                                          std::to_string(limits::kMaxRequestMessageBytes) + " bytes",
                                      "MESSAGE_TOO_LARGE"),
                            std::chrono::milliseconds(0));
    grpc::ByteBuffer view(bytes); // shares the slices; the reader needs a mutable buffer
    grpc::ProtoBufferReader reader(&view);
    if (reader.status().ok() && message.ParseFromZeroCopyStream(&reader))
        return std::nullopt;
    return toGrpcStatus(invalidField(field, "the " + std::to_string(length) + " bytes are not a valid " +
                                                message.GetTypeName() +
                                                " (protobuf wire format, with UTF-8 in string fields)"));
}

void serializeInto(const google::protobuf::Message &message, grpc::ByteBuffer &out) {
    bool ownBuffer = false;
    out.Clear();
    (void)grpc::SerializationTraits<google::protobuf::Message>::Serialize(message, &out, &ownBuffer);
}

} // namespace triptych::rpc
