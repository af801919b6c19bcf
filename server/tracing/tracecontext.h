#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// W3C Trace Context (Recommendation, level 1): the traceparent / tracestate pair every style accepts.
namespace triptych::tracing {

using TraceId = std::array<std::uint8_t, 16>;
using SpanId = std::array<std::uint8_t, 8>;

struct TraceContext {
    TraceId traceId{};
    SpanId spanId{};
    std::uint8_t flags = 0x01; // sampled
    std::string traceState;    // passed through unchanged

    bool sampled() const { return (flags & 0x01) != 0; }
};

// Parses a traceparent value; none when invalid (wrong length, upper-case or non-hex digits, version ff,
// all-zero ids, or extra data after a version 00 header), in which case the server starts a new trace.
std::optional<TraceContext> parseTraceparent(std::string_view value);
// The caller's context from its traceparent and tracestate (HTTP headers or gRPC metadata); tracestate is kept
// only with a valid traceparent, as the Recommendation says. None: the server starts a trace.
std::optional<TraceContext> parseRemoteContext(std::string_view traceparent, std::string_view tracestate);
// "00-<trace id>-<span id>-<flags>"
std::string formatTraceparent(const TraceId &traceId, const SpanId &spanId, std::uint8_t flags);
std::string toHex(const TraceId &id);
std::string toHex(const SpanId &id);
std::optional<TraceId> parseTraceId(std::string_view hex);

TraceId newTraceId();
SpanId newSpanId();
bool isZero(const TraceId &id);
bool isZero(const SpanId &id);

} // namespace triptych::tracing
