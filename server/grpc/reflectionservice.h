#pragma once

#include "server/grpc/reflectionresolver.h"

#include "grpc/reflection/v1/reflection.grpc.pb.h"

namespace triptych::rpc {

// grpc.reflection.v1.ServerReflection: gRPC 1.51 serves only v1alpha, and newer tools ask v1 first.
class ReflectionService final : public grpc::reflection::v1::ServerReflection::CallbackService {
public:
    explicit ReflectionService(ReflectionResolver resolver)
        : m_resolver(std::move(resolver)) {}

    grpc::ServerBidiReactor<grpc::reflection::v1::ServerReflectionRequest,
                            grpc::reflection::v1::ServerReflectionResponse> *
    ServerReflectionInfo(grpc::CallbackServerContext *call) override;

private:
    ReflectionResolver m_resolver;
};

} // namespace triptych::rpc
