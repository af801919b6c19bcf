// Writing results as JSON with RapidJSON, in graphql-js's key order.
#include "server/graphql/execution/executorimpl.h"
#include "server/graphql/json.h"
#include "server/graphql/limits.h"
#include "server/json/jsonappend.h"
#include "server/json/writer.h"

#include <cmath>

#include <rapidjson/stringbuffer.h>

namespace triptych::graphql {
namespace {

using Writer = triptych::json::Writer<rapidjson::StringBuffer>;

void writeValue(Writer &w, const Value &v) {
    rapidjson::Document scratch;
    rapidjson::Value json;
    toJson(v, json, scratch.GetAllocator());
    json.Accept(w);
}

void writeErrors(Writer &w, const std::vector<GraphQLError> &errors) {
    w.StartArray();
    for (const auto &e : errors) {
        w.StartObject();
        w.Key("message");
        w.String(e.message.c_str(), static_cast<rapidjson::SizeType>(e.message.size()));
        if (!e.locations.empty()) {
            w.Key("locations");
            w.StartArray();
            for (const auto &l : e.locations) {
                w.StartObject();
                w.Key("line");
                w.Uint(l.line);
                w.Key("column");
                w.Uint(l.column);
                w.EndObject();
            }
            w.EndArray();
        }
        if (e.hasPath) {
            w.Key("path");
            w.StartArray();
            for (const auto &segment : e.path) {
                if (std::holds_alternative<std::string>(segment))
                    w.String(std::get<std::string>(segment).c_str(),
                             static_cast<rapidjson::SizeType>(std::get<std::string>(segment).size()));
                else
                    w.Int64(std::get<std::int64_t>(segment));
            }
            w.EndArray();
        }
        if (e.extensions.kind() == Value::Kind::Object && !e.extensions.asObject().empty()) {
            w.Key("extensions");
            writeValue(w, e.extensions);
        }
        w.EndObject();
    }
    w.EndArray();
}

// Nesting is bounded by the caller (kMaxJsonDepthLevels), so this recursion is too.
bool fromRapid(const rapidjson::Value &v, Value &out, std::size_t depth) {
    if (v.IsNull())
        out = Value();
    else if (v.IsBool())
        out = Value::fromBool(v.GetBool());
    else if (v.IsInt64())
        out = Value::fromInt(v.GetInt64());
    else if (v.IsNumber())
        out = Value::fromFloat(v.GetDouble());
    else if (v.IsString())
        out = Value::fromString(std::string(v.GetString(), v.GetStringLength()));
    else if (depth >= kMaxJsonDepthLevels)
        return false;
    else if (v.IsArray()) {
        Value::List items(v.Size());
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
            if (!fromRapid(v[i], items[i], depth + 1))
                return false;
        out = Value::fromList(std::move(items));
    } else {
        Value::Object fields;
        fields.reserve(v.MemberCount());
        for (const auto &member : v.GetObject()) {
            fields.emplace_back(std::string(member.name.GetString(), member.name.GetStringLength()), Value());
            if (!fromRapid(member.value, fields.back().second, depth + 1))
                return false;
        }
        out = Value::fromObject(std::move(fields));
    }
    return true;
}

} // namespace

std::optional<Value> parseJson(std::string_view text) {
    // Iterative, so that a body of a million `[` cannot exhaust the stack; not UTF-8 is not JSON (RFC 8259 §8.1).
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    if (doc.HasParseError())
        return std::nullopt;
    Value value;
    if (!fromRapid(doc, value, 0))
        return std::nullopt;
    return value;
}

std::string toJsonString(const Value &value) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    writeValue(w, value);
    return std::string(buffer.GetString(), buffer.GetSize());
}

void toJson(const Value &value, rapidjson::Value &out, rapidjson::Document::AllocatorType &allocator) {
    switch (value.kind()) {
    case Value::Kind::Null:
        out.SetNull();
        return;
    case Value::Kind::Int:
        out.SetInt64(value.asInt());
        return;
    case Value::Kind::Float:
        if (std::abs(value.asFloat()) < 1e15 && value.asFloat() == std::floor(value.asFloat()))
            out.SetInt64(static_cast<std::int64_t>(value.asFloat())); // JSON.stringify writes 1.0 as 1
        else
            out.SetDouble(value.asFloat());
        return;
    case Value::Kind::Boolean:
        out.SetBool(value.asBool());
        return;
    case Value::Kind::String:
    case Value::Kind::Enum:
        out.SetString(value.asString().c_str(), static_cast<rapidjson::SizeType>(value.asString().size()), allocator);
        return;
    case Value::Kind::List:
        out.SetArray();
        for (const auto &item : value.asList()) {
            rapidjson::Value v;
            toJson(item, v, allocator);
            out.PushBack(v, allocator);
        }
        return;
    case Value::Kind::Object:
        out.SetObject();
        for (const auto &[key, item] : value.asObject()) {
            rapidjson::Value k(key.c_str(), static_cast<rapidjson::SizeType>(key.size()), allocator);
            rapidjson::Value v;
            toJson(item, v, allocator);
            out.AddMember(k, v, allocator);
        }
        return;
    }
}

ExecutionResult::ExecutionResult()
    : m_impl(std::make_unique<Impl>()) {}
ExecutionResult::~ExecutionResult() = default;
ExecutionResult::ExecutionResult(ExecutionResult &&) noexcept = default;
ExecutionResult &ExecutionResult::operator=(ExecutionResult &&) noexcept = default;

bool ExecutionResult::hasData() const {
    return m_impl->hasData;
}

std::string ExecutionResult::toJson() const {
    std::string out;
    out.reserve(4096); // grown geometrically: the result's pool size (object slots of 16 members) overestimates
    out.push_back('{');
    if (!errors.empty())
        out.append("\"errors\":").append(errorsToJson(errors));
    if (m_impl->hasData) {
        out.append(errors.empty() ? "\"data\":" : ",\"data\":");
        if (m_impl->dataNull)
            out.append("null");
        else
            ::triptych::json::appendValue(out, m_impl->json);
    }
    out.push_back('}');
    return out;
}

std::string errorsToJson(const std::vector<GraphQLError> &errors) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    writeErrors(w, errors);
    return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace triptych::graphql
