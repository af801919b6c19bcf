// The REST routes of the contract over real sockets against an in-process OrderServer on port 0: one row per
// route and per error, then caching, compression, v2, writes and rate limiting.
#include "server/host/orderserver.h"
#include "tests/server/rest/restclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace triptych;
using namespace triptych::testing;

class TestRestRoutes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void routes_data();
    void routes();
    void userHasThirtyFieldsAndContractTypes();
    void listsAreInAscendingIdOrder();
    void createReturnsLocation();
    void cancelConflicts_data();
    void cancelConflicts();
    void malformedJsonSaysWhere();
    void bodyOverLimitIs413();
    void rateLimitAnswers429();
    void datasetShape();

private:
    quint16 port() const { return m_server->httpPort(); }
    int firstOrderOf(int userId, const QByteArray &status);

    std::unique_ptr<OrderServer> m_server;
};

void TestRestRoutes::initTestCase() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    m_server = std::make_unique<OrderServer>(options);
    const auto started = m_server->start();
    QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
}

void TestRestRoutes::cleanupTestCase() {
    m_server.reset();
}

int TestRestRoutes::firstOrderOf(int userId, const QByteArray &status) {
    const auto answer = request(port(), "GET", "/v1/users/" + QByteArray::number(userId) + "/orders?status=" + status);
    if (!answer || answer->status != 200)
        return 0;
    const auto orders = parseJson(answer->body).array();
    return orders.isEmpty() ? 0 : orders.first().toObject().value("id").toInt();
}

