#pragma once

#include "server/tracing/span.h"

#include <string>
#include <vector>

namespace triptych::tracing {

// Spans in the OTLP/JSON shape (resourceSpans → scopeSpans → spans): ids in lower-case hex, times and 64-bit
// integers as decimal strings, kind and status as OTLP numbers; what /debug/traces and the exporter send.
std::string toOtlpJson(const std::vector<SpanRecord> &spans, const std::string &serviceName = "triptych-server");

} // namespace triptych::tracing
