// The app's JSON ↔ protobuf conversion (app/client/grpcschema) for every message of orders.v1: the input's first
// byte picks the message, the rest is tried as the JSON a user types and as the wire bytes a hostile server sends.
// Whatever converts must come back as valid JSON in valid UTF-8 (ill-formed bytes in a string field become U+FFFD),
// and JSON → binary → JSON → binary must be stable.
#include "app/client/embeddedprotos.h"
#include "app/client/grpcschema.h"
#include "tests/fuzz/fuzzchecks.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using triptych::client::GrpcSchema;

namespace triptych::client {
// The app's build compiles the health and status .proto texts in (embeddedprotos_data.cpp); this target reads
// orders.proto from disk and never asks for them.
const std::vector<EmbeddedProto> &embeddedProtos() {
    static const std::vector<EmbeddedProto> none;
    return none;
}
} // namespace triptych::client

namespace {

struct Fixture {
    Fixture() {
        QString error;
        schema = GrpcSchema::fromProtoFiles({QStringLiteral(TRIPTYCH_ORDERS_PROTO)},
                                            {QStringLiteral(TRIPTYCH_PROTO_DIR)}, &error);
        if (!schema)
            std::abort();
        const auto *file = schema->pool().FindFileByName("orders/v1/orders.proto");
        for (int i = 0; file && i < file->message_type_count(); ++i)
            messages.push_back(file->message_type(i));
        if (messages.empty())
            std::abort();
    }
    std::shared_ptr<const GrpcSchema> schema;
    std::vector<const google::protobuf::Descriptor *> messages;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const Fixture fixture;
    if (size == 0)
        return 0;
    const auto *descriptor = fixture.messages[data[0] % fixture.messages.size()];
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const QByteArray fromWire = fixture.schema->binaryToJson(descriptor, input.toStdString());
    triptych::fuzz::requireValidJson({fromWire.constData(), std::size_t(fromWire.size())},
                                     "binaryToJson wrote invalid JSON");

    std::string binary;
    QString error;
    if (!fixture.schema->jsonToBinary(descriptor, input, &binary, &error))
        return 0;
    const QByteArray json = fixture.schema->binaryToJson(descriptor, binary);
    triptych::fuzz::requireValidJson({json.constData(), std::size_t(json.size())}, "binaryToJson wrote invalid JSON");
    std::string again;
    if (!fixture.schema->jsonToBinary(descriptor, json, &again, &error))
        triptych::fuzz::fail("the JSON written for a message is not read back", json.toStdString());
    if (fixture.schema->binaryToJson(descriptor, again) != json)
        triptych::fuzz::fail("JSON → binary → JSON is not stable", json.toStdString());
    if (auto message = fixture.schema->messageFromJson(descriptor, input, &error)) {
        const QByteArray written = GrpcSchema::messageToJson(*message);
        triptych::fuzz::requireValidJson({written.constData(), std::size_t(written.size())},
                                         "messageToJson wrote invalid JSON");
    }
    return 0;
}