namespace {

const QByteArray kJsonType = "application/json";
const QByteArray kProblemType = "application/problem+json";

void row(const char *name, QByteArray method, QByteArray path, QByteArray headers, QByteArray body, int status,
         QByteArray type, QString field = {}) {
    QTest::newRow(name) << method << path << headers << body << status << type << field;
}

// One row per read route and per error a read can answer.
void readRows() {
    const QByteArray &json = kJsonType;
    const QByteArray &problem = kProblemType;
    row("GET /v1/users", "GET", "/v1/users", {}, {}, 200, json, "items");
    row("GET /v1/users limit=100 offset=990", "GET", "/v1/users?limit=100&offset=990", {}, {}, 200, json, "total");
    row("empty limit and offset take the defaults", "GET", "/v1/users?limit=&offset=", {}, {}, 200, json, "items");
    row("users limit=0 is 422", "GET", "/v1/users?limit=0", {}, {}, 422, problem, "limit");
    row("users limit=101 is 422", "GET", "/v1/users?limit=101", {}, {}, 422, problem, "limit");
    row("users limit=abc is 422", "GET", "/v1/users?limit=abc", {}, {}, 422, problem, "limit");
    row("users offset=-1 is 422", "GET", "/v1/users?offset=-1", {}, {}, 422, problem, "offset");
    row("GET /v1/users/42", "GET", "/v1/users/42", {}, {}, 200, json, "avatar_url");
    row("unknown user is 404", "GET", "/v1/users/999999", {}, {}, 404, problem);
    row("user id not a number is 404", "GET", "/v1/users/abc", {}, {}, 404, problem);
    row("user id 0 is 404", "GET", "/v1/users/0", {}, {}, 404, problem);
    row("user id over int32 is 404", "GET", "/v1/users/99999999999", {}, {}, 404, problem);
    row("GET /v1/users/42/orders", "GET", "/v1/users/42/orders", {}, {}, 200, json);
    row("orders status=DELIVERED", "GET", "/v1/users/42/orders?status=DELIVERED", {}, {}, 200, json);
    row("orders status=bogus is 422", "GET", "/v1/users/42/orders?status=bogus", {}, {}, 422, problem, "status");
    row("orders of unknown user is 404", "GET", "/v1/users/999999/orders", {}, {}, 404, problem);
    row("GET /v1/users/42/friends", "GET", "/v1/users/42/friends", {}, {}, 200, json);
    row("friends of unknown user is 404", "GET", "/v1/users/999999/friends", {}, {}, 404, problem);
    row("GET /v1/orders/1", "GET", "/v1/orders/1", {}, {}, 200, json, "total_cents");
    row("unknown order is 404", "GET", "/v1/orders/99999999", {}, {}, 404, problem);
    row("order id not a number is 404", "GET", "/v1/orders/x1", {}, {}, 404, problem);
    row("GET /v2/users/42/orders", "GET", "/v2/users/42/orders", {}, {}, 200, json, "next_cursor");
    row("v2 limit=0 is 422", "GET", "/v2/users/42/orders?limit=0", {}, {}, 422, problem, "limit");
    row("v2 limit=101 is 422", "GET", "/v2/users/42/orders?limit=101", {}, {}, 422, problem, "limit");
    row("v2 foreign cursor is 422", "GET", "/v2/users/42/orders?cursor=bm9wZQ", {}, {}, 422, problem, "cursor");
    row("v2 of unknown user is 404", "GET", "/v2/users/999999/orders", {}, {}, 404, problem);
    row("stream of unknown user is 404", "GET", "/v1/users/999999/orders/stream", {}, {}, 404, problem);
    row("stream interval_ms=-1 is 422", "GET", "/v1/users/42/orders/stream?interval_ms=-1", {}, {}, 422, problem,
        "interval_ms");
    row("GET /openapi.json", "GET", "/openapi.json", {}, {}, 200, json, "openapi");
    row("GET /healthz", "GET", "/healthz", {}, {}, 200, json, "status");
    row("GET /debug/dataset", "GET", "/debug/dataset", {}, {}, 200, json, "friends");
    row("percent-encoded NUL id is 404", "GET", "/v1/users/%00", {}, {}, 404, problem);
    row("long query value is 422", "GET", "/v1/users?limit=" + QByteArray(4000, '9'), {}, {}, 422, problem, "limit");
    row("unknown path is 404", "GET", "/v1/nothing", {}, {}, 404, problem);
    row("DELETE user is 405", "DELETE", "/v1/users/42", {}, {}, 405, problem);
    row("GET cancel is 405", "GET", "/v1/orders/1/cancel", {}, {}, 405, problem);
}

// One row per write and per error a write can answer (auth, media type, JSON, validation).
void writeRows() {
    const QByteArray &json = kJsonType;
    const QByteArray &problem = kProblemType;
    const QByteArray write = kBearer + kJson;
    row("POST without credentials is 401", "POST", "/v1/users/43/orders", kJson,
        R"({"product":"Desk Lamp","quantity":1})", 401, problem);
    row("POST with a wrong token is 401", "POST", "/v1/users/43/orders", "Authorization: Bearer nope\r\n" + kJson,
        R"({"product":"Desk Lamp","quantity":1})", 401, problem);
    row("POST with a wrong API key is 401", "POST", "/v1/users/43/orders", "X-API-Key: nope\r\n" + kJson,
        R"({"product":"Desk Lamp","quantity":1})", 401, problem);
    row("POST without Content-Type is 415", "POST", "/v1/users/43/orders", kBearer,
        R"({"product":"Desk Lamp","quantity":1})", 415, problem);
    row("POST text/plain is 415", "POST", "/v1/users/43/orders", kBearer + "Content-Type: text/plain\r\n",
        R"({"product":"Desk Lamp","quantity":1})", 415, problem);
    row("POST malformed JSON is 400", "POST", "/v1/users/43/orders", write, R"({"product":)", 400, problem);
    row("POST deeply nested JSON is 400", "POST", "/v1/users/43/orders", write, QByteArray(1000 * 1000, '['), 400,
        problem);
    row("POST invalid UTF-8 is 400", "POST", "/v1/users/43/orders", write, "{\"product\":\"\xff\xfe\",\"quantity\":1}",
        400, problem);
    row("POST a JSON array is 400", "POST", "/v1/users/43/orders", write, "[1,2]", 400, problem);
    row("POST quantity 0 is 422", "POST", "/v1/users/43/orders", write, R"({"product":"Desk Lamp","quantity":0})", 422,
        problem, "quantity");
    row("POST quantity 1001 is 422", "POST", "/v1/users/43/orders", write, R"({"product":"Desk Lamp","quantity":1001})",
        422, problem, "quantity");
    row("POST quantity 1.5 is 422", "POST", "/v1/users/43/orders", write, R"({"product":"Desk Lamp","quantity":1.5})",
        422, problem, "quantity");
    row("POST unknown product is 422", "POST", "/v1/users/43/orders", write, R"({"product":"Unicorn","quantity":1})",
        422, problem, "product");
    row("POST without product is 422", "POST", "/v1/users/43/orders", write, R"({"quantity":1})", 422, problem,
        "product");
    row("POST for unknown user is 404", "POST", "/v1/users/999999/orders", write,
        R"({"product":"Desk Lamp","quantity":1})", 404, problem);
    row("POST with Bearer is 201", "POST", "/v1/users/43/orders", write, R"({"product":"Desk Lamp","quantity":2})", 201,
        json, "id");
    row("POST with X-API-Key is 201", "POST", "/v1/users/43/orders",
        kApiKey + "Content-Type: application/json; charset=utf-8\r\n", R"({"product":"Webcam HD","quantity":1})", 201,
        json, "id");
    row("cancel without credentials is 401", "POST", "/v1/orders/1/cancel", {}, {}, 401, problem);
    row("cancel unknown order is 404", "POST", "/v1/orders/99999999/cancel", kBearer, {}, 404, problem);
}

} // namespace

