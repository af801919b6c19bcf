#include "tests/support/hostilegrpcserver.h"

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

namespace triptych::testing {

namespace {

// Writes the same message until the count is reached or the client goes away; never reads.
class FloodReactor : public grpc::ServerGenericBidiReactor {
public:
    FloodReactor(qint64 count, const std::string &message, std::shared_ptr<std::atomic<qint64>> sent,
                 std::shared_ptr<std::atomic<int>> open)
        : m_left(count)
        , m_sent(std::move(sent))
        , m_open(std::move(open)) {
        grpc::Slice slice(message);
        m_message = grpc::ByteBuffer(&slice, 1);
        ++*m_open;
        next();
    }

    void OnWriteDone(bool ok) override {
        if (!ok) {
            Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
            return;
        }
        ++*m_sent;
        next();
    }
    void OnDone() override {
        --*m_open;
        delete this;
    }

private:
    void next() {
        if (m_left-- > 0)
            StartWrite(&m_message);
        else
            Finish(grpc::Status::OK);
    }

    qint64 m_left;
    grpc::ByteBuffer m_message;
    std::shared_ptr<std::atomic<qint64>> m_sent;
    std::shared_ptr<std::atomic<int>> m_open;
};

class FloodService : public grpc::CallbackGenericService {
public:
    FloodService(qint64 count, std::string message, std::shared_ptr<std::atomic<qint64>> sent,
                 std::shared_ptr<std::atomic<int>> open)
        : m_count(count)
        , m_message(std::move(message))
        , m_sent(std::move(sent))
        , m_open(std::move(open)) {}

    grpc::ServerGenericBidiReactor *CreateReactor(grpc::GenericCallbackServerContext *) override {
        return new FloodReactor(m_count, m_message, m_sent, m_open);
    }

private:
    qint64 m_count;
    std::string m_message;
    std::shared_ptr<std::atomic<qint64>> m_sent;
    std::shared_ptr<std::atomic<int>> m_open;
};

} // namespace

HostileGrpcServer::HostileGrpcServer(qint64 messageCount, const std::string &message)
    : m_service(std::make_unique<FloodService>(messageCount, message, m_sent, m_open)) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &m_port);
    builder.RegisterCallbackGenericService(m_service.get());
    m_server = builder.BuildAndStart();
    if (!m_server)
        m_port = 0;
}

HostileGrpcServer::~HostileGrpcServer() {
    if (m_server)
        m_server->Shutdown(std::chrono::system_clock::now());
}

} // namespace triptych::testing
