#include "server/grpc/rpctrace.h"

#include "server/grpc/callchecks.h"
#include "server/tracing/servertiming.h"
#include "server/tracing/tracecontext.h"

#include <grpcpp/server_context.h>

#include <optional>

namespace triptych::rpc {
namespace {

constexpr std::string_view kServiceName = "orders.v1.OrderService";

std::string_view metadataValue(const grpc::CallbackServerContext &call, const char *key) {
    const auto found = call.client_metadata().find(key);
    return found == call.client_metadata().end() ? std::string_view()
                                                 : std::string_view(found->second.data(), found->second.size());
}

} // namespace

RpcTrace::RpcTrace(tracing::Tracer &tracer, grpc::CallbackServerContext &call, std::string_view method)
    : m_call(call) {
    const auto remote =
        tracing::parseRemoteContext(metadataValue(call, "traceparent"), metadataValue(call, "tracestate"));
    // OpenTelemetry's RPC conventions: the span is named `package.Service/Method`.
    m_span = tracing::Span::startServer(tracer, std::string(kServiceName) + "/" + std::string(method),
                                        remote ? &*remote : nullptr);
    if (!m_span.active())
        return;
    m_span.set("rpc.system", std::string("grpc"));
    m_span.set("rpc.service", std::string(kServiceName));
    m_span.set("rpc.method", std::string(method));
    m_span.set("client.address", CallChecks::peerAddress(call.peer()));
}

tracing::CurrentSpanScope RpcTrace::makeCurrent() {
    return tracing::CurrentSpanScope(m_span, &m_timings);
}

void RpcTrace::finish(const grpc::Status &status) {
    if (m_finished || !m_span.active())
        return;
    m_finished = true;
    m_span.set("rpc.grpc.status_code", std::int64_t(status.error_code()));
    m_span.set("rpc.request.body.size", std::int64_t(m_requestBytes));
    m_span.set("rpc.response.body.size", std::int64_t(m_responseBytes));
    if (status.error_code() == grpc::StatusCode::INTERNAL || status.error_code() == grpc::StatusCode::UNAVAILABLE)
        m_span.fail(status.error_message());
    const auto &context = m_span.context();
    m_call.AddTrailingMetadata("traceresponse",
                               tracing::formatTraceparent(context.traceId, context.spanId, context.flags));
    m_call.AddTrailingMetadata("server-timing",
                               tracing::serverTimingHeader(double(m_span.elapsedNanos()) / 1e6, m_timings));
    if (!context.traceState.empty())
        m_call.AddTrailingMetadata("tracestate", context.traceState);
    m_span.end();
}

} // namespace triptych::rpc
