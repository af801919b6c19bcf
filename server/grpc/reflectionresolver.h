#pragma once

#include <string>
#include <vector>

namespace google::protobuf {
class DescriptorPool;
}
namespace grpc::reflection::v1 {
class ServerReflectionRequest;
class ServerReflectionResponse;
} // namespace grpc::reflection::v1

namespace triptych::rpc {

// Answers grpc.reflection.v1 questions from a descriptor pool (the generated one in the server, the same pool
// gRPC's v1alpha plugin reads). Files come with every file they import, transitively, so a client needs nothing else.
class ReflectionResolver {
public:
    ReflectionResolver(std::vector<std::string> serviceNames, const google::protobuf::DescriptorPool &pool);

    void answer(const grpc::reflection::v1::ServerReflectionRequest &request,
                grpc::reflection::v1::ServerReflectionResponse &response) const;

private:
    std::vector<std::string> m_serviceNames;
    const google::protobuf::DescriptorPool &m_pool;
};

} // namespace triptych::rpc
