#pragma once

#include "server/core/result.h"
#include "server/host/serveroptions.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace grpc {
class Server;
class Service;
} // namespace grpc

namespace triptych {

struct ServiceContext;

// The gRPC side of the server: builds the grpc::Server with its services, health and reflection.
class GrpcHost {
public:
    GrpcHost(ServiceContext &context, const ServerOptions &options);
    ~GrpcHost();
    Result<std::uint16_t> start();
    // Cancels open calls and waits for them, bounded by the stop grace period.
    void stop();

private:
    ServiceContext &m_context;
    const ServerOptions &m_options;
    std::vector<std::unique_ptr<grpc::Service>> m_services; // outlive the server
    std::unique_ptr<grpc::Server> m_server;
};

} // namespace triptych
