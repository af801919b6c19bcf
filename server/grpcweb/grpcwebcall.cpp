#include "server/grpcweb/grpcwebcall.h"

namespace triptych::grpcweb {
namespace {

constexpr std::string_view kServiceName = "orders.v1.OrderService";

} // namespace

void addCorsHeaders(const http::HttpRequest &request, http::Headers &headers) {
    const auto origin = request.header("Origin");
    headers.set("Access-Control-Allow-Origin", origin.empty() ? std::string("*") : std::string(origin));
    if (!origin.empty())
        headers.set("Vary", "Origin");
    // Without these a browser hides the status of a trailers-only answer and the trace fields.
    headers.set("Access-Control-Expose-Headers",
                "grpc-status, grpc-message, grpc-status-details-bin, traceresponse, server-timing");
}

http::HttpResponse preflightAnswer(const http::HttpRequest &request) {
    http::HttpResponse response;
    response.status = 204;
    addCorsHeaders(request, response.headers);
    response.headers.set("Access-Control-Allow-Methods", "POST, OPTIONS");
    response.headers.set("Access-Control-Allow-Headers",
                         "content-type, x-grpc-web, x-user-agent, grpc-timeout, authorization, traceparent, "
                         "tracestate");
    response.headers.set("Access-Control-Max-Age", "86400");
    return response;
}

WebCall::WebCall(tracing::Tracer &tracer, const http::HttpRequest &request, Encoding encoding, std::string_view method)
    : m_encoding(encoding) {
    // A server span under the HTTP request's (which the front door's tracing made current), so the trace reads
    // POST /orders.v1.OrderService/{method} → orders.v1.OrderService/Method → service → SQL, as gRPC's does.
    m_span = tracing::Span::startServer(tracer, std::string(kServiceName) + "/" + std::string(method),
                                        tracing::currentContext());
    addCorsHeaders(request, m_cors);
    if (!m_span.active())
        return;
    m_span.set("rpc.system", std::string("grpc"));
    m_span.set("rpc.service", std::string(kServiceName));
    m_span.set("rpc.method", std::string(method));
    m_span.set("rpc.grpc_web.encoding", std::string(encoding == Encoding::Text ? "text" : "binary"));
    m_span.set("client.address", request.remoteAddress);
}

http::HttpResponse WebCall::head() const {
    http::HttpResponse response;
    response.headers = m_cors;
    response.headers.set("Content-Type", std::string(contentTypeOf(m_encoding)));
    response.headers.set("Cache-Control", "no-store");
    return response;
}

std::string WebCall::encoded(std::string bytes) const {
    return m_encoding == Encoding::Text ? base64Encode(bytes) : bytes;
}

std::string WebCall::messageChunk(std::string_view payload) {
    m_responseBytes += payload.size();
    return encoded(frame(payload));
}

std::string WebCall::finish(const grpc::Status &status) {
    std::string trailers = "grpc-status:" + std::to_string(int(status.error_code())) + "\r\n";
    if (!status.error_message().empty())
        trailers += "grpc-message:" + percentEncodeMessage(status.error_message()) + "\r\n";
    if (!status.error_details().empty())
        trailers += "grpc-status-details-bin:" + base64Encode(status.error_details(), false) + "\r\n";
    if (m_span.active()) {
        m_span.set("rpc.grpc.status_code", std::int64_t(status.error_code()));
        m_span.set("rpc.request.body.size", std::int64_t(m_requestBytes));
        m_span.set("rpc.response.body.size", std::int64_t(m_responseBytes));
        if (status.error_code() == grpc::StatusCode::INTERNAL || status.error_code() == grpc::StatusCode::UNAVAILABLE)
            m_span.fail(status.error_message());
        m_span.end();
    }
    return encoded(frame(trailers, kTrailerFlag));
}

} // namespace triptych::grpcweb
