#include "app/session/benchmarkcalls.h"
#include "app/session/benchmarkrunner.h"
#include "tests/app/client/testserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::session;

namespace {
constexpr int kWaitMs = 30'000;

QList<BenchmarkResult> resultsOf(const QSignalSpy &spy) {
    return spy.last().at(0).value<QList<BenchmarkResult>>();
}
} // namespace

class TestBenchmarkRunner : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;

    QList<BenchmarkPreset> presets() const {
        Endpoints endpoints;
        endpoints.httpBase = testing::httpBase(*m_server);
        endpoints.grpcTarget = testing::grpcTarget(*m_server);
        return benchmarkPresets(endpoints);
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
    }
    void cleanupTestCase() { m_server.reset(); }

    void runsEveryStyleOfAPreset_data() {
        QTest::addColumn<int>("preset");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("concurrency");
        QTest::newRow("a user's orders, one at a time") << 0 << 5 << 1;
        QTest::newRow("a user's orders, three in flight") << 0 << 7 << 3;
        QTest::newRow("name and avatar, more in flight than calls") << 1 << 3 << 8;
    }
    void runsEveryStyleOfAPreset() {
        QFETCH(int, preset);
        QFETCH(int, iterations);
        QFETCH(int, concurrency);
        BenchmarkRunner runner;
        QSignalSpy finished(&runner, &BenchmarkRunner::runFinished);
        QSignalSpy progress(&runner, &BenchmarkRunner::progressChanged);
        runner.start({presets().at(preset).calls, iterations, concurrency});
        QVERIFY(runner.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QVERIFY(!runner.isRunning());
        QCOMPARE(finished.last().at(1).toBool(), false);
        const auto results = resultsOf(finished);
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).label, QStringLiteral("REST"));
        QCOMPARE(results.at(1).label, QStringLiteral("GraphQL"));
        QCOMPARE(results.at(2).label, QStringLiteral("gRPC"));
        for (const auto &result : results) {
            QCOMPARE(result.stats.requestCount(), iterations);
            QVERIFY2(result.stats.errorCount() == 0,
                     qPrintable(result.label + QStringLiteral(": ") + result.firstError));
            QVERIFY(result.stats.percentileUs(50) > 0);
            QVERIFY(result.stats.percentileUs(50) <= result.stats.percentileUs(99));
            QVERIFY(result.stats.wallTimeUs() > 0);
        }
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 3 * iterations);
        QCOMPARE(progress.last().at(1).toInt(), 3 * iterations);
    }

    void errorsAreCountedWithTheirReason() {
        auto call = presets().at(0).calls.at(0);
        call.http.url = testing::httpBase(*m_server) + QStringLiteral("/v1/users/999999");
        BenchmarkRunner runner;
        QSignalSpy finished(&runner, &BenchmarkRunner::runFinished);
        runner.start({{call}, 4, 2});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto result = resultsOf(finished).at(0);
        QCOMPARE(result.stats.errorCount(), 4);
        QCOMPARE(result.stats.successCount(), 0);
        QVERIFY(result.firstError.contains(QStringLiteral("404")));
    }

    void cancelStopsWithTheResultsSoFar() {
        BenchmarkRunner runner;
        QSignalSpy finished(&runner, &BenchmarkRunner::runFinished);
        QSignalSpy progress(&runner, &BenchmarkRunner::progressChanged);
        runner.start({presets().at(1).calls, 1'000'000, 2});
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), kWaitMs);
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QCOMPARE(finished.last().at(1).toBool(), true);
        const auto results = resultsOf(finished);
        QVERIFY(!results.isEmpty());
        QVERIFY(results.first().stats.requestCount() < 1'000'000);
    }

    void callsFromRecords_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("requestBody");
        QTest::addColumn<int>("outgoingMessages");
        QTest::addColumn<int>("incomingMessages");
        QTest::addColumn<bool>("repeatable");
        QTest::newRow("REST GET") << int(client::CallKind::Rest) << "GET" << QByteArray() << 0 << 0 << true;
        QTest::newRow("REST SSE stream") << int(client::CallKind::Rest) << "GET" << QByteArray() << 0 << 3 << false;
        QTest::newRow("GraphQL POST") << int(client::CallKind::GraphQL) << "POST" << QByteArray("{\"query\":\"{a}\"}")
                                      << 0 << 0 << true;
        QTest::newRow("gRPC unary") << int(client::CallKind::Grpc) << "/orders.v1.OrderService/GetUser"
                                    << QByteArray("{\"user_id\":42}") << 1 << 1 << true;
        QTest::newRow("gRPC server stream that ends")
            << int(client::CallKind::Grpc) << "/orders.v1.OrderService/StreamOrders" << QByteArray("{\"user_id\":42}")
            << 1 << 5 << true;
        QTest::newRow("gRPC stream that follows")
            << int(client::CallKind::Grpc) << "/orders.v1.OrderService/StreamOrders"
            << QByteArray("{\"user_id\":42,\"follow\":true}") << 1 << 5 << false;
        QTest::newRow("gRPC client stream") << int(client::CallKind::Grpc) << "/orders.v1.OrderService/UploadOrders"
                                            << QByteArray("{}") << 3 << 1 << false;
        QTest::newRow("GraphQL over WebSocket")
            << int(client::CallKind::GraphQLWebSocket) << "" << QByteArray() << 0 << 2 << false;
    }
    void callsFromRecords() {
        QFETCH(int, kind);
        QFETCH(QString, method);
        QFETCH(QByteArray, requestBody);
        QFETCH(int, outgoingMessages);
        QFETCH(int, incomingMessages);
        QFETCH(bool, repeatable);
        client::CallRecord record;
        record.kind = client::CallKind(kind);
        record.method = method;
        record.url = QStringLiteral("http://127.0.0.1:1/x");
        record.requestBody = requestBody;
        record.requestHeaders = {{"traceparent", "00-abc"}, {"X-Api-Key", "demo-key"}};
        for (int i = 0; i < outgoingMessages + incomingMessages; ++i)
            record.messages.append({i < outgoingMessages, 0, 1, {}, requestBody});
        const auto call = benchmarkCallFromRecord(record);
        QCOMPARE(call.has_value(), repeatable);
        if (!call)
            return;
        const auto headers = call->kind == client::CallKind::Grpc ? call->grpc.metadata : call->http.headers;
        QCOMPARE(headers, (client::HeaderList{{"X-Api-Key", "demo-key"}}));
        if (call->kind == client::CallKind::Grpc) {
            QCOMPARE(call->grpc.method, method.mid(1));
            QCOMPARE(call->grpc.messages, QList<QByteArray>{requestBody});
        } else {
            QCOMPARE(call->http.method, method.toLatin1());
            QCOMPARE(call->http.body, requestBody);
            QVERIFY(!call->http.fetchServerTrace);
        }
    }
};

QTEST_GUILESS_MAIN(TestBenchmarkRunner)
#include "test_benchmarkrunner.moc"
