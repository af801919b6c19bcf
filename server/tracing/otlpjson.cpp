#include "server/tracing/otlpjson.h"

#include "server/json/writer.h"

#include <rapidjson/stringbuffer.h>

namespace triptych::tracing {
namespace {

using Writer = triptych::json::Writer<rapidjson::StringBuffer>;

void writeValue(Writer &w, const AttributeValue &value) {
    w.StartObject();
    if (const auto *text = std::get_if<std::string>(&value)) {
        w.Key("stringValue");
        w.String(*text);
    } else if (const auto *integer = std::get_if<std::int64_t>(&value)) {
        w.Key("intValue");
        w.String(std::to_string(*integer));
    } else if (const auto *number = std::get_if<double>(&value)) {
        w.Key("doubleValue");
        w.Double(*number);
    } else {
        w.Key("boolValue");
        w.Bool(std::get<bool>(value));
    }
    w.EndObject();
}

void writeAttributes(Writer &w, const std::vector<Attribute> &attributes) {
    w.Key("attributes");
    w.StartArray();
    for (const auto &[key, value] : attributes) {
        w.StartObject();
        w.Key("key");
        w.String(key.view().data(), static_cast<rapidjson::SizeType>(key.view().size()));
        w.Key("value");
        writeValue(w, value);
        w.EndObject();
    }
    w.EndArray();
}

void writeSpan(Writer &w, const SpanRecord &span) {
    w.StartObject();
    w.Key("traceId");
    w.String(toHex(span.traceId));
    w.Key("spanId");
    w.String(toHex(span.spanId));
    if (!isZero(span.parentSpanId)) {
        w.Key("parentSpanId");
        w.String(toHex(span.parentSpanId));
    }
    w.Key("name");
    w.String(span.name);
    w.Key("kind");
    w.Int(static_cast<int>(span.kind));
    w.Key("startTimeUnixNano");
    w.String(std::to_string(span.startUnixNanos));
    w.Key("endTimeUnixNano");
    w.String(std::to_string(span.endUnixNanos));
    writeAttributes(w, span.attributes);
    w.Key("status");
    w.StartObject();
    w.Key("code");
    w.Int(span.error ? 2 : 1); // STATUS_CODE_ERROR : STATUS_CODE_OK
    if (!span.statusMessage.empty()) {
        w.Key("message");
        w.String(span.statusMessage);
    }
    w.EndObject();
    w.EndObject();
}

} // namespace

std::string toOtlpJson(const std::vector<SpanRecord> &spans, const std::string &serviceName) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("resourceSpans");
    w.StartArray();
    w.StartObject();
    w.Key("resource");
    w.StartObject();
    writeAttributes(w, {{"service.name", serviceName},
                        {"telemetry.sdk.name", std::string("triptych")},
                        {"telemetry.sdk.language", std::string("cpp")}});
    w.EndObject();
    w.Key("scopeSpans");
    w.StartArray();
    w.StartObject();
    w.Key("scope");
    w.StartObject();
    w.Key("name");
    w.String("triptych.server");
    w.EndObject();
    w.Key("spans");
    w.StartArray();
    for (const auto &span : spans)
        writeSpan(w, span);
    w.EndArray();
    w.EndObject();
    w.EndArray();
    w.EndObject();
    w.EndArray();
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace triptych::tracing
