// The app's callers against servers that misbehave on purpose (tests/support/hostileserver.h): each case ends in a
// clear message with memory bounded by the response size limit, and cancelling always works. The 2 GB body and the
// 10 million gRPC messages run against a small limit: what matters is that the limit stops them.
#include "app/client/bodyspool.h"
#include "app/client/graphqlwscaller.h"
#include "app/client/grpccaller.h"
#include "app/client/responselimit.h"
#include "app/client/restcaller.h"
#include "tests/support/hostilegrpcserver.h"
#include "tests/support/hostileserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::client;
using testing::HostileServer;
using testing::Misbehaviour;

Q_DECLARE_METATYPE(triptych::testing::Misbehaviour)
Q_DECLARE_METATYPE(triptych::client::ErrorKind)

namespace {
constexpr int kWaitMs = 20'000;
constexpr qint64 kSmallLimit = 4LL * 1024 * 1024;

CallRecord lastRecord(const QSignalSpy &spy) {
    return spy.last().at(0).value<CallRecord>();
}

HostileServer::Options misbehaving(Misbehaviour how, qint64 bodyBytes = 2LL * 1024 * 1024 * 1024) {
    HostileServer::Options options;
    options.how = how;
    options.bodyBytes = bodyBytes;
    return options;
}
} // namespace

