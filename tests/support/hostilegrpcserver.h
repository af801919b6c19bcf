#pragma once

#include <QString>

#include <atomic>
#include <memory>

namespace grpc {
class Server;
class CallbackGenericService;
} // namespace grpc

namespace triptych::testing {

// A gRPC server on 127.0.0.1 (port 0) whose every method, whatever its name, answers with a stream of `messageCount`
// copies of one message (empty by default: valid for any message type) as fast as the client reads them.
class HostileGrpcServer {
public:
    explicit HostileGrpcServer(qint64 messageCount = 10'000'000, const std::string &message = {});
    ~HostileGrpcServer();
    HostileGrpcServer(const HostileGrpcServer &) = delete;
    HostileGrpcServer &operator=(const HostileGrpcServer &) = delete;

    bool isListening() const { return m_port > 0; }
    QString target() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    qint64 messagesSent() const { return *m_sent; }
    int openStreams() const { return *m_open; }

private:
    std::shared_ptr<std::atomic<qint64>> m_sent = std::make_shared<std::atomic<qint64>>(0);
    std::shared_ptr<std::atomic<int>> m_open = std::make_shared<std::atomic<int>>(0);
    std::unique_ptr<grpc::CallbackGenericService> m_service;
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
};

} // namespace triptych::testing
