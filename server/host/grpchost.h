#pragma once

#include "server/domain/result.h"
#include "server/host/serveroptions.h"
#include "server/tls/tlsmaterial.h"

#include <cstdint>
#include <memory>

namespace grpc {
class Server;
} // namespace grpc

namespace triptych {

namespace rpc {
class GrpcApi;
class StreamSlots;
} // namespace rpc

struct ServiceContext;

// The gRPC side of the server: builds the grpc::Server with its services, health and reflection.
class GrpcHost {
public:
    // With material the port speaks TLS only (client certificates required when it names a client CA).
    // Streams count in `slots` when given (shared with gRPC-Web), else in the gRPC API's own.
    GrpcHost(ServiceContext &context, const ServerOptions &options, const tls::TlsMaterial *material = nullptr,
             std::shared_ptr<rpc::StreamSlots> slots = {});
    ~GrpcHost();
    Result<std::uint16_t> start();
    // Plaintext on 127.0.0.1 for the server's own GraphQL gateway (--gateway) when the public port speaks TLS;
    // without TLS the port itself.
    std::uint16_t loopbackPort() const { return m_loopbackPort; }
    // Cancels open calls and waits for them, bounded by the stop grace period.
    void stop();

private:
    ServiceContext &m_context;
    const ServerOptions &m_options;
    const tls::TlsMaterial *m_material;
    std::shared_ptr<rpc::StreamSlots> m_slots;
    int m_loopbackPort = 0;
    std::unique_ptr<rpc::GrpcApi> m_api; // outlives the server: its reactors use the services' timer and slots
    std::unique_ptr<grpc::Server> m_server;
};

} // namespace triptych
