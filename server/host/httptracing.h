#pragma once

#include "server/http/router.h"

namespace triptych {

namespace tracing {
class Tracer;
}

// The transport span of every HTTP request (W3C traceparent in, traceresponse and Server-Timing out).
http::Middleware httpTracing(tracing::Tracer &tracer);
// GET /debug/traces/{trace_id}: the trace's spans as OTLP/JSON.
void addTraceRoutes(http::Router &router, tracing::Tracer &tracer);

} // namespace triptych
