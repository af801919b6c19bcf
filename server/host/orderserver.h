#pragma once

#include "server/domain/result.h"
#include "server/host/serveroptions.h"

#include <cstdint>
#include <memory>
#include <string>

namespace triptych {

class OrderService;
class EventBus;
namespace store {
class Database;
}
namespace tracing {
class Tracer;
}

// The embedded order server: owns the database, the service layer, and the HTTP and gRPC servers with all their
// threads. The app and triptych-server use it alike; start and stop are the only in-process control.
class OrderServer {
public:
    explicit OrderServer(ServerOptions options);
    ~OrderServer();
    OrderServer(const OrderServer &) = delete;
    OrderServer &operator=(const OrderServer &) = delete;

    // Opens the database and starts listening. A port in use fails with reason "ADDRESS_IN_USE" and names the port.
    Status start();
    // Idempotent; returns within about a second.
    void stop();
    bool isRunning() const;

    std::uint16_t httpPort() const;
    std::uint16_t grpcPort() const;
    const ServerOptions &options() const { return m_options; }
    // "triptych-server ready: http=127.0.0.1:8080 grpc=127.0.0.1:50051", in TLS mode followed by " tls-ca=FILE"
    std::string readyLine() const;
    bool tlsEnabled() const { return m_options.tls.enabled; }
    // TLS mode: the generated CA's file (empty with an own certificate) and the generated client pair for mTLS.
    std::string tlsCaFile() const;
    std::string tlsClientCertificateFile() const;
    std::string tlsClientKeyFile() const;

    // For tests and the app's host view; null until started.
    OrderService *service() const;
    EventBus *events() const;
    store::Database *database() const;
    tracing::Tracer *tracer() const;

private:
    struct Running;
    void startTracing(Running &running) const;
    Status startHttp(Running &running);
    ServerOptions m_options;
    std::unique_ptr<Running> m_running;
};

} // namespace triptych
