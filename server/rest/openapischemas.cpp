#include "server/domain/limits.h"
#include "server/rest/openapibuilder.h"

// components.schemas, .responses, .headers and .parameters of the OpenAPI document.
namespace triptych::rest::openapi {
namespace {

struct Field {
    std::string_view name;
    std::string_view type;
    std::string_view format;
};

constexpr Field kUserFields[] = {
    {"id", "integer", "int32"},
    {"name", "string", ""},
    {"email", "string", "email"},
    {"avatar_url", "string", "uri"},
    {"bio", "string", ""},
    {"phone", "string", ""},
    {"locale", "string", ""},
    {"timezone", "string", ""},
    {"company", "string", ""},
    {"job_title", "string", ""},
    {"website", "string", "uri"},
    {"street", "string", ""},
    {"city", "string", ""},
    {"postal_code", "string", ""},
    {"country", "string", ""},
    {"date_of_birth", "string", "date"},
    {"created_at", "string", "date-time"},
    {"updated_at", "string", "date-time"},
    {"last_login_at", "string", "date-time"},
    {"is_active", "boolean", ""},
    {"is_verified", "boolean", ""},
    {"two_factor_enabled", "boolean", ""},
    {"loyalty_tier", "string", ""},
    {"loyalty_points", "integer", "int32"},
    {"marketing_opt_in", "boolean", ""},
    {"preferred_currency", "string", ""},
    {"preferred_language", "string", ""},
    {"orders_count", "integer", "int32"},
    {"lifetime_value_cents", "integer", "int64"},
    {"notes", "string", ""},
};

Value objectSchema(const Builder &b, Value properties, Value required) {
    Value result = b.type("object");
    b.add(result, "required", std::move(required));
    return std::move(b.add(result, "properties", std::move(properties)));
}

Value userSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    Value required(rapidjson::kArrayType);
    for (const auto &field : kUserFields) {
        b.add(properties, field.name, b.type(field.type, field.format));
        b.push(required, b.text(field.name));
    }
    Value result = objectSchema(b, std::move(properties), std::move(required));
    return std::move(b.add(result, "description", "The full user object: 30 fields."));
}

Value statusSchema(const Builder &b) {
    Value result = b.type("string");
    return std::move(b.add(result, "enum", b.strings({"PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"})));
}

// v1 has total_cents; v2 replaces it with a total object.
Value orderSchema(const Builder &b, bool v2) {
    Value properties(rapidjson::kObjectType);
    b.add(properties, "id", b.type("integer", "int32"));
    b.add(properties, "user_id", b.type("integer", "int32"));
    b.add(properties, "product", b.type("string"));
    b.add(properties, "quantity", b.type("integer", "int32"));
    if (v2)
        b.add(properties, "total", b.schema("MoneyV2"));
    else
        b.add(properties, "total_cents", b.type("integer", "int32"));
    b.add(properties, "status", b.schema("OrderStatus"));
    b.add(properties, "created_at", b.type("string", "date-time"));
    return objectSchema(
        b, std::move(properties),
        b.strings({"id", "user_id", "product", "quantity", v2 ? "total" : "total_cents", "status", "created_at"}));
}

Value moneySchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    b.add(properties, "amount_cents", b.type("integer", "int32"));
    Value currency = b.type("string");
    b.add(currency, "const", "USD");
    b.add(properties, "currency", std::move(currency));
    return objectSchema(b, std::move(properties), b.strings({"amount_cents", "currency"}));
}

Value userPageSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    b.add(properties, "items", b.arrayOf(b.schema("User")));
    b.add(properties, "total", b.type("integer", "int64"));
    b.add(properties, "limit", b.type("integer", "int32"));
    b.add(properties, "offset", b.type("integer", "int32"));
    return objectSchema(b, std::move(properties), b.strings({"items", "total", "limit", "offset"}));
}

Value ordersV2PageSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    b.add(properties, "items", b.arrayOf(b.schema("OrderV2")));
    Value cursor(rapidjson::kObjectType);
    b.add(cursor, "type", b.strings({"string", "null"}));
    b.add(cursor, "description", "Opaque; pass it back as `cursor` for the next page. null on the last page.");
    b.add(properties, "next_cursor", std::move(cursor));
    return objectSchema(b, std::move(properties), b.strings({"items", "next_cursor"}));
}

