#pragma once

#include "server/domain/result.h"
#include "server/host/serveroptions.h"

#include <cstdint>
#include <memory>

namespace grpc {
class Server;
} // namespace grpc

namespace triptych {

namespace rpc {
class GrpcApi;
}

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
    std::unique_ptr<rpc::GrpcApi> m_api; // outlives the server: its reactors use the services' timer and slots
    std::unique_ptr<grpc::Server> m_server;
};

} // namespace triptych
