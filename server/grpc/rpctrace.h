#pragma once

#include "server/tracing/tracer.h"

#include <grpcpp/support/status.h>

#include <cstddef>
#include <string_view>

namespace grpc {
class CallbackServerContext;
}

namespace triptych::rpc {

// The transport span of one RPC, a child of the caller's `traceparent` metadata (else a new trace). While it is
// current on a thread, service and SQL spans attach to it; finishing it puts `traceresponse` and `server-timing`
// into the call's trailing metadata, as HTTP answers carry them in headers.
class RpcTrace {
public:
    RpcTrace(tracing::Tracer &tracer, grpc::CallbackServerContext &call, std::string_view method);
    RpcTrace(const RpcTrace &) = delete;
    RpcTrace &operator=(const RpcTrace &) = delete;

    // Makes the span current on this thread until the returned scope is destroyed (same thread).
    [[nodiscard]] tracing::CurrentSpanScope makeCurrent();
    bool active() const { return m_span.active(); }
    void addRequestBytes(std::size_t bytes) { m_requestBytes += bytes; }
    void addResponseBytes(std::size_t bytes) { m_responseBytes += bytes; }
    // Call before the call's Finish; later calls do nothing.
    void finish(const grpc::Status &status);

private:
    grpc::CallbackServerContext &m_call;
    tracing::Span m_span;
    tracing::PhaseTimings m_timings;
    std::size_t m_requestBytes = 0;
    std::size_t m_responseBytes = 0;
    bool m_finished = false;
};

} // namespace triptych::rpc
