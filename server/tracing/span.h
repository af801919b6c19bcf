#pragma once

#include "server/tracing/tracecontext.h"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace triptych::tracing {

// OTLP's SpanKind numbers.
enum class SpanKind { Internal = 1, Server = 2, Client = 3 };

using AttributeValue = std::variant<std::string, std::int64_t, double, bool>;
using Attribute = std::pair<std::string, AttributeValue>;

// A finished span as stored and exported; times are Unix nanoseconds (wall clock at the start, monotonic duration).
struct SpanRecord {
    TraceId traceId{};
    SpanId spanId{};
    SpanId parentSpanId{}; // zero for a root span
    std::string name;
    SpanKind kind = SpanKind::Internal;
    std::int64_t startUnixNanos = 0;
    std::int64_t endUnixNanos = 0;
    std::vector<Attribute> attributes;
    bool error = false;
    std::string statusMessage;

    std::int64_t durationNanos() const { return endUnixNanos - startUnixNanos; }
    const AttributeValue *attribute(std::string_view key) const {
        for (const auto &[attributeKey, value] : attributes) {
            if (attributeKey == key)
                return &value;
        }
        return nullptr;
    }
};

} // namespace triptych::tracing
