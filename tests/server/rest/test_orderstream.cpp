// GET /v1/users/{id}/orders/stream over real sockets: SSE framing, the existing orders then live updates from the
// event bus, pacing, heartbeats, clean ends when the client leaves or the server stops.
#include "server/core/eventbus.h"
#include "server/core/ratelimiter.h"
#include "server/core/servicecontext.h"
#include "server/host/orderserver.h"
#include "server/http/httpserver.h"
#include "server/http/router.h"
#include "server/rest/orderstream.h"
#include "server/rest/restroutes.h"
#include "tests/server/rest/restclient.h"
#include "tests/server/rest/sseclient.h"

#include <QJsonArray>
#include <QTest>

using namespace triptych;
using namespace triptych::testing;

class TestOrderStream : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void framing();
    void existingOrdersThenLiveUpdates_data();
    void existingOrdersThenLiveUpdates();
    void pacedByInterval();
    void heartbeatsAreComments();
    void clientLeavingUnsubscribes();
    void endsCleanlyWhenServerStops();

private:
    quint16 port() const { return m_server->httpPort(); }
    std::unique_ptr<OrderServer> m_server;
};

namespace {

ServerOptions testOptions() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    return options;
}

QList<QJsonObject> frames(const QByteArray &body) {
    QList<QJsonObject> result;
    for (const auto &block : body.split('\n')) {
        if (block.startsWith("data: "))
            result << parseJson(block.mid(6)).object();
    }
    return result;
}

} // namespace

void TestOrderStream::initTestCase() {
    m_server = std::make_unique<OrderServer>(testOptions());
    QVERIFY(m_server->start().ok());
}

void TestOrderStream::cleanupTestCase() {
    m_server.reset();
}

void TestOrderStream::framing() {
    SseClient client;
    QVERIFY(client.open(port(), "/v1/users/42/orders/stream"));
    QVERIFY(client.head().startsWith("HTTP/1.1 200"));
    QVERIFY(client.head().contains("Content-Type: text/event-stream"));
    QVERIFY(client.head().contains("Cache-Control: no-store"));
    QVERIFY(client.head().contains("Transfer-Encoding: chunked"));
    QVERIFY(client.waitUntil([&] { return client.count("event: order\n") == 1000; }));
    QVERIFY(client.body().startsWith("retry: "));
    // Every event is exactly `event: order`, one `data:` line of JSON, and a blank line.
    const auto events = client.body().split('\n');
    int dataLines = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i] != "event: order")
            continue;
        QVERIFY(events[i + 1].startsWith("data: {"));
        QVERIFY(events[i + 2].isEmpty());
        ++dataLines;
    }
    QCOMPARE(dataLines, 1000);
    const auto orders = frames(client.body());
    QCOMPARE(orders.size(), 1000);
    QCOMPARE(orders.first().size(), 7);
    for (qsizetype i = 1; i < orders.size(); ++i)
        QVERIFY(orders[i - 1].value("id").toInt() < orders[i].value("id").toInt());
}

void TestOrderStream::existingOrdersThenLiveUpdates_data() {
    QTest::addColumn<int>("userId");
    QTest::addColumn<int>("intervalMs");
    QTest::newRow("user 7, no orders") << 7 << 0;
    QTest::newRow("user 42, 1,000 orders") << 42 << 0;
    QTest::newRow("user 9, paced") << 9 << 5;
}

void TestOrderStream::existingOrdersThenLiveUpdates() {
    QFETCH(int, userId);
    QFETCH(int, intervalMs);
    const QByteArray user = QByteArray::number(userId);
    const int existing = int(parseJson(request(port(), "GET", "/v1/users/" + user + "/orders")->body).array().size());
    SseClient client;
    QVERIFY(client.open(port(), "/v1/users/" + user + "/orders/stream?interval_ms=" + QByteArray::number(intervalMs)));
    QVERIFY(client.waitUntil([&] { return client.count("event: order\n") == existing; }));

    const auto created = request(port(), "POST", "/v1/users/" + user + "/orders", kBearer + kJson,
                                 R"({"product":"Microphone","quantity":4})");
    QCOMPARE(created->status, 201);
    const int id = parseJson(created->body).object().value("id").toInt();
    QVERIFY(client.waitUntil([&] { return client.count("event: order\n") == existing + 1; }));
    QCOMPARE(frames(client.body()).last().value("id").toInt(), id);
    QCOMPARE(frames(client.body()).last().value("status").toString(), QString("PENDING"));

    QCOMPARE(request(port(), "POST", "/v1/orders/" + QByteArray::number(id) + "/cancel", kApiKey)->status, 200);
    QVERIFY(client.waitUntil([&] { return client.count("event: order\n") == existing + 2; }));
    QCOMPARE(frames(client.body()).last().value("status").toString(), QString("CANCELLED"));
    // Another user's order is not this stream's business.
    QCOMPARE(request(port(), "POST", "/v1/users/8/orders", kBearer + kJson, R"({"product":"Desk Lamp","quantity":1})")
                 ->status,
             201);
    QCOMPARE(request(port(), "GET", "/healthz")->status, 200);
    QVERIFY(!client.waitUntil([&] { return client.count("event: order\n") > existing + 2; }, 200));
}

void TestOrderStream::pacedByInterval() {
    // Pacing runs on the REST timer thread: a paced stream never holds a server thread, so other requests go on.
    SseClient client;
    QVERIFY(client.open(port(), "/v1/users/42/orders/stream?interval_ms=1000"));
    QVERIFY(client.waitUntil([&] { return client.count("event: order\n") >= 1; }));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(request(port(), "GET", "/v1/users/42")->status, 200);
    QVERIFY(client.count("event: order\n") < 1000);
}

void TestOrderStream::heartbeatsAreComments() {
    // A REST router of its own with a short heartbeat, over the running server's service layer.
    RateLimiter limiter(0);
    ServiceContext context{*m_server->service(), *m_server->events(), m_server->options().credentials, limiter,
                           *m_server->tracer()};
    http::Router router;
    rest::addRoutes(router, context, rest::RestOptions{std::chrono::milliseconds(20)});
    http::HttpServer server(std::move(router), http::HttpServerOptions{});
    const auto listening = server.start();
    QVERIFY(listening.ok());
    SseClient client;
    QVERIFY(client.open(*listening, "/v1/users/7/orders/stream"));
    QVERIFY(client.waitUntil([&] { return client.count(": heartbeat\n\n") >= 2; }));
    server.stop();
    QVERIFY(client.waitUntil([&] { return client.ended(); }));
}

void TestOrderStream::clientLeavingUnsubscribes() {
    const auto before = m_server->events()->subscriberCount();
    {
        SseClient client;
        QVERIFY(client.open(port(), "/v1/users/42/orders/stream?interval_ms=50"));
        QTRY_COMPARE(m_server->events()->subscriberCount(), before + 1);
        client.close();
    }
    QTRY_COMPARE(m_server->events()->subscriberCount(), before);
}

void TestOrderStream::endsCleanlyWhenServerStops() {
    OrderServer server(testOptions());
    QVERIFY(server.start().ok());
    SseClient client;
    QVERIFY(client.open(server.httpPort(), "/v1/users/42/orders/stream?interval_ms=10"));
    QVERIFY(client.waitUntil([&] { return client.count("event: order\n") >= 2; }));
    server.stop();
    QVERIFY(client.waitUntil([&] { return client.ended(); }));
    QVERIFY(client.lastChunkSeen());
    QVERIFY(client.body().endsWith("\n\n"));
}

QTEST_GUILESS_MAIN(TestOrderStream)
#include "test_orderstream.moc"
