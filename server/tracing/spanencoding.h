#pragma once

#include "server/tracing/span.h"

#include <string>
#include <string_view>
#include <vector>

// The span store's compact form of finished spans: fixed-size fields copied as they are, text as its bytes, and
// literals (keys, most names) as a pointer and a length. In-process only: never written to disk or the wire.
namespace triptych::tracing {

void encodeSpan(std::string &out, const FinishedSpan &span);
// Appends the spans of `encoded`, all of trace `traceId`, to `out`.
void decodeSpans(const TraceId &traceId, std::string_view encoded, std::vector<SpanRecord> &out);

} // namespace triptych::tracing