void TestRestRoutes::routes_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("field"); // the violation a 422 must name, or a key a 2xx object must have

    readRows();
    writeRows();
}

void TestRestRoutes::routes() {
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, field);

    const auto answer = request(port(), method, path, headers, body);
    QVERIFY(answer);
    QCOMPARE(answer->status, status);
    QVERIFY2(answer->header("content-type").startsWith(contentType), answer->header("content-type").constData());
    const auto document = parseJson(answer->body);
    QVERIFY2(!document.isNull(), answer->body.left(200).constData());
    if (contentType == "application/problem+json") {
        const auto problem = document.object();
        for (const char *key : {"type", "title", "status", "detail"})
            QVERIFY2(problem.contains(QLatin1String(key)), key);
        QCOMPARE(problem.value("status").toInt(), status);
        if (status == 401)
            QVERIFY(answer->header("www-authenticate").startsWith("Bearer"));
        if (status == 405)
            QVERIFY(!answer->header("allow").isEmpty());
        if (status == 422) {
            QStringList fields;
            for (const auto &error : problem.value("errors").toArray())
                fields << error.toObject().value("field").toString();
            QVERIFY2(fields.contains(field), qPrintable(fields.join(',')));
        }
    } else if (!field.isEmpty()) {
        QVERIFY2(document.object().contains(field), qPrintable(field));
    }
    if (method == "GET" && status == 200 && path != "/healthz") {
        QVERIFY(answer->header("etag").startsWith('"'));
        QVERIFY(!answer->header("cache-control").isEmpty());
    }
}

void TestRestRoutes::userHasThirtyFieldsAndContractTypes() {
    const auto answer = request(port(), "GET", "/v1/users/42");
    QVERIFY(answer);
    const auto user = parseJson(answer->body).object();
    QCOMPARE(user.size(), 30);
    QCOMPARE(user.value("id").toInt(), 42);
    QCOMPARE(user.value("orders_count").toInt(), 1000);
    for (const char *key : {"created_at", "updated_at", "last_login_at"}) {
        const auto text = user.value(QLatin1String(key)).toString();
        QVERIFY2(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$").match(text).hasMatch(),
                 qPrintable(text));
    }
    // Integers are JSON integers, never strings or floats.
    QVERIFY(answer->body.contains("\"orders_count\":1000,"));
    const auto order = parseJson(request(port(), "GET", "/v1/orders/1")->body).object();
    QCOMPARE(order.keys().size(), 7);
    QVERIFY(order.value("total_cents").isDouble() && order.value("quantity").isDouble());
}

void TestRestRoutes::listsAreInAscendingIdOrder() {
    for (const QByteArray path : {"/v1/users/42/orders", "/v1/users/42/friends", "/v1/users/7/orders"}) {
        const auto answer = request(port(), "GET", path);
        QVERIFY(answer);
        const auto items = parseJson(answer->body).array();
        if (path.endsWith("/7/orders"))
            QCOMPARE(answer->body, QByteArray("[]"));
        if (path.endsWith("/42/orders"))
            QCOMPARE(items.size(), 1000);
        for (qsizetype i = 1; i < items.size(); ++i)
            QVERIFY(items[i - 1].toObject().value("id").toInt() < items[i].toObject().value("id").toInt());
    }
    const auto page = parseJson(request(port(), "GET", "/v1/users?limit=3&offset=5")->body).object();
    QCOMPARE(page.value("total").toInt(), 1000);
    QCOMPARE(page.value("limit").toInt(), 3);
    QCOMPARE(page.value("offset").toInt(), 5);
    const auto items = page.value("items").toArray();
    QCOMPARE(items.size(), 3);
    QCOMPARE(items[0].toObject().value("id").toInt(), 6);
    QCOMPARE(items[2].toObject().value("id").toInt(), 8);
}

