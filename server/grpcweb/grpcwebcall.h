#pragma once

#include "server/grpcweb/grpcwebframing.h"
#include "server/http/httpmessage.h"
#include "server/tracing/tracer.h"

#include <grpcpp/support/status.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace triptych::grpcweb {

// The CORS fields of every gRPC-Web answer: the caller's origin (or *), and the gRPC fields a browser may read.
void addCorsHeaders(const http::HttpRequest &request, http::Headers &headers);
// The answer to a CORS preflight (OPTIONS) for a gRPC-Web method: 204 with what a gRPC-Web client sends.
http::HttpResponse preflightAnswer(const http::HttpRequest &request);

// One gRPC-Web call of orders.v1.OrderService: its server span (named and attributed like a gRPC call's, a child of
// the HTTP request's span), the answer's head, its frames in the call's encoding, and the trailer frame ending it.
class WebCall {
public:
    WebCall(tracing::Tracer &tracer, const http::HttpRequest &request, Encoding encoding, std::string_view method);
    WebCall(const WebCall &) = delete;
    WebCall &operator=(const WebCall &) = delete;

    // The span is current on this thread until the scope ends; SQL and service spans attach to it.
    [[nodiscard]] tracing::CurrentSpanScope makeCurrent() const { return tracing::CurrentSpanScope(m_span); }
    void addRequestBytes(std::size_t bytes) { m_requestBytes += bytes; }
    // 200 with the content type and CORS fields; the body is added by the caller (unary) or streamed.
    http::HttpResponse head() const;
    // One message frame, base64-encoded in text mode.
    std::string messageChunk(std::string_view payload);
    // The trailer frame (grpc-status, grpc-message, grpc-status-details-bin); ends the span. Call once.
    std::string finish(const grpc::Status &status);

private:
    std::string encoded(std::string bytes) const;

    Encoding m_encoding;
    tracing::Span m_span;
    http::Headers m_cors;
    std::size_t m_requestBytes = 0;
    std::size_t m_responseBytes = 0;
};

} // namespace triptych::grpcweb
