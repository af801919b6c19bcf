#pragma once

#include "server/tracing/tracecontext.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace triptych::tracing {

// OTLP's SpanKind numbers.
enum class SpanKind { Internal = 1, Server = 2, Client = 3 };

// An attribute's key: always a string literal (consteval), so spans keep a view of it instead of a copy — most
// OpenTelemetry keys ("http.response.status_code") are too long for a string's inline buffer.
class AttributeKey {
public:
    template <std::size_t N>
    consteval AttributeKey(const char (&literal)[N]) // NOLINT(google-explicit-constructor): keys are written inline
        : m_text(literal, N - 1) {}
    // A key read back from the span store, which only ever held literals.
    static AttributeKey fromStored(std::string_view literal) { return AttributeKey(literal, 0); }

    std::string_view view() const { return m_text; }
    friend bool operator==(const AttributeKey &a, const AttributeKey &b) { return a.m_text == b.m_text; }

private:
    AttributeKey(std::string_view text, int)
        : m_text(text) {}
    std::string_view m_text;
};

using AttributeValue = std::variant<std::string, std::int64_t, double, bool>;
struct Attribute {
    AttributeKey key;
    AttributeValue value;
    friend bool operator==(const Attribute &, const Attribute &) = default;
};

// A span's name: a string literal (consteval), kept as a view, or composed text ("GET /v1/users/{id}"), owned.
class SpanName {
public:
    SpanName() = default;
    template <std::size_t N>
    consteval SpanName(const char (&literal)[N]) // NOLINT(google-explicit-constructor): names are written inline
        : m_text(std::in_place_index<0>, literal, N - 1) {}
    SpanName(std::string composed) // NOLINT(google-explicit-constructor)
        : m_text(std::in_place_index<1>, std::move(composed)) {}

    std::string_view view() const { return isLiteral() ? std::get<0>(m_text) : std::string_view(std::get<1>(m_text)); }
    bool isLiteral() const { return m_text.index() == 0; }

private:
    std::variant<std::string_view, std::string> m_text;
};

// A span as it ends, viewing the data of the Span it came from; what the store and the exporter take.
struct FinishedSpan {
    TraceId traceId{};
    SpanId spanId{};
    SpanId parentSpanId{}; // zero for a root span
    const SpanName *name = nullptr;
    SpanKind kind = SpanKind::Internal;
    std::int64_t startUnixNanos = 0;
    std::int64_t endUnixNanos = 0;
    std::span<const Attribute> attributes;
    bool error = false;
    std::string_view statusMessage;
};

// A finished span as read back from the store and exported; times are Unix nanoseconds (wall clock at the start,
// monotonic duration).
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

    static SpanRecord of(const FinishedSpan &span);
    std::int64_t durationNanos() const { return endUnixNanos - startUnixNanos; }
    const AttributeValue *attribute(std::string_view key) const {
        for (const auto &[attributeKey, value] : attributes) {
            if (attributeKey.view() == key)
                return &value;
        }
        return nullptr;
    }
};

} // namespace triptych::tracing
