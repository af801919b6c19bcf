#include "tests/app/checks/checkfixtures.h"

// Kept apart from the test class: moc misreads raw strings with escaped quotes.
namespace triptych::testing {

client::CallRecord checkFixture(const QString &name) {
    client::CallRecord record;
    if (name == QLatin1String("rest")) {
        record.httpStatus = 201;
        record.responseHeaders = {{"Content-Type", "application/json; charset=utf-8"}, {"ETag", "\"v3\""}};
        record.body = R"({"id": 7, "status": "PENDING", "items": [{"sku": "K1", "qty": 2}, {"sku": "M2", "qty": 1}],
                          "total": 59.5, "note": null, "tags": ["new", "gift"], "ok": true})";
        record.timings.totalUs = 12'345;
        record.sizes.responseBodyDecodedBytes = 150;
    } else if (name == QLatin1String("grpcError")) {
        record.kind = client::CallKind::Grpc;
        record.grpcCode = 5;
        record.error.kind = client::ErrorKind::GrpcStatus;
        record.grpcDetailsJson = R"({"code": 5, "details": [{"@type": "type.googleapis.com/google.rpc.ResourceInfo",
                                     "resource_name": "order 9"}]})";
        record.trailers = {{"grpc-status", "5"}, {"x-served-by", "triptych"}};
    } else if (name == QLatin1String("grpc")) {
        record.kind = client::CallKind::Grpc;
        record.grpcCode = 0;
        record.body = R"({"order": {"id": "42", "status": "PENDING", "items": [{"sku": "K1"}]}})";
    } else if (name == QLatin1String("graphqlErrors")) {
        record.kind = client::CallKind::GraphQL;
        record.httpStatus = 200;
        record.body = R"({"data": {"user": null}, "errors": [{"message": "User 9 not found"}]})";
    } else if (name == QLatin1String("graphql")) {
        record.kind = client::CallKind::GraphQL;
        record.httpStatus = 200;
        record.body = R"({"data": {"user": {"id": "1"}}})";
    } else if (name == QLatin1String("stream")) {
        record.kind = client::CallKind::Grpc;
        record.grpcCode = 0;
        record.messages = {{true, 0, 2, {}, "{}"},
                           {false, 10, 9, {}, R"({"n": 1})"},
                           {false, 20, 9, {}, R"({"n": 2})"},
                           {false, 30, 9, {}, R"({"n": 3})"}};
        record.body = R"({"n": 3})";
    } else if (name == QLatin1String("refused")) {
        record.error = {client::ErrorKind::Refused, QStringLiteral("Connection refused on 127.0.0.1:1"), {}};
    }
    return record;
}

