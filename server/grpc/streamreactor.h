#pragma once

#include "server/core/servicecontext.h"
#include "server/grpc/lifeline.h"
#include "server/grpc/rpcenvironment.h"
#include "server/grpc/rpctrace.h"
#include "server/grpc/streamslots.h"

#include <grpcpp/support/server_callback.h>
#include <grpcpp/support/status.h>

#include <memory>
#include <mutex>
#include <string_view>

namespace triptych::rpc {

// What the self-owned reactors that stream answers share: one finish, the write, cancel and done reactions, and the
// lifeline through which timers and events reach them. Derived (a friend) supplies, under the lifeline's mutex,
// pump() (starts the next write, if any) and release() (drops what only a running call needs).
template <typename Derived, typename Reactor> class StreamReactor : public Reactor {
public:
    void OnWriteDone(bool ok) override {
        const auto self = m_self;
        std::lock_guard lock(self->mutex());
        m_writing = false;
        if (!ok)
            return finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
        derived().pump();
    }

    void OnCancel() override {
        const auto self = m_self;
        std::lock_guard lock(self->mutex());
        finish(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled by the client or its deadline"));
    }

    void OnDone() override {
        m_self->end();
        delete &derived();
    }

protected:
    using Self = Lifeline<Derived>;

    // Derived passes itself, so the lifeline never casts a half-built object.
    StreamReactor(Derived *owner, RpcEnvironment env, grpc::CallbackServerContext &call, std::string_view method)
        : m_env(env)
        , m_trace(env.context.tracer, call, method)
        , m_self(std::make_shared<Self>(owner)) {}

    void finish(grpc::Status status) {
        if (m_finished)
            return;
        m_finished = true;
        derived().release();
        m_trace.finish(status);
        this->Finish(std::move(status));
    }

    RpcEnvironment m_env;
    RpcTrace m_trace;
    std::shared_ptr<Self> m_self;
    StreamSlots::Slot m_slot;
    bool m_writing = false;
    bool m_finished = false;

private:
    Derived &derived() { return static_cast<Derived &>(*this); }
};

} // namespace triptych::rpc
