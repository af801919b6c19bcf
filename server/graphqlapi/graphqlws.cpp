#include "server/graphqlapi/graphqlws.h"

#include "server/core/servicecontext.h"
#include "server/graphqlapi/wsconnection.h"
#include "server/http/problem.h"
#include "server/http/scheduler.h"
#include "server/tracing/tracer.h"

namespace triptych::graphqlapi {
namespace {

// Whether a Sec-WebSocket-Protocol list names graphql-transport-ws.
bool asksForTransportWs(std::string_view protocols) {
    std::size_t start = 0;
    while (start <= protocols.size()) {
        const auto comma = std::min(protocols.find(',', start), protocols.size());
        std::string_view token = protocols.substr(start, comma - start);
        while (!token.empty() && (token.front() == ' ' || token.front() == '\t'))
            token.remove_prefix(1);
        while (!token.empty() && (token.back() == ' ' || token.back() == '\t'))
            token.remove_suffix(1);
        if (token == kTransportWsProtocol)
            return true;
        start = comma + 1;
    }
    return false;
}

} // namespace

GraphqlWebSockets::GraphqlWebSockets(ServiceContext &context, const GraphqlService &service,
                                     const GraphqlApiOptions &options, GatewayClient *gateway)
    : m_context(context)
    , m_service(service)
    , m_options(options)
    , m_gateway(gateway)
    , m_scheduler(std::make_shared<http::Scheduler>()) {}

GraphqlWebSockets::~GraphqlWebSockets() = default;

http::WebSocketAccept GraphqlWebSockets::accept(const http::HttpRequest &request) {
    http::WebSocketAccept accept;
    if (!asksForTransportWs(request.header("Sec-WebSocket-Protocol"))) {
        accept.refusal = http::problemResponse(
            400, "GraphQL over WebSocket speaks the graphql-transport-ws subprotocol: ask for it in "
                 "Sec-WebSocket-Protocol.");
        return accept;
    }
    // The upgrade is a span of its own whose trace the connection's operations and events continue, so the socket
    // carries the trace id of its start, as an SSE stream does; the 101 answer names it in traceresponse.
    const auto remote = tracing::parseRemoteContext(request.header("traceparent"), request.header("tracestate"));
    auto span = tracing::Span::startServer(m_context.tracer, "GET /graphql (WebSocket)", remote ? &*remote : nullptr);
    std::optional<tracing::TraceContext> upgrade;
    if (span.active()) {
        span.set("http.request.method", std::string("GET"));
        span.set("http.route", std::string("/graphql"));
        span.set("client.address", request.remoteAddress);
        span.set("http.response.status_code", std::int64_t(101));
        upgrade = span.context();
        accept.headers.set("traceresponse",
                           tracing::formatTraceparent(upgrade->traceId, upgrade->spanId, upgrade->flags));
    }
    accept.handler =
        std::make_shared<WsConnection>(m_context, m_service, m_options, m_scheduler, m_gateway, std::move(upgrade));
    accept.subprotocol = std::string(kTransportWsProtocol);
    return accept;
}

} // namespace triptych::graphqlapi
