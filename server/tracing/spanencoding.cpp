#include "server/tracing/spanencoding.h"

#include <cstring>
#include <type_traits>

namespace triptych::tracing {
namespace {

enum class TextForm : std::uint8_t { Bytes, Literal };
enum class ValueType : std::uint8_t { String, Integer, Double, Boolean };

template <typename T> void put(std::string &out, const T &value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

template <typename T> T take(std::string_view &in) {
    T value;
    std::memcpy(&value, in.data(), sizeof value);
    in.remove_prefix(sizeof value);
    return value;
}

void putBytes(std::string &out, std::string_view text) {
    put(out, static_cast<std::uint32_t>(text.size()));
    out.append(text);
}

std::string_view takeBytes(std::string_view &in) {
    const auto size = take<std::uint32_t>(in);
    const std::string_view text = in.substr(0, size);
    in.remove_prefix(size);
    return text;
}

void putLiteral(std::string &out, std::string_view literal) {
    put(out, literal.data());
    put(out, literal.size());
}

std::string_view takeLiteral(std::string_view &in) {
    const auto *data = take<const char *>(in);
    return {data, take<std::size_t>(in)};
}

void putName(std::string &out, const SpanName &name) {
    put(out, name.isLiteral() ? TextForm::Literal : TextForm::Bytes);
    if (name.isLiteral())
        putLiteral(out, name.view());
    else
        putBytes(out, name.view());
}

std::string_view takeName(std::string_view &in) {
    return take<TextForm>(in) == TextForm::Literal ? takeLiteral(in) : takeBytes(in);
}

void putValue(std::string &out, const AttributeValue &value) {
    if (const auto *text = std::get_if<std::string>(&value)) {
        put(out, ValueType::String);
        putBytes(out, *text);
    } else if (const auto *integer = std::get_if<std::int64_t>(&value)) {
        put(out, ValueType::Integer);
        put(out, *integer);
    } else if (const auto *number = std::get_if<double>(&value)) {
        put(out, ValueType::Double);
        put(out, *number);
    } else {
        put(out, ValueType::Boolean);
        put(out, std::get<bool>(value));
    }
}

AttributeValue takeValue(std::string_view &in) {
    switch (take<ValueType>(in)) {
    case ValueType::String:
        return std::string(takeBytes(in));
    case ValueType::Integer:
        return take<std::int64_t>(in);
    case ValueType::Double:
        return take<double>(in);
    case ValueType::Boolean:
        break;
    }
    return take<bool>(in);
}

// The fixed-size part of an encoded span, followed by its name, status message and attributes.
struct Header {
    SpanId spanId;
    SpanId parentSpanId;
    std::int64_t startUnixNanos;
    std::int64_t endUnixNanos;
    SpanKind kind;
    bool error;
    std::uint32_t attributeCount;
};

} // namespace

void encodeSpan(std::string &out, const FinishedSpan &span) {
    put(out, Header{span.spanId, span.parentSpanId, span.startUnixNanos, span.endUnixNanos, span.kind, span.error,
                    static_cast<std::uint32_t>(span.attributes.size())});
    putName(out, *span.name);
    putBytes(out, span.statusMessage);
    for (const auto &[key, value] : span.attributes) {
        putLiteral(out, key.view());
        putValue(out, value);
    }
}

void decodeSpans(const TraceId &traceId, std::string_view encoded, std::vector<SpanRecord> &out) {
    while (!encoded.empty()) {
        const auto header = take<Header>(encoded);
        SpanRecord &span = out.emplace_back();
        span.traceId = traceId;
        span.spanId = header.spanId;
        span.parentSpanId = header.parentSpanId;
        span.startUnixNanos = header.startUnixNanos;
        span.endUnixNanos = header.endUnixNanos;
        span.kind = header.kind;
        span.error = header.error;
        span.name = takeName(encoded);
        span.statusMessage = takeBytes(encoded);
        span.attributes.reserve(header.attributeCount);
        for (std::uint32_t i = 0; i < header.attributeCount; ++i) {
            const auto key = AttributeKey::fromStored(takeLiteral(encoded));
            span.attributes.push_back({key, takeValue(encoded)});
        }
    }
}

} // namespace triptych::tracing