QList<CheckRow> checkRows() {
    QList<CheckRow> rows;
    const auto row = [&rows](const char *name, const char *record, const char *entry, bool passed,
                             const char *message) {
        rows.append({name, QString::fromLatin1(record), QByteArray(entry), passed, QString::fromUtf8(message)});
    };
    row("status equals", "rest", R"({"status": 201})", true, "status equals 201: expected 201, got 201");
    row("status equals fails", "rest", R"({"status": 200})", false, "status equals 200: expected 200, got 201");
    row("status less than", "rest", R"({"status": {"lessThan": 300}})", true, "expected less than 300, got 201");
    row("status less than fails", "rest", R"({"status": {"lessThan": 200}})", false, "got 201");
    row("status not equals", "rest", R"({"status": {"notEquals": 500}})", true, "expected not 500, got 201");
    row("status without an answer", "refused", R"({"status": 200})", false,
        "got missing: Connection refused on 127.0.0.1:1");
    row("grpc code by name", "grpcError", R"({"grpcCode": "NOT_FOUND"})", true, "got \"NOT_FOUND\"");
    row("grpc code by number", "grpcError", R"({"grpcCode": 5})", true, "got 5");
    row("grpc code fails", "grpcError", R"({"grpcCode": "OK"})", false,
        "grpcCode equals \"OK\": expected \"OK\", got \"NOT_FOUND (5)\"");
    row("header exists", "rest", R"({"header": "ETag"})", true, "header ETag exists: expected to exist");
    row("header exists fails", "rest", R"({"header": "Location"})", false, "got missing: no header Location");
    row("header is absent", "rest", R"({"header": "Location", "exists": false})", true, "expected to be absent");
    row("header contains", "rest", R"({"header": "content-type", "contains": "json"})", true,
        "expected to contain \"json\"");
    row("header contains fails", "rest", R"({"header": "content-type", "contains": "xml"})", false,
        "got \"application/json; charset=utf-8\"");
    row("header matches", "rest", R"({"header": "ETag", "matches": "^\"v[0-9]+\"$"})", true, "to match");
    row("header matches fails", "rest", R"({"header": "ETag", "matches": "^v"})", false, "expected to match ^v");
    row("header invalid pattern", "rest", R"({"header": "ETag", "matches": "("})", false, "the pattern is invalid");
    row("trailer equals a number", "grpcError", R"({"trailer": "grpc-status", "equals": 5})", true, "got \"5\"");
    row("trailer missing", "grpcError", R"({"trailer": "x-none"})", false, "no trailer x-none");
    row("jsonPath equals", "rest", R"({"jsonPath": "$.status", "equals": "PENDING"})", true, "got \"PENDING\"");
    row("jsonPath equals fails", "rest", R"({"jsonPath": "$.status", "equals": "CANCELLED"})", false,
        "jsonPath $.status equals \"CANCELLED\": expected \"CANCELLED\", got \"PENDING\"");
    row("jsonPath number", "rest", R"({"jsonPath": "$.id", "equals": 7})", true, "got 7");
    row("jsonPath number against text", "rest", R"({"jsonPath": "$.id", "equals": "7"})", true, "got 7");
    row("jsonPath structure", "rest", R"({"jsonPath": "$.tags", "equals": ["new", "gift"]})", true, "got [");
    row("jsonPath not equals", "rest", R"({"jsonPath": "$.status", "notEquals": "CANCELLED"})", true, "not");
    row("jsonPath not equals fails", "rest", R"({"jsonPath": "$.ok", "notEquals": true})", false,
        "expected not true, got true");
    row("jsonPath several nodes", "rest", R"({"jsonPath": "$.items[*].sku", "equals": ["K1", "M2"]})", true,
        "got [\"K1\",\"M2\"]");
    row("jsonPath filter", "rest", R"({"jsonPath": "$.items[?@.qty > 1].sku", "equals": "K1"})", true, "K1");
    row("jsonPath contains in an array", "rest", R"({"jsonPath": "$.tags", "contains": "gift"})", true, "gift");
    row("jsonPath contains fails", "rest", R"({"jsonPath": "$.tags", "contains": "sale"})", false,
        "expected to contain \"sale\", got [\"new\",\"gift\"]");
    row("jsonPath contains a member", "rest", R"({"jsonPath": "$.items[0]", "contains": "qty"})", true, "a member qty");
    row("jsonPath contains on a number", "rest", R"({"jsonPath": "$.id", "contains": 7})", false,
        "which is number, not text");
    row("jsonPath exists", "rest", R"({"jsonPath": "$.note"})", true, "present: null");
    row("jsonPath exists fails", "rest", R"({"jsonPath": "$.missing"})", false,
        "got missing: $.missing matched nothing");
    row("jsonPath type", "rest", R"({"jsonPath": "$.items", "type": "array"})", true, "expected a array");
    row("jsonPath type null", "rest", R"({"jsonPath": "$.note", "type": "null"})", true, "a null");
    row("jsonPath type fails", "rest", R"({"jsonPath": "$.id", "type": "string"})", false,
        "expected a string, got a number: 7");
    row("jsonPath length", "rest", R"({"jsonPath": "$.items", "length": 2})", true, "got length 2");
    row("jsonPath length of text", "rest", R"({"jsonPath": "$.status", "length": 7})", true, "length 7");
    row("jsonPath length fails", "rest", R"({"jsonPath": "$.items", "length": 3})", false,
        "expected length 3, got length 2");
    row("jsonPath length of a number", "rest", R"({"jsonPath": "$.id", "length": 1})", false, "has no length");
    row("jsonPath less than", "rest", R"({"jsonPath": "$.total", "lessThan": 100})", true, "got 59.5");
    row("jsonPath less than fails", "rest", R"({"jsonPath": "$.total", "lessThan": 50})", false,
        "expected less than 50, got 59.5");
    row("jsonPath less than on text", "rest", R"({"jsonPath": "$.status", "lessThan": 5})", false,
        "which is not a number");
    row("jsonPath matches a number", "rest", R"({"jsonPath": "$.total", "matches": "^59\\."})", true, "59.5");
    row("jsonPath invalid", "rest", R"({"jsonPath": "$.items[", "equals": 1})", false, "the JSONPath is invalid");
    row("jsonPath missing with not equals", "rest", R"({"jsonPath": "$.gone", "notEquals": 1})", true, "missing");
    row("jsonPointer equals", "rest", R"({"jsonPointer": "/items/1/sku", "equals": "M2"})", true, "got \"M2\"");
    row("jsonPointer fails", "rest", R"({"jsonPointer": "/items/5"})", false, "no index 5 at /items/5");
    row("jsonPath on a gRPC answer", "grpc", R"({"jsonPath": "$.order.id", "equals": "42"})", true, "\"42\"");
    row("jsonPath on an empty body", "grpcError", R"({"jsonPath": "$.x"})", false, "the body is empty");
    row("jsonPath on a stream", "stream", R"({"jsonPath": "$[*].n", "equals": [1, 2, 3]})", true, "[1,2,3]");
    row("time budget", "rest", R"({"timeMs": 500})", true, "timeMs under 500: expected less than 500, got 12.345");
    row("time budget fails", "rest", R"({"timeMs": 10})", false, "expected less than 10, got 12.345");
    row("size budget", "rest", R"({"sizeBytes": 1000})", true, "sizeBytes under 1000");
    row("size budget fails", "rest", R"({"sizeBytes": 100})", false, "expected less than 100, got 150");
    row("message count", "stream", R"({"messageCount": 3})", true, "got 3");
    row("message count fails", "stream", R"({"messageCount": 4})", false, "expected 4, got 3");
    row("message count at least", "stream", R"({"messageCount": {"notEquals": 0}})", true, "got 3");
    row("graphql no errors", "graphql", R"({"graphqlNoErrors": true})", true, "no GraphQL errors");
    row("graphql errors fail", "graphqlErrors", R"({"graphqlNoErrors": true})", false,
        "no GraphQL errors: expected \"no errors\", got \"1 error(s), the first: User 9 not found\"");
    row("graphql errors expected", "graphqlErrors", R"({"graphqlNoErrors": false})", true, "GraphQL errors");
    row("grpc error detail", "grpcError", R"({"grpcErrorDetail": "google.rpc.ResourceInfo"})", true,
        "gRPC error detail google.rpc.ResourceInfo");
    row("grpc error detail fails", "grpcError", R"({"grpcErrorDetail": "google.rpc.BadRequest"})", false,
        "got \"type.googleapis.com/google.rpc.ResourceInfo\"");
    row("grpc error detail absent", "grpc", R"({"grpcErrorDetail": "google.rpc.BadRequest"})", false,
        "missing: the status has no details");
    return rows;
}

QList<CaptureRow> captureRows() {
    QList<CaptureRow> rows;
    const auto row = [&rows](const char *name, const char *record, const char *entry, bool ok, const char *value) {
        rows.append({name, QString::fromLatin1(record), QByteArray(entry), ok, QString::fromUtf8(value)});
    };
    row("jsonPath number", "rest", R"({"capture": "id", "jsonPath": "$.id"})", true, "7");
    row("jsonPath text", "rest", R"({"capture": "s", "jsonPath": "$.status"})", true, "PENDING");
    row("jsonPath structure", "rest", R"({"capture": "t", "jsonPath": "$.tags"})", true, R"(["new","gift"])");
    row("jsonPath nothing", "rest", R"({"capture": "x", "jsonPath": "$.x"})", false,
        "capture x from jsonPath $.x: $.x matched nothing");
    row("jsonPointer", "rest", R"({"capture": "sku", "jsonPointer": "/items/0/sku"})", true, "K1");
    row("header", "rest", R"({"capture": "etag", "header": "etag"})", true, "\"v3\"");
    row("header missing", "rest", R"({"capture": "l", "header": "Location"})", false, "no header Location");
    row("grpc field", "grpc", R"({"capture": "orderId", "grpcField": "order.id"})", true, "42");
    row("grpc field in a list", "grpc", R"({"capture": "s", "grpcField": "order.items.0.sku"})", true, "K1");
    row("trailer", "grpcError", R"({"capture": "by", "trailer": "x-served-by"})", true, "triptych");
    return rows;
}

} // namespace triptych::testing
