#include "server/json/writer.h"
#include "server/rest/openapi.h"
#include "server/rest/openapibuilder.h"

#include <rapidjson/stringbuffer.h>

// components-free part of the OpenAPI document: paths and their operations, and the document's assembly.
namespace triptych::rest::openapi {
namespace {

using Codes = std::initializer_list<std::pair<std::string_view, std::string_view>>;
using MediaTypes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Statuses every GET of a resource may also answer.
const Codes kResourceCodes = {{"304", "NotModified"}, {"404", "NotFound"}};

Value body(const Builder &b, MediaTypes mediaTypes) {
    Value content(rapidjson::kObjectType);
    for (const auto &[mediaType, schemaName] : mediaTypes) {
        Value media(rapidjson::kObjectType);
        Value schema = schemaName.starts_with("[]") ? b.arrayOf(b.schema(schemaName.substr(2)))
                       : schemaName == "string"     ? b.type("string")
                                                    : b.schema(schemaName);
        b.add(media, "schema", std::move(schema));
        b.add(content, mediaType, std::move(media));
    }
    return content;
}

// A success answer; resources carry their caching headers.
Value success(const Builder &b, std::string_view description, MediaTypes mediaTypes,
              std::initializer_list<std::string_view> headerNames) {
    Value result(rapidjson::kObjectType);
    b.add(result, "description", description);
    if (headerNames.size() > 0) {
        Value list(rapidjson::kObjectType);
        for (auto name : headerNames)
            b.add(list, name, b.ref("headers", name));
        b.add(result, "headers", std::move(list));
    }
    return std::move(b.add(result, "content", body(b, mediaTypes)));
}

Value resource(const Builder &b, std::string_view description, MediaTypes mediaTypes) {
    return success(b, description, mediaTypes, {"ETag", "Cache-Control", "Vary", "Content-Encoding"});
}

Value operation(const Builder &b, std::string_view tag, std::string_view summary,
                std::initializer_list<std::string_view> parameterNames, Value ok, std::string_view okStatus,
                Codes codes) {
    Value result(rapidjson::kObjectType);
    b.add(result, "tags", b.strings({tag}));
    b.add(result, "summary", summary);
    if (parameterNames.size() > 0) {
        Value list(rapidjson::kArrayType);
        for (auto name : parameterNames)
            b.push(list, b.ref("parameters", name));
        b.add(result, "parameters", std::move(list));
    }
    Value answers(rapidjson::kObjectType);
    b.add(answers, okStatus, std::move(ok));
    for (const auto &[status, name] : codes)
        b.add(answers, status, b.ref("responses", name));
    b.add(answers, "429", b.ref("responses", "TooManyRequests"));
    b.add(answers, "default", b.ref("responses", "Error"));
    return std::move(b.add(result, "responses", std::move(answers)));
}

// Writes need credentials and take a JSON body (cancel takes none).
Value write(const Builder &b, Value operation, bool withBody) {
    Value security(rapidjson::kArrayType);
    for (auto scheme : {"bearerAuth", "apiKeyAuth"}) {
        Value requirement(rapidjson::kObjectType);
        b.add(requirement, scheme, Value(rapidjson::kArrayType));
        b.push(security, std::move(requirement));
    }
    b.add(operation, "security", std::move(security));
    if (withBody) {
        Value request(rapidjson::kObjectType);
        request.AddMember("required", true, b.allocator());
        b.add(request, "content", body(b, {{"application/json", "CreateOrder"}}));
        b.add(operation, "requestBody", std::move(request));
    }
    return operation;
}

void userPaths(const Builder &b, Value &paths) {
    Value users(rapidjson::kObjectType);
    b.add(users, "get",
          operation(b, "users", "A page of users", {"Limit", "Offset"},
                    resource(b, "The page.", {{"application/json", "UserPage"}}), "200",
                    {{"304", "NotModified"}, {"422", "Unprocessable"}}));
    b.add(paths, "/v1/users", std::move(users));
    Value user(rapidjson::kObjectType);
    b.add(user, "get",
          operation(b, "users", "One user (all 30 fields)", {"UserId"},
                    resource(b, "The user.", {{"application/json", "User"}}), "200", kResourceCodes));
    b.add(paths, "/v1/users/{id}", std::move(user));
    Value friends(rapidjson::kObjectType);
    b.add(friends, "get",
          operation(b, "users", "A user's friends", {"UserId"},
                    resource(b, "The friends.", {{"application/json", "[]User"}}), "200", kResourceCodes));
    b.add(paths, "/v1/users/{id}/friends", std::move(friends));
}

void orderPaths(const Builder &b, Value &paths) {
    Value orders(rapidjson::kObjectType);
    b.add(orders, "get",
          operation(b, "orders", "A user's orders (v2 shape with Accept: application/vnd.orders.v2+json)",
                    {"UserId", "Status", "Cursor", "Limit"},
                    resource(b, "The orders, ascending by id.",
                             {{"application/json", "[]Order"}, {"application/vnd.orders.v2+json", "OrdersV2Page"}}),
                    "200", {{"304", "NotModified"}, {"404", "NotFound"}, {"422", "Unprocessable"}}));
    Value created = success(b, "Created.", {{"application/json", "Order"}}, {"Location"});
    b.add(orders, "post",
          write(b,
                operation(b, "orders", "Create an order", {"UserId"}, std::move(created), "201",
                          {{"400", "BadRequest"},
                           {"401", "Unauthorized"},
                           {"404", "NotFound"},
                           {"413", "ContentTooLarge"},
                           {"415", "UnsupportedMediaType"},
                           {"422", "Unprocessable"}}),
                true));
    b.add(paths, "/v1/users/{id}/orders", std::move(orders));

    Value stream(rapidjson::kObjectType);
    b.add(stream, "get",
          operation(b, "orders", "Server-Sent Events: `event: order` per existing order, then per later event",
                    {"UserId", "IntervalMs"},
                    success(b, "An endless event stream; heartbeats are comments.", {{"text/event-stream", "string"}},
                            {"Cache-Control"}),
                    "200", {{"404", "NotFound"}, {"422", "Unprocessable"}}));
    b.add(paths, "/v1/users/{id}/orders/stream", std::move(stream));

    Value order(rapidjson::kObjectType);
    b.add(order, "get",
          operation(b, "orders", "One order", {"OrderId"}, resource(b, "The order.", {{"application/json", "Order"}}),
                    "200", kResourceCodes));
    b.add(paths, "/v1/orders/{id}", std::move(order));

    Value cancel(rapidjson::kObjectType);
    b.add(cancel, "post",
          write(b,
                operation(b, "orders", "Cancel an order", {"OrderId"},
                          success(b, "The cancelled order.", {{"application/json", "Order"}}, {}), "200",
                          {{"401", "Unauthorized"}, {"404", "NotFound"}, {"409", "Conflict"}}),
                false));
    b.add(paths, "/v1/orders/{id}/cancel", std::move(cancel));

    Value v2(rapidjson::kObjectType);
    b.add(
        v2, "get",
        operation(b, "orders", "A user's orders, v2 shape with cursor paging", {"UserId", "Cursor", "Limit"},
                  resource(b, "One page.",
                           {{"application/json", "OrdersV2Page"}, {"application/vnd.orders.v2+json", "OrdersV2Page"}}),
                  "200", {{"304", "NotModified"}, {"404", "NotFound"}, {"422", "Unprocessable"}}));
    b.add(paths, "/v2/users/{id}/orders", std::move(v2));
}

void serverPaths(const Builder &b, Value &paths) {
    Value health(rapidjson::kObjectType);
    b.add(
        health, "get",
        operation(b, "server", "Liveness", {}, success(b, "Alive.", {{"application/json", "Health"}}, {}), "200", {}));
    b.add(paths, "/healthz", std::move(health));
    Value document(rapidjson::kObjectType);
    Value documentSchema = resource(b, "This document.", {{"application/json", "string"}});
    documentSchema["content"]["application/json"]["schema"]["type"] = "object";
    b.add(document, "get",
          operation(b, "server", "The OpenAPI 3.1 document", {}, std::move(documentSchema), "200",
                    {{"304", "NotModified"}}));
    b.add(paths, "/openapi.json", std::move(document));
    Value dataset(rapidjson::kObjectType);
    b.add(dataset, "get",
          operation(b, "debug", "The whole data set as it is now (needs credentials when not bound to loopback)", {},
                    resource(b, "Users, orders and friendships.", {{"application/json", "Dataset"}}), "200",
                    {{"304", "NotModified"}, {"401", "Unauthorized"}}));
    b.add(paths, "/debug/dataset", std::move(dataset));
    Value traces(rapidjson::kObjectType);
    b.add(traces, "get",
          operation(b, "debug",
                    "The spans recorded for one trace (OTLP/JSON; needs credentials when not bound to loopback)",
                    {"TraceId"}, success(b, "The trace.", {{"application/json", "Traces"}}, {}), "200",
                    {{"400", "BadRequest"}, {"401", "Unauthorized"}, {"404", "NotFound"}}));
    b.add(paths, "/debug/traces/{trace_id}", std::move(traces));
}

Value graphQlQueryParameter(const Builder &b, std::string_view name, bool required) {
    Value result(rapidjson::kObjectType);
    b.add(result, "name", name);
    b.add(result, "in", "query");
    result.AddMember("required", required, b.allocator());
    return std::move(b.add(result, "schema", b.type("string")));
}

void graphQlPaths(const Builder &b, Value &paths) {
    const MediaTypes kAnswers = {{"application/graphql-response+json", "GraphQLResponse"},
                                 {"application/json", "GraphQLResponse"}};
    Value graphql(rapidjson::kObjectType);
    Value post = operation(b, "graphql", "A GraphQL request (GraphQL over HTTP)", {},
                           success(b, "The GraphQL response.", kAnswers, {}), "200", {});
    b.add(post["responses"], "400", success(b, "A request that is not valid GraphQL.", kAnswers, {}));
    Value request(rapidjson::kObjectType);
    request.AddMember("required", true, b.allocator());
    b.add(request, "content", body(b, {{"application/json", "GraphQLRequest"}}));
    b.add(post, "requestBody", std::move(request));
    b.add(graphql, "post", std::move(post));
    Value get = operation(b, "graphql", "A GraphQL query over GET (queries only)", {},
                          success(b, "The GraphQL response.", kAnswers, {}), "200", {});
    b.add(get["responses"], "400", success(b, "A request that is not valid GraphQL.", kAnswers, {}));
    Value list(rapidjson::kArrayType);
    b.push(list, graphQlQueryParameter(b, "query", false));
    for (auto name : {"operationName", "variables", "extensions"})
        b.push(list, graphQlQueryParameter(b, name, false));
    b.add(get, "parameters", std::move(list));
    b.add(graphql, "get", std::move(get));
    b.add(paths, "/graphql", std::move(graphql));
    Value schema(rapidjson::kObjectType);
    b.add(schema, "get",
          operation(b, "graphql", "The schema as SDL", {},
                    success(b, "The SDL.", {{"text/plain", "string"}, {"application/graphql", "string"}}, {}), "200",
                    {}));
    b.add(paths, "/graphql/schema.graphql", std::move(schema));
}

Value securitySchemes(const Builder &b) {
    Value bearer = b.type("http");
    b.add(bearer, "scheme", "bearer");
    b.add(bearer, "description", "Authorization: Bearer <token> (demo: demo-token, or --token).");
    Value apiKey = b.type("apiKey");
    b.add(apiKey, "in", "header");
    b.add(apiKey, "name", "X-API-Key");
    b.add(apiKey, "description", "X-API-Key: <key> (demo: demo-key, or --api-key).");
    Value result(rapidjson::kObjectType);
    b.add(result, "bearerAuth", std::move(bearer));
    return std::move(b.add(result, "apiKeyAuth", std::move(apiKey)));
}

} // namespace

Value paths(const Builder &b) {
    Value result(rapidjson::kObjectType);
    userPaths(b, result);
    orderPaths(b, result);
    serverPaths(b, result);
    graphQlPaths(b, result);
    return result;
}

Value components(const Builder &b) {
    Value result(rapidjson::kObjectType);
    b.add(result, "schemas", schemas(b));
    b.add(result, "responses", responses(b));
    b.add(result, "headers", headers(b));
    b.add(result, "parameters", parameters(b));
    return std::move(b.add(result, "securitySchemes", securitySchemes(b)));
}

} // namespace triptych::rest::openapi

namespace triptych::rest {

std::string openApiDocument() {
    rapidjson::Document document(rapidjson::kObjectType);
    const openapi::Builder b(document.GetAllocator());
    b.add(document, "openapi", "3.1.0");
    openapi::Value info(rapidjson::kObjectType);
    b.add(info, "title", "Triptych order server");
    b.add(info, "version", "1.0.0");
    b.add(info, "description",
          "One order domain served as REST, GraphQL and gRPC. Every GET also answers HEAD; GETs of resources carry a "
          "strong ETag and answer 304 to If-None-Match; gzip on Accept-Encoding.");
    b.add(document, "info", std::move(info));
    openapi::Value server(rapidjson::kObjectType);
    b.add(server, "url", "http://127.0.0.1:8080");
    openapi::Value servers(rapidjson::kArrayType);
    b.push(servers, std::move(server));
    b.add(document, "servers", std::move(servers));
    b.add(document, "paths", openapi::paths(b));
    b.add(document, "components", openapi::components(b));
    rapidjson::StringBuffer buffer;
    triptych::json::Writer<rapidjson::StringBuffer> writer(buffer);
    document.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace triptych::rest
