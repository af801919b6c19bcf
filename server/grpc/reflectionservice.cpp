#include "server/grpc/reflectionservice.h"

#include <mutex>

namespace triptych::rpc {
namespace {

namespace v1 = grpc::reflection::v1;

// One answer per question, in order: read, answer, write, read again. Owns itself.
class ReflectionReactor final
    : public grpc::ServerBidiReactor<v1::ServerReflectionRequest, v1::ServerReflectionResponse> {
public:
    explicit ReflectionReactor(const ReflectionResolver &resolver)
        : m_resolver(resolver) {
        StartRead(&m_request);
    }

    void OnReadDone(bool ok) override {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return;
        if (!ok)
            return finish(grpc::Status::OK);
        m_response.Clear();
        m_resolver.answer(m_request, m_response);
        StartWrite(&m_response);
    }
    void OnWriteDone(bool ok) override {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return;
        if (!ok)
            return finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
        StartRead(&m_request);
    }
    void OnCancel() override {
        std::lock_guard lock(m_mutex);
        finish(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
    }
    void OnDone() override { delete this; }

private:
    void finish(grpc::Status status) {
        if (m_finished)
            return;
        m_finished = true;
        Finish(std::move(status));
    }

    const ReflectionResolver &m_resolver;
    std::mutex m_mutex; // OnCancel may race the read or write reaction
    v1::ServerReflectionRequest m_request;
    v1::ServerReflectionResponse m_response;
    bool m_finished = false;
};

} // namespace

grpc::ServerBidiReactor<v1::ServerReflectionRequest, v1::ServerReflectionResponse> *
ReflectionService::ServerReflectionInfo(grpc::CallbackServerContext *) {
    return new ReflectionReactor(m_resolver);
}

} // namespace triptych::rpc
