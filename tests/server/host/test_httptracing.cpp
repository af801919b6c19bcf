// One trace per HTTP request: traceparent in, traceresponse and Server-Timing out, spans at /debug/traces.
#include "server/core/orderservice.h"
#include "server/host/orderserver.h"
#include "server/http/httpserver.h"
#include "server/tracing/tracer.h"
#include "tests/support/rawhttpconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <mutex>

using namespace triptych;

namespace {

QJsonArray spansOf(const QByteArray &otlp) {
    return QJsonDocument::fromJson(otlp).object()["resourceSpans"][0]["scopeSpans"][0]["spans"].toArray();
}

QString attribute(const QJsonObject &span, const QString &key) {
    for (const auto &item : span["attributes"].toArray()) {
        const auto entry = item.toObject();
        if (entry["key"].toString() == key) {
            const auto value = entry["value"].toObject();
            return value.contains("stringValue") ? value["stringValue"].toString() : value["intValue"].toString();
        }
    }
    return {};
}

// Each refused request of unroutedAndRefusedAnswersAreTracedToo that continues a trace adds one span to this one.
const QByteArray kRefusedTrace = "7bf92f3577b34da6a3ce929d0e0e4736";

} // namespace

class TestHttpTracing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        ServerOptions options;
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        m_server = std::make_unique<OrderServer>(options);
        QVERIFY(m_server->start().ok());
    }

    void traceparentIsContinuedOrReplaced_data() {
        QTest::addColumn<QByteArray>("traceparent");
        QTest::addColumn<bool>("continued");
        QTest::newRow("valid: same trace")
            << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") << true;
        QTest::newRow("malformed: new trace") << QByteArray("00-zzzz-00f067aa0ba902b7-01") << false;
        QTest::newRow("zero trace id: new trace")
            << QByteArray("00-00000000000000000000000000000000-00f067aa0ba902b7-01") << false;
        QTest::newRow("absent: new trace") << QByteArray() << false;
    }
    void traceparentIsContinuedOrReplaced() {
        QFETCH(QByteArray, traceparent);
        QFETCH(bool, continued);
        const QByteArray header = traceparent.isEmpty() ? QByteArray() : "traceparent: " + traceparent + "\r\n";
        auto response = testing::rawGet(m_server->httpPort(), "/healthz", header + "tracestate: vendor=1\r\n");
        QVERIFY(response);
        const QByteArray traceresponse = response->header("traceresponse");
        QCOMPARE(traceresponse.size(), 55);
        const QByteArray traceId = traceresponse.mid(3, 32);
        if (continued)
            QCOMPARE(traceId, traceparent.mid(3, 32));
        else
            QVERIFY(traceparent.isEmpty() || traceId != traceparent.mid(3, 32));
        QVERIFY(response->header("server-timing").startsWith("total;dur="));

        auto trace = testing::rawGet(m_server->httpPort(), "/debug/traces/" + traceId);
        QVERIFY(trace);
        QCOMPARE(trace->status, 200);
        const auto spans = spansOf(trace->body);
        QCOMPARE(spans.size(), 1);
        const auto span = spans[0].toObject();
        QCOMPARE(span["name"].toString(), QStringLiteral("GET /healthz"));
        QCOMPARE(span["kind"].toInt(), 2);
        QCOMPARE(span["spanId"].toString().toLatin1(), traceresponse.mid(36, 16));
        QCOMPARE(attribute(span, "http.response.status_code"), QStringLiteral("200"));
        QCOMPARE(attribute(span, "http.route"), QStringLiteral("/healthz"));
        if (continued)
            QCOMPARE(span["parentSpanId"].toString().toLatin1(), traceparent.mid(36, 16));
    }

    void aRestCallShowsServiceSqlAndSerialization() {
        const QByteArray parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        auto response = testing::rawGet(m_server->httpPort(), "/v1/users/42/orders", "traceparent: " + parent + "\r\n");
        QCOMPARE(response->status, 200);
        QVERIFY(response->header("server-timing").contains("db;dur="));
        auto trace = testing::rawGet(m_server->httpPort(), "/debug/traces/0af7651916cd43dd8448eb211c80319c");
        const auto spans = spansOf(trace->body);
        QMap<QString, QJsonObject> byName;
        for (const auto &span : spans)
            byName.insert(span.toObject()["name"].toString(), span.toObject());
        QVERIFY2(byName.contains("GET /v1/users/{id}/orders"), trace->body.constData());
        const auto server = byName.value("GET /v1/users/{id}/orders");
        QCOMPARE(server["parentSpanId"].toString(), QStringLiteral("b7ad6b7169203331"));
        QCOMPARE(attribute(server, "http.response.body.size"), QString::number(response->body.size()));
        const auto service = byName.value("OrderService.userOrders");
        QCOMPARE(service["parentSpanId"].toString(), server["spanId"].toString());
        int sqlUnderService = 0;
        bool ordersStatement = false;
        for (const auto &item : spans) {
            const auto span = item.toObject();
            if (span["name"].toString().startsWith("SQL") && span["parentSpanId"] == service["spanId"]) {
                ++sqlUnderService;
                ordersStatement |= attribute(span, "db.statement").contains("FROM orders");
            }
        }
        QCOMPARE(sqlUnderService, 2);
        QVERIFY(ordersStatement);
    }

    void unroutedAndRefusedAnswersAreTracedToo_data() {
        const QByteArray traceparent = "traceparent: 00-" + kRefusedTrace + "-00f067aa0ba902b7-01\r\n";
        const QByteArray overLimit(1024 * 1024 + 1, 'a');
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("continued"); // the whole head was read, so its traceparent counts
        QTest::newRow("404 unrouted") << "GET /nowhere HTTP/1.1\r\nHost: x\r\n" + traceparent + "\r\n" << 404 << true;
        QTest::newRow("413 chunked body over the limit")
            << "POST /v1/orders HTTP/1.1\r\nHost: x\r\n" + traceparent + "Transfer-Encoding: chunked\r\n\r\n" +
                   QByteArray::number(overLimit.size(), 16) + "\r\n" + overLimit + "\r\n0\r\n\r\n"
            << 413 << true;
        // Beast stops reading the head at a Content-Length over the limit, before the fields after it.
        QTest::newRow("413 from Content-Length")
            << "POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n" + traceparent + "\r\n"
            << 413 << false;
        QTest::newRow("431 oversized head")
            << "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(100 * 1024, 'a') + "\r\n\r\n"
            << 431 << false;
        QTest::newRow("400 garbage") << QByteArray("BLAH\r\n\r\n") << 400 << false;
    }
    void unroutedAndRefusedAnswersAreTracedToo() {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(bool, continued);
        testing::RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_server->httpPort()));
        connection.send(request);
        auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        const QByteArray traceresponse = response->header("traceresponse");
        QCOMPARE(traceresponse.size(), 55);
        QCOMPARE(traceresponse.mid(3, 32) == kRefusedTrace, continued);
        QVERIFY(response->header("server-timing").startsWith("total;dur="));
        const auto traceId = tracing::parseTraceId(traceresponse.mid(3, 32).toStdString());
        QVERIFY(traceId);
        QVERIFY(!m_server->tracer()->store().trace(*traceId).empty());
    }

    void tracesOfIllFormedPathsAreValidJson() {
        // `%c0%ff` decodes to bytes that are not UTF-8: url.path shows U+FFFD in their place, and the OTLP/JSON parses.
        auto refused = testing::rawGet(m_server->httpPort(), "/v1/users/%c0%ff");
        QVERIFY(refused);
        QCOMPARE(refused->status, 404);
        QVERIFY(QJsonDocument::fromJson(refused->body).isObject());
        auto trace =
            testing::rawGet(m_server->httpPort(), "/debug/traces/" + refused->header("traceresponse").mid(3, 32));
        QVERIFY(trace);
        QCOMPARE(trace->status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(trace->body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto spans = spansOf(trace->body);
        QVERIFY(!spans.isEmpty());
        QCOMPARE(attribute(spans.at(0).toObject(), "url.path"), QStringLiteral("/v1/users/\uFFFD\uFFFD"));
    }

    void unknownTracesAre404_data() {
        QTest::addColumn<QByteArray>("id");
        QTest::newRow("unknown") << QByteArray("1234567890abcdef1234567890abcdef");
        QTest::newRow("not hex") << QByteArray("nothex");
        QTest::newRow("all zero") << QByteArray(32, '0');
    }
    void unknownTracesAre404() {
        QFETCH(QByteArray, id);
        auto response = testing::rawGet(m_server->httpPort(), "/debug/traces/" + id);
        QCOMPARE(response->status, 404);
        QCOMPARE(response->header("content-type"), QByteArray("application/problem+json"));
    }

    void serviceCallsAndSqlBecomeChildSpans() {
        auto &tracer = *m_server->tracer();
        tracing::PhaseTimings timings;
        tracing::TraceId traceId;
        {
            auto root = tracing::Span::startServer(tracer, "test", nullptr);
            tracing::CurrentSpanScope scope(root, &timings);
            traceId = root.context().traceId;
            QVERIFY(m_server->service()->userOrders(42).ok());
        }
        QCOMPARE(timings.sqlStatements, 2); // the user exists, then the orders
        std::map<std::string, int> names;
        bool sawStatement = false;
        for (const auto &span : tracer.store().trace(traceId)) {
            ++names[span.name];
            if (const auto *statement = span.attribute("db.statement"))
                sawStatement |= std::get<std::string>(*statement).find("FROM orders") != std::string::npos;
        }
        QCOMPARE(names["OrderService.userOrders"], 1);
        QCOMPARE(names["SQL SELECT"], 2);
        QVERIFY(sawStatement);
    }

    // --otlp-endpoint: a request's spans reach the collector, SQL statements and all, without the request waiting.
    void spansReachTheOtlpEndpointsCollector() {
        std::mutex mutex;
        QByteArray received;
        http::Router router;
        router.add("POST", "/v1/traces", [&](http::HttpRequest &request) {
            std::lock_guard lock(mutex);
            received += QByteArray::fromStdString(request.body);
            return http::HttpResponse::json(200, "{}");
        });
        http::HttpServer collector(std::move(router), {});
        const auto collectorPort = collector.start();
        QVERIFY(collectorPort.ok());
        ServerOptions options;
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        options.otlpEndpoint = "http://127.0.0.1:" + std::to_string(*collectorPort) + "/v1/traces";
        OrderServer server(options);
        QVERIFY(server.start().ok());
        const QByteArray traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
        auto response = testing::rawGet(server.httpPort(), "/v1/users/42/orders",
                                        "traceparent: 00-" + traceId + "-00f067aa0ba902b7-01\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        const auto exported = [&] {
            std::lock_guard lock(mutex);
            return received;
        };
        QTRY_VERIFY_WITH_TIMEOUT(exported().count("\"traceId\":\"" + traceId + "\"") >= 4, 5000);
        for (const char *expected : {"GET /v1/users/{id}/orders", "OrderService.userOrders", "SQL SELECT",
                                     "FROM orders", "serialize JSON", "\"service.name\""})
            QVERIFY2(exported().contains(expected), expected);
    }

private:
    std::unique_ptr<OrderServer> m_server;
};

QTEST_GUILESS_MAIN(TestHttpTracing)
#include "test_httptracing.moc"
