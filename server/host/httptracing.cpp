#include "server/host/httptracing.h"

#include "server/http/problem.h"
#include "server/tracing/otlpjson.h"
#include "server/tracing/servertiming.h"
#include "server/tracing/tracer.h"

namespace triptych {

http::Middleware httpTracing(tracing::Tracer &tracer) {
    return [&tracer](http::HttpRequest &request, const http::Handler &next) {
        const auto remote = tracing::parseRemoteContext(request.header("traceparent"), request.header("tracestate"));
        // OpenTelemetry HTTP conventions: the span is named after the route template, not the concrete path.
        // A request refused before its head could be read has no method: OpenTelemetry's name for it is "HTTP".
        const std::string method = request.method.empty() ? "HTTP" : request.method;
        auto span = tracing::Span::startServer(tracer, request.route.empty() ? method : method + " " + request.route,
                                               remote ? &*remote : nullptr);
        tracing::PhaseTimings timings;
        http::HttpResponse response;
        {
            tracing::CurrentSpanScope scope(span, &timings);
            response = next(request);
        }
        if (!span.active())
            return response;
        span.set("http.request.method", method);
        if (!request.route.empty())
            span.set("http.route", request.route);
        span.set("url.path", request.path);
        span.set("client.address", request.remoteAddress);
        span.set("http.response.status_code", std::int64_t(response.status));
        span.set("http.request.body.size", std::int64_t(request.body.size()));
        span.set("http.response.body.size", std::int64_t(response.body.size()));
        if (response.status >= 500)
            span.fail("HTTP " + std::to_string(response.status));
        const auto &context = span.context();
        response.headers.set("traceresponse",
                             tracing::formatTraceparent(context.traceId, context.spanId, context.flags));
        response.headers.set("Server-Timing", tracing::serverTimingHeader(double(span.elapsedNanos()) / 1e6, timings));
        if (!context.traceState.empty())
            response.headers.set("tracestate", context.traceState);
        return response;
    };
}

void addTraceRoutes(http::Router &router, tracing::Tracer &tracer) {
    router.add("GET", "/debug/traces/{trace_id}", [&tracer](http::HttpRequest &request) {
        const auto id = tracing::parseTraceId(request.pathParam("trace_id"));
        if (!id)
            return http::problemResponse(404, "'" + std::string(request.pathParam("trace_id")) +
                                                  "' is not a trace id (32 lower-case hex digits, not all zero).");
        auto spans = tracer.store().trace(*id);
        if (spans.empty())
            return http::problemResponse(404, "No spans are recorded for trace " + tracing::toHex(*id) +
                                                  "; it is unknown, evicted, or tracing is off (--tracing).");
        auto response = http::HttpResponse::json(200, tracing::toOtlpJson(spans));
        response.headers.set("Cache-Control", "no-store");
        return response;
    });
}

} // namespace triptych