Value createOrderSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    Value product = b.type("string");
    b.add(product, "description", "A product of the data set's catalog, e.g. \"Desk Lamp\".");
    b.add(properties, "product", std::move(product));
    Value quantity = b.type("integer", "int32");
    quantity.AddMember("minimum", limits::kMinOrderQuantity, b.allocator());
    quantity.AddMember("maximum", limits::kMaxOrderQuantity, b.allocator());
    b.add(properties, "quantity", std::move(quantity));
    return objectSchema(b, std::move(properties), b.strings({"product", "quantity"}));
}

Value problemSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    b.add(properties, "type", b.type("string", "uri-reference"));
    b.add(properties, "title", b.type("string"));
    b.add(properties, "status", b.type("integer"));
    b.add(properties, "detail", b.type("string"));
    b.add(properties, "instance", b.type("string", "uri-reference"));
    Value violation = objectSchema(b, b.object({}), b.strings({"field", "message"}));
    b.add(violation["properties"], "field", b.type("string"));
    b.add(violation["properties"], "message", b.type("string"));
    b.add(properties, "errors", b.arrayOf(std::move(violation)));
    Value result = objectSchema(b, std::move(properties), b.strings({"type", "title", "status", "detail"}));
    return std::move(b.add(result, "description", "RFC 9457 problem details; `errors` for validation (422)."));
}

Value datasetSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    b.add(properties, "users", b.arrayOf(b.schema("User")));
    b.add(properties, "orders", b.arrayOf(b.schema("Order")));
    Value pair = b.arrayOf(b.type("integer", "int32"));
    pair.AddMember("minItems", 2, b.allocator());
    pair.AddMember("maxItems", 2, b.allocator());
    b.add(pair, "description", "[user_id, friend_id]");
    b.add(properties, "friends", b.arrayOf(std::move(pair)));
    return objectSchema(b, std::move(properties), b.strings({"users", "orders", "friends"}));
}

Value healthSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    Value status = b.type("string");
    b.add(status, "const", "ok");
    b.add(properties, "status", std::move(status));
    return objectSchema(b, std::move(properties), b.strings({"status"}));
}

Value tracesSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    b.add(properties, "resourceSpans", b.arrayOf(b.type("object")));
    Value result = objectSchema(b, std::move(properties), b.strings({"resourceSpans"}));
    return std::move(
        b.add(result, "description", "OTLP/JSON: resourceSpans → scopeSpans → spans, as OpenTelemetry tools read it."));
}

Value graphQlRequestSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    b.add(properties, "query", b.type("string"));
    Value operationName(rapidjson::kObjectType);
    b.add(operationName, "type", b.strings({"string", "null"}));
    b.add(properties, "operationName", std::move(operationName));
    Value object(rapidjson::kObjectType);
    b.add(object, "type", b.strings({"object", "null"}));
    b.add(properties, "variables", b.copy(object));
    b.add(properties, "extensions", std::move(object));
    Value result = b.type("object");
    return std::move(b.add(result, "properties", std::move(properties)));
}

Value graphQlResponseSchema(const Builder &b) {
    Value properties(rapidjson::kObjectType);
    Value data(rapidjson::kObjectType);
    b.add(data, "type", b.strings({"object", "null"}));
    b.add(properties, "data", std::move(data));
    b.add(properties, "errors", b.arrayOf(b.type("object")));
    b.add(properties, "extensions", b.type("object"));
    Value result = b.type("object");
    return std::move(b.add(result, "properties", std::move(properties)));
}

} // namespace

Value schemas(const Builder &b) {
    Value result(rapidjson::kObjectType);
    b.add(result, "User", userSchema(b));
    b.add(result, "OrderStatus", statusSchema(b));
    b.add(result, "Order", orderSchema(b, false));
    b.add(result, "OrderV2", orderSchema(b, true));
    b.add(result, "MoneyV2", moneySchema(b));
    b.add(result, "UserPage", userPageSchema(b));
    b.add(result, "OrdersV2Page", ordersV2PageSchema(b));
    b.add(result, "CreateOrder", createOrderSchema(b));
    b.add(result, "Problem", problemSchema(b));
    b.add(result, "Dataset", datasetSchema(b));
    b.add(result, "Health", healthSchema(b));
    b.add(result, "Traces", tracesSchema(b));
    b.add(result, "GraphQLRequest", graphQlRequestSchema(b));
    b.add(result, "GraphQLResponse", graphQlResponseSchema(b));
    return result;
}

} // namespace triptych::rest::openapi
