#pragma once

#include "server/tracing/tracer.h"

#include <string>

namespace triptych::tracing {

// The Server-Timing header (W3C Server Timing) for one request: "total", "db" (all SQL statements), and each
// direct phase of the transport span, e.g. `total;dur=1.21, db;dur=0.40;desc="2 SQL", parse;dur=0.05`.
std::string serverTimingHeader(double totalMillis, const PhaseTimings &timings);

} // namespace triptych::tracing
