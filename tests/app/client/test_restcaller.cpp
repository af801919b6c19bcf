#include "app/client/restcaller.h"
#include "tests/app/client/testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace triptych;
using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;

CallRecord lastRecord(const QSignalSpy &spy) {
    return spy.last().at(0).value<CallRecord>();
}
} // namespace

class TestRestCaller : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;
    QString m_base;

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
        m_base = testing::httpBase(*m_server);
    }
    void cleanupTestCase() { m_server.reset(); }

    void getRecordsEveryField() {
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.url = m_base + QStringLiteral("/v1/users/42");
        const auto id = caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.id, id);
        QCOMPARE(record.httpStatus, 200);
        QCOMPARE(record.method, QStringLiteral("GET"));
        QCOMPARE(record.httpVersion, QStringLiteral("HTTP/1.1"));
        QCOMPARE(QJsonDocument::fromJson(record.body).object().value(QStringLiteral("id")).toInt(), 42);
        QCOMPARE(record.traceId.size(), 32);
        QVERIFY(!record.header("Content-Type").isEmpty());
        QVERIFY(record.timings.totalUs > 0);
        QVERIFY(record.timings.connectUs.has_value());
        QVERIFY(!record.timings.dnsUs.has_value()); // an IP literal needs no lookup
        QVERIFY(record.timings.firstByteUs.has_value());
        QVERIFY(record.sizes.requestHeaderBytes > 0);
        QVERIFY(record.sizes.responseHeaderBytes > 0);
        QCOMPARE(record.sizes.responseBodyWireBytes, record.body.size());
        QVERIFY(!record.spans.isEmpty());
        QVERIFY(record.serverSpanCount() > 0);
        // The server keeps its spans at /debug/traces/{id}: they sit inside the client's total on one axis.
        QVERIFY(record.traceSource == TraceSource::DebugTraces);
        for (const auto &span : record.spans) {
            if (span.fromServer)
                QVERIFY2(span.startUs >= 0 && span.startUs <= record.timings.totalUs, qPrintable(span.name));
        }
    }

    void secondCallReusesTheConnection() {
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.url = m_base + QStringLiteral("/healthz");
        request.fetchServerTrace = false;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kWaitMs);
        const auto record = lastRecord(finished);
        QVERIFY(record.connectionReused);
        QVERIFY(!record.timings.connectUs.has_value());
    }

    void postJsonWithBearer() {
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.method = "POST";
        request.url = m_base + QStringLiteral("/v1/users/7/orders");
        request.bodyKind = BodyKind::Json;
        request.body = R"({"product":"Widget","quantity":2})";
        request.auth = {AuthKind::Bearer, {}, {}, QStringLiteral("demo-token")};
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QVERIFY(record.httpStatus == 201 || record.httpStatus == 422); // 422 when "Widget" is not in the catalogue
        QCOMPARE(record.requestBody, request.body);
        QCOMPARE(record.sizes.requestBodyBytes, request.body.size());
        bool sentAuth = false;
        for (const auto &[name, value] : record.requestHeaders)
            sentAuth |= name == "Authorization" && value == "Bearer demo-token";
        QVERIFY(sentAuth);
    }

    void gzipIsSmallerOnTheWire() {
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.url = m_base + QStringLiteral("/v1/users/42/orders");
        request.acceptGzip = true;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.header("Content-Encoding"), QByteArray("gzip"));
        QVERIFY(record.sizes.responseBodyWireBytes < record.sizes.responseBodyDecodedBytes);
    }

    void httpErrorsSayWhatFailed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown user") << "/v1/users/999999" << 404;
        QTest::newRow("bad limit") << "/v1/users?limit=0" << 422;
        QTest::newRow("write without credentials") << "/v1/orders/1/cancel" << 405;
    }
    void httpErrorsSayWhatFailed() {
        QFETCH(QString, path);
        QFETCH(int, status);
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.url = m_base + path;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.httpStatus, status);
        QCOMPARE(toString(record.error.kind), toString(ErrorKind::HttpStatus));
        QVERIFY(record.error.text().startsWith(QStringLiteral("HTTP %1").arg(status)));
    }

    void deadAndSlowPortsFailClearly_data() {
        QTest::addColumn<bool>("listening");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("nothing listens") << false << int(ErrorKind::Refused) << "Connection refused on 127.0.0.1:";
        QTest::newRow("never answers") << true << int(ErrorKind::Timeout) << "within 300 ms";
    }
    void deadAndSlowPortsFailClearly() {
        QFETCH(bool, listening);
        QFETCH(int, kind);
        QFETCH(QString, words);
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const auto port = silent.serverPort();
        if (!listening)
            silent.close();
        RestCaller caller;
        QSignalSpy failed(&caller, &RestCaller::callFailed);
        RestRequest request;
        request.url = QStringLiteral("http://127.0.0.1:%1/v1/users/1").arg(port);
        request.timeoutMs = 300;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const auto record = lastRecord(failed);
        QCOMPARE(toString(record.error.kind), toString(ErrorKind(kind)));
        QVERIFY2(record.error.text().contains(words), qPrintable(record.error.text()));
        QVERIFY(!record.error.hint.isEmpty());
    }

    // A cancelled call ends once, as cancelled, whatever the server would have done later.
    void cancelEndsTheCallOnce() {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        QSignalSpy failed(&caller, &RestCaller::callFailed);
        RestRequest request;
        request.url = QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort());
        request.timeoutMs = 400;
        const auto id = caller.send(request);
        caller.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(lastRecord(failed).id, id);
        QCOMPARE(toString(lastRecord(failed).error.kind), toString(ErrorKind::Cancelled));
        QVERIFY(lastRecord(failed).url.startsWith(QStringLiteral("http://127.0.0.1:")));
        // A second call with a longer timeout ends after the first one's would have: by then nothing late arrived.
        request.timeoutMs = 800;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, kWaitMs);
        QCOMPARE(toString(lastRecord(failed).error.kind), toString(ErrorKind::Timeout));
        QCOMPARE(finished.count(), 0);
    }

    void sseStreamsMessagesWithTimes() {
        RestCaller caller;
        QSignalSpy messages(&caller, &RestCaller::messageReceived);
        QSignalSpy failed(&caller, &RestCaller::callFailed);
        RestRequest request;
        request.url = m_base + QStringLiteral("/v1/users/42/orders/stream?interval_ms=1");
        const auto id = caller.send(request);
        QTRY_VERIFY_WITH_TIMEOUT(messages.count() >= 5, kWaitMs);
        caller.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        // The cancelled stream's record keeps what came: every message reported, its time and bytes.
        const auto record = lastRecord(failed);
        QCOMPARE(toString(record.error.kind), toString(ErrorKind::Cancelled));
        QVERIFY(record.messages.size() >= messages.count());
        QVERIFY(record.timings.totalUs > 0);
        QVERIFY(record.sizes.responseBodyDecodedBytes > 0);
        QVERIFY(record.serverSpanCount() > 0);
        qint64 previous = -1;
        for (const auto &arguments : messages) {
            const auto message = arguments.at(1).value<StreamMessage>();
            QCOMPARE(message.event, QStringLiteral("order"));
            QVERIFY(message.size > 0);
            QVERIFY(message.offsetUs >= previous);
            QVERIFY(QJsonDocument::fromJson(message.body).object().contains(QStringLiteral("product")));
            previous = message.offsetUs;
        }
    }
};

QTEST_GUILESS_MAIN(TestRestCaller)
#include "test_restcaller.moc"
