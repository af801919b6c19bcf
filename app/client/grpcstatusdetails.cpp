#include "app/client/grpcstatusdetails.h"

#include "app/client/protoparsing.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/util/json_util.h>

namespace triptych::client {

QByteArray decodeStatusDetails(const std::string &serializedStatus) {
    if (serializedStatus.empty())
        return {};
    const auto &pool = embeddedPool();
    const auto *descriptor = pool.FindMessageTypeByName("google.rpc.Status");
    if (!descriptor)
        return {};
    google::protobuf::DynamicMessageFactory factory(&pool);
    std::unique_ptr<google::protobuf::Message> status(factory.GetPrototype(descriptor)->New());
    if (!status->ParseFromString(serializedStatus))
        return {};
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    std::string json;
    if (!google::protobuf::util::MessageToJsonString(*status, &json, options).ok())
        return {};
    return QByteArray::fromStdString(json);
}

} // namespace triptych::client