void TestRestRoutes::createReturnsLocation() {
    const auto created =
        request(port(), "POST", "/v1/users/44/orders", kBearer + kJson, R"({"product":"Phone Stand","quantity":3})");
    QVERIFY(created);
    QCOMPARE(created->status, 201);
    const auto order = parseJson(created->body).object();
    QCOMPARE(order.value("status").toString(), QString("PENDING"));
    QCOMPARE(order.value("user_id").toInt(), 44);
    QCOMPARE(order.value("total_cents").toInt(), 3 * 1900);
    const QByteArray location = created->header("location");
    QCOMPARE(location, "/v1/orders/" + QByteArray::number(order.value("id").toInt()));
    const auto fetched = request(port(), "GET", location);
    QVERIFY(fetched);
    QCOMPARE(fetched->status, 200);
    QCOMPARE(parseJson(fetched->body).object(), order);
}

void TestRestRoutes::cancelConflicts_data() {
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("delivered") << QByteArray("DELIVERED");
    QTest::newRow("cancelled") << QByteArray("CANCELLED");
}

void TestRestRoutes::cancelConflicts() {
    QFETCH(QByteArray, status);
    int id = firstOrderOf(42, status);
    if (id == 0 && status == "CANCELLED") {
        id = firstOrderOf(42, "PENDING");
        QVERIFY(id > 0);
        const auto cancelled = request(port(), "POST", "/v1/orders/" + QByteArray::number(id) + "/cancel", kApiKey);
        QVERIFY(cancelled);
        QCOMPARE(cancelled->status, 200);
        QCOMPARE(parseJson(cancelled->body).object().value("status").toString(), QString("CANCELLED"));
    }
    QVERIFY(id > 0);
    const auto answer = request(port(), "POST", "/v1/orders/" + QByteArray::number(id) + "/cancel", kBearer);
    QVERIFY(answer);
    QCOMPARE(answer->status, 409);
    QCOMPARE(answer->header("content-type"), QByteArray("application/problem+json"));
    QVERIFY(parseJson(answer->body).object().value("detail").toString().contains(QString::fromLatin1(status)));
}

void TestRestRoutes::malformedJsonSaysWhere() {
    const auto answer =
        request(port(), "POST", "/v1/users/43/orders", kBearer + kJson, "{\n  \"product\": \"Desk Lamp\",\n  oops");
    QVERIFY(answer);
    QCOMPARE(answer->status, 400);
    const auto detail = parseJson(answer->body).object().value("detail").toString();
    QVERIFY2(detail.contains("byte offset 30") && detail.contains("line 3, column 3"), qPrintable(detail));
}

void TestRestRoutes::bodyOverLimitIs413() {
    const QByteArray body = "{\"product\":\"" + QByteArray(2 * 1024 * 1024, 'x') + "\",\"quantity\":1}";
    const auto answer = request(port(), "POST", "/v1/users/43/orders", kBearer + kJson, body);
    QVERIFY(answer);
    QCOMPARE(answer->status, 413);
    QCOMPARE(answer->header("content-type"), QByteArray("application/problem+json"));
}

void TestRestRoutes::rateLimitAnswers429() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.rateLimitPerSecond = 2;
    OrderServer limited(options);
    QVERIFY(limited.start().ok());
    std::optional<RawResponse> refused;
    for (int i = 0; i < 10 && !refused; ++i) {
        auto answer = request(limited.httpPort(), "GET", "/v1/users/42");
        QVERIFY(answer);
        if (answer->status == 429)
            refused = answer;
    }
    QVERIFY(refused);
    QVERIFY(refused->header("retry-after").toInt() >= 1);
    QCOMPARE(refused->header("content-type"), QByteArray("application/problem+json"));
}

void TestRestRoutes::datasetShape() {
    const auto answer = request(port(), "GET", "/debug/dataset");
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    const auto dataset = parseJson(answer->body).object();
    QCOMPARE(dataset.value("users").toArray().size(), 1000);
    QCOMPARE(dataset.value("users").toArray().first().toObject().size(), 30);
    const auto orders = dataset.value("orders").toArray();
    QVERIFY(orders.size() > 1000);
    QCOMPARE(orders.first().toObject().size(), 7);
    const auto friends = dataset.value("friends").toArray();
    QCOMPARE(friends.size(), 5000);
    QCOMPARE(friends.first().toArray().size(), 2);
    QVERIFY(friends.first().toArray().first().isDouble());
}

QTEST_GUILESS_MAIN(TestRestRoutes)
#include "test_restroutes.moc"
