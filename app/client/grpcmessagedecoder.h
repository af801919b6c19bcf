#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpcschema.h"

namespace google::protobuf {
class Descriptor;
}

namespace triptych::client {

// A gRPC message's protobuf bytes into its JSON, as GrpcSchema::binaryToJson prints it. The received messages of a
// call keep their wire bytes and this decoder (StreamMessage::json()), so a fast stream is not converted as it comes.
class GrpcMessageDecoder : public MessageDecoder {
public:
    GrpcMessageDecoder(GrpcSchemaPtr schema, const google::protobuf::Descriptor *type)
        : m_schema(std::move(schema))
        , m_type(type) {}

    QByteArray toJson(const QByteArray &wire) const override;

private:
    GrpcSchemaPtr m_schema; // keeps the descriptor alive
    const google::protobuf::Descriptor *m_type;
};

} // namespace triptych::client
