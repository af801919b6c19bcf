#include "server/domain/limits.h"
#include "server/rest/limits.h"
#include "server/rest/openapibuilder.h"

// components.responses, .headers and .parameters: the parts every operation shares.
namespace triptych::rest::openapi {
namespace {

Value header(const Builder &b, std::string_view description, Value schema) {
    Value result(rapidjson::kObjectType);
    b.add(result, "description", description);
    return std::move(b.add(result, "schema", std::move(schema)));
}

Value content(const Builder &b, std::string_view mediaType, Value schema) {
    Value media(rapidjson::kObjectType);
    b.add(media, "schema", std::move(schema));
    Value result(rapidjson::kObjectType);
    return std::move(b.add(result, mediaType, std::move(media)));
}

Value problem(const Builder &b, std::string_view description, std::initializer_list<std::string_view> headerNames) {
    Value result(rapidjson::kObjectType);
    b.add(result, "description", description);
    if (headerNames.size() > 0) {
        Value list(rapidjson::kObjectType);
        for (auto name : headerNames)
            b.add(list, name, b.ref("headers", name));
        b.add(result, "headers", std::move(list));
    }
    return std::move(b.add(result, "content", content(b, "application/problem+json", b.schema("Problem"))));
}

Value parameter(const Builder &b, std::string_view name, std::string_view in, std::string_view description,
                Value schema) {
    Value result(rapidjson::kObjectType);
    b.add(result, "name", name);
    b.add(result, "in", in);
    b.add(result, "description", description);
    if (in == "path")
        result.AddMember("required", true, b.allocator());
    return std::move(b.add(result, "schema", std::move(schema)));
}

Value bounded(const Builder &b, int minimum, int maximum, int fallback) {
    Value result = b.type("integer", "int32");
    result.AddMember("minimum", minimum, b.allocator());
    if (maximum > 0)
        result.AddMember("maximum", maximum, b.allocator());
    result.AddMember("default", fallback, b.allocator());
    return result;
}

} // namespace

Value headers(const Builder &b) {
    Value result(rapidjson::kObjectType);
    b.add(result, "ETag", header(b, "Strong entity tag: a hash of the body as sent.", b.type("string")));
    b.add(result, "Cache-Control", header(b, "How long a cache may keep the answer.", b.type("string")));
    b.add(result, "Vary", header(b, "Request headers that choose the representation.", b.type("string")));
    b.add(result, "Content-Encoding", header(b, "gzip when the request accepted it.", b.type("string")));
    b.add(result, "Location", header(b, "The new order's URL.", b.type("string", "uri-reference")));
    b.add(result, "WWW-Authenticate", header(b, "The Bearer challenge (X-API-Key works too).", b.type("string")));
    b.add(result, "Retry-After", header(b, "Seconds until a request is allowed again.", b.type("integer")));
    b.add(result, "Accept-Post", header(b, "The media type POST accepts.", b.type("string")));
    return result;
}

Value responses(const Builder &b) {
    Value result(rapidjson::kObjectType);
    Value notModified(rapidjson::kObjectType);
    b.add(notModified, "description", "Not Modified: If-None-Match holds the current tag; no body.");
    Value notModifiedHeaders(rapidjson::kObjectType);
    for (auto name : {"ETag", "Cache-Control", "Vary"})
        b.add(notModifiedHeaders, name, b.ref("headers", name));
    b.add(notModified, "headers", std::move(notModifiedHeaders));
    b.add(result, "NotModified", std::move(notModified));
    b.add(result, "BadRequest", problem(b, "Malformed JSON body (the detail names the byte offset).", {}));
    b.add(result, "Unauthorized", problem(b, "Missing or wrong credentials.", {"WWW-Authenticate"}));
    b.add(result, "NotFound", problem(b, "No such route, or the {id} names nothing.", {}));
    b.add(result, "Conflict", problem(b, "The order is already delivered or cancelled.", {}));
    b.add(result, "ContentTooLarge", problem(b, "The body is over the limit (1 MiB).", {}));
    b.add(result, "UnsupportedMediaType", problem(b, "The body is not application/json.", {"Accept-Post"}));
    b.add(result, "Unprocessable", problem(b, "Validation failed; `errors` names each field.", {}));
    b.add(result, "TooManyRequests", problem(b, "Rate limited (--rate-limit).", {"Retry-After"}));
    b.add(result, "Error", problem(b, "Any other error (405 with Allow, 408, 431, 500, 503).", {}));
    return result;
}

Value parameters(const Builder &b) {
    using triptych::limits::kDefaultPageSize;
    using triptych::limits::kMaxPageSize;
    using triptych::limits::kMinPageSize;
    Value result(rapidjson::kObjectType);
    Value id = b.type("integer", "int32");
    id.AddMember("minimum", 1, b.allocator());
    b.add(result, "UserId", parameter(b, "id", "path", "A user id.", b.copy(id)));
    b.add(result, "OrderId", parameter(b, "id", "path", "An order id.", std::move(id)));
    b.add(result, "Limit",
          parameter(b, "limit", "query", "Page size.", bounded(b, kMinPageSize, kMaxPageSize, kDefaultPageSize)));
    b.add(result, "Offset", parameter(b, "offset", "query", "Users to skip.", bounded(b, 0, 0, 0)));
    b.add(result, "Status", parameter(b, "status", "query", "Only orders in this status.", b.schema("OrderStatus")));
    b.add(result, "Cursor",
          parameter(b, "cursor", "query", "next_cursor of the previous page; absent for the first.", b.type("string")));
    b.add(result, "IntervalMs",
          parameter(b, "interval_ms", "query", "Pause between the existing orders, in milliseconds.",
                    bounded(b, 0, limits::kMaxSseIntervalMs, 0)));
    b.add(result, "TraceId",
          parameter(b, "trace_id", "path", "A W3C trace id: 32 lower-case hex digits.", b.type("string")));
    return result;
}

} // namespace triptych::rest::openapi