class TestHostileServers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void restEndsClearly_data() {
        QTest::addColumn<Misbehaviour>("how");
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        const int none = restlimits::kDefaultTimeoutMs;
        QTest::newRow("2 GB body") << Misbehaviour::HugeBody << "http" << kSmallLimit << none << ErrorKind::TooLarge
                                   << "The response exceeded the 4 MB limit — raise it in Request ▸ Response size";
        QTest::newRow("endless body, limit") << Misbehaviour::EndlessBody << "http" << kSmallLimit << none
                                             << ErrorKind::TooLarge << "The response exceeded the 4 MB limit";
        QTest::newRow("stalled body, timeout") << Misbehaviour::StalledBody << "http" << qint64(0) << 500
                                               << ErrorKind::Timeout << "had not ended within 500 ms";
        QTest::newRow("endless events") << Misbehaviour::EndlessEvents << "http" << kSmallLimit << none
                                        << ErrorKind::TooLarge << "exceeded the 4 MB limit";
        QTest::newRow("100,000 headers") << Misbehaviour::ManyHeaders << "http" << qint64(0) << none
                                         << ErrorKind::TooLarge << "The server sent more than 1000 response headers";
        QTest::newRow("invalid gzip") << Misbehaviour::InvalidGzip << "http" << qint64(0) << none << ErrorKind::Network
                                      << "Invalid gzip data from the server";
        QTest::newRow("never answers") << Misbehaviour::Silent << "http" << qint64(0) << 500 << ErrorKind::Timeout
                                       << "No answer within 500 ms from 127.0.0.1";
        QTest::newRow("TLS stalls") << Misbehaviour::Silent << "https" << qint64(0) << 500 << ErrorKind::Timeout
                                    << "stalled: no answer within 500 ms";
    }

    void restEndsClearly() {
        QFETCH(Misbehaviour, how);
        QFETCH(QString, scheme);
        QFETCH(qint64, limit);
        QFETCH(int, timeoutMs);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        HostileServer server(misbehaving(how));
        RestCaller caller;
        QSignalSpy failed(&caller, &RestCaller::callFailed);
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.url = server.url(scheme);
        request.maxResponseBytes = limit;
        request.timeoutMs = timeoutMs;
        request.connectTimeoutMs = std::min(timeoutMs, restlimits::kDefaultConnectTimeoutMs);
        request.acceptGzip = how == Misbehaviour::InvalidGzip;
        request.fetchServerTrace = false;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count() + finished.count(), 1, kWaitMs);
        QCOMPARE(failed.count(), 1);
        const auto record = lastRecord(failed);
        QCOMPARE(toString(record.error.kind), toString(kind));
        QVERIFY2(record.error.text().contains(message), qPrintable(record.error.text()));
        // Memory stays bounded: what the call keeps is within the limit, whatever the server went on sending.
        QVERIFY(record.body.size() <= effectiveMaxResponseBytes(limit));
        QVERIFY(record.responseHeaders.size() <= responselimits::kMaxResponseHeaders);
        if (how == Misbehaviour::HugeBody)
            QVERIFY(server.bytesSent() < 1024LL * 1024 * 1024);
    }

    void restCancelAlwaysWorks_data() {
        QTest::addColumn<Misbehaviour>("how");
        QTest::addColumn<QString>("scheme");
        QTest::newRow("endless body") << Misbehaviour::EndlessBody << "http";
        QTest::newRow("endless events") << Misbehaviour::EndlessEvents << "http";
        QTest::newRow("2 GB body") << Misbehaviour::HugeBody << "http";
        QTest::newRow("never answers") << Misbehaviour::Silent << "http";
        QTest::newRow("TLS stalls") << Misbehaviour::Silent << "https";
    }

    void restCancelAlwaysWorks() {
        QFETCH(Misbehaviour, how);
        QFETCH(QString, scheme);
        HostileServer server(misbehaving(how));
        RestCaller caller;
        QSignalSpy failed(&caller, &RestCaller::callFailed);
        RestRequest request;
        request.url = server.url(scheme);
        request.fetchServerTrace = false;
        const auto id = caller.send(request);
        QTRY_VERIFY_WITH_TIMEOUT(server.connections() == 1, kWaitMs);
        if (how != Misbehaviour::Silent)
            QTRY_VERIFY_WITH_TIMEOUT(server.bytesSent() > 1024 * 1024, kWaitMs);
        caller.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(toString(lastRecord(failed).error.kind), toString(ErrorKind::Cancelled));
        QVERIFY(!caller.isRunning(id));
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
    }

    void processWideLimitApplies() {
        const qint64 before = maxResponseBytes();
        setMaxResponseBytes(2 * 1024 * 1024);
        HostileServer server(misbehaving(Misbehaviour::HugeBody));
        RestCaller caller;
        QSignalSpy failed(&caller, &RestCaller::callFailed);
        RestRequest request;
        request.url = server.url();
        request.fetchServerTrace = false;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        setMaxResponseBytes(before);
        QVERIFY2(lastRecord(failed).error.message.contains(QLatin1String("exceeded the 2 MB limit")),
                 qPrintable(lastRecord(failed).error.message));
    }

    // Past the request's spool threshold the body goes to a temporary file; the record keeps its start in memory.
    void aBodyPastTheThresholdIsSpooledToAFile_data() {
        QTest::addColumn<qint64>("bodyBytes");
        QTest::addColumn<bool>("spooled");
        QTest::newRow("under the threshold") << qint64(512 * 1024) << false;
        QTest::newRow("past it") << qint64(24LL * 1024 * 1024) << true;
    }
    void aBodyPastTheThresholdIsSpooledToAFile() {
        QFETCH(qint64, bodyBytes);
        QFETCH(bool, spooled);
        HostileServer server(misbehaving(Misbehaviour::HugeBody, bodyBytes));
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.url = server.url();
        request.fetchServerTrace = false;
        request.spoolAboveBytes = 1024 * 1024;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const CallRecord record = lastRecord(finished);
        QCOMPARE(record.sizes.responseBodyDecodedBytes, bodyBytes);
        QCOMPARE(bool(record.spooledBody), spooled);
        if (!spooled) {
            QCOMPARE(record.body.size(), bodyBytes);
            return;
        }
        QCOMPARE(record.spooledBody->size(), bodyBytes);
        QCOMPARE(record.body.size(), 64 * 1024);
        QCOMPARE(record.spooledBody->read(0, record.body.size()), record.body);
        QCOMPARE(record.spooledBody->read(bodyBytes - 3, 10), QByteArray("xxx"));
    }

    void limitSizesRead_data() {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("bytes") << qint64(12) << "12 bytes";
        QTest::newRow("KB") << qint64(900 * 1024) << "900 KB";
        QTest::newRow("MB") << qint64(256) * 1024 * 1024 << "256 MB";
        QTest::newRow("GB, a fraction") << qint64(1536) * 1024 * 1024 << "1.5 GB";
    }

    void limitSizesRead() {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(sizeText(bytes), text);
    }

    void webSocketMessageTooBig_data() {
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<QString>("message");
        QTest::newRow("the user's limit") << qint64(1024 * 1024) << "exceeded the 1 MB limit";
        QTest::newRow("the per-message ceiling") << qint64(0) << "exceeded the 64 MB limit";
    }

    void webSocketMessageTooBig() {
        QFETCH(qint64, limit);
        QFETCH(QString, message);
        HostileServer server(misbehaving(Misbehaviour::HugeWsMessage, 100LL * 1024 * 1024));
        GraphQLWsCaller caller;
        QSignalSpy failed(&caller, &GraphQLWsCaller::callFailed);
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        GraphQLWsRequest request;
        request.url = server.url(QStringLiteral("ws"), QStringLiteral("/graphql"));
        request.query = QStringLiteral("subscription { orderUpdates { id } }");
        request.maxResponseBytes = limit;
        request.sendTraceparent = false;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count() + finished.count(), 1, kWaitMs);
        QCOMPARE(failed.count(), 1);
        const auto record = lastRecord(failed);
        QCOMPARE(toString(record.error.kind), toString(ErrorKind::TooLarge));
        QVERIFY2(record.error.message.contains(message), qPrintable(record.error.text()));
        QCOMPARE(record.closeCode, 1009);
        // Qt refused the frame from its header: far less than the 100 MB crossed the socket.
        QVERIFY(server.bytesSent() < 100LL * 1024 * 1024);
    }

    void grpcFloodStopsAtTheLimit() {
        testing::HostileGrpcServer server(10'000'000);
        QVERIFY(server.isListening());
        GrpcCaller caller;
        QSignalSpy failed(&caller, &GrpcCaller::callFailed);
        QSignalSpy messages(&caller, &GrpcCaller::messageReceived);
        GrpcRequest request = streamRequest(server.target());
        request.maxResponseBytes = 1024 * 1024;
        caller.call(schema(), request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const auto record = lastRecord(failed);
        QCOMPARE(toString(record.error.kind), toString(ErrorKind::TooLarge));
        QVERIFY2(record.error.message.contains(QLatin1String("The call's messages exceeded the 1 MB limit")),
                 qPrintable(record.error.text()));
        QVERIFY(record.messages.size() < 10'000);
        QVERIFY(server.messagesSent() < 10'000'000);
        QTRY_COMPARE_WITH_TIMEOUT(server.openStreams(), 0, kWaitMs);
    }

    void grpcFloodCancels() {
        testing::HostileGrpcServer server(10'000'000);
        GrpcCaller caller;
        QSignalSpy failed(&caller, &GrpcCaller::callFailed);
        QSignalSpy messages(&caller, &GrpcCaller::messageReceived);
        const auto id = caller.call(schema(), streamRequest(server.target()));
        QTRY_VERIFY_WITH_TIMEOUT(messages.count() > 100, kWaitMs);
        caller.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(toString(lastRecord(failed).error.kind), toString(ErrorKind::Cancelled));
        QTRY_COMPARE_WITH_TIMEOUT(server.openStreams(), 0, kWaitMs);
    }

private:
    GrpcSchemaPtr schema() {
        if (!m_schema) {
            QString error;
            m_schema = GrpcSchema::fromProtoFiles({QStringLiteral(TRIPTYCH_PROTO_DIR "/orders/v1/orders.proto")},
                                                  {QStringLiteral(TRIPTYCH_PROTO_DIR)}, &error);
        }
        return m_schema;
    }

    static GrpcRequest streamRequest(const QString &target) {
        GrpcRequest request;
        request.target = target;
        request.method = QStringLiteral("orders.v1.OrderService/StreamOrders");
        request.messages.append("{}");
        request.sendTraceparent = false;
        return request;
    }

    GrpcSchemaPtr m_schema;
};

QTEST_GUILESS_MAIN(TestHostileServers)
#include "test_hostileservers.moc"
