// HistoryRecorder: calls written to the persistent history come back, oldest first, in a recorder opened later on the
// same database, as records the history list and the panes show.
#include "app/session/historyrecorder.h"
#include "app/workspace/historystore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;

namespace {

client::CallRecord call(client::CallKind kind, qint64 startedAtMs, int status) {
    client::CallRecord record;
    record.kind = kind;
    record.startedAtUnixNs = startedAtMs * 1'000'000;
    record.method =
        kind == client::CallKind::Grpc ? QStringLiteral("/orders.v1.OrderService/GetUser") : QStringLiteral("GET");
    record.url = kind == client::CallKind::Grpc               ? QStringLiteral("127.0.0.1:50051")
                 : kind == client::CallKind::GraphQLWebSocket ? QStringLiteral("ws://127.0.0.1:8080/graphql")
                                                              : QStringLiteral("http://127.0.0.1:8080/v1/users/42");
    record.requestHeaders = {{"Accept", "application/json"}};
    record.requestBody = "{\"q\":1}";
    if (kind == client::CallKind::Grpc)
        record.grpcCode = status;
    else
        record.httpStatus = status;
    if (kind == client::CallKind::Grpc && status != 0)
        record.error = {client::ErrorKind::GrpcStatus, QStringLiteral("gRPC %1").arg(status), {}};
    record.body = "{\"id\":42}";
    record.timings.totalUs = 1234;
    record.timings.connectUs = 100;
    record.sizes.responseBodyDecodedBytes = record.body.size();
    record.traceId = QStringLiteral("0af7651916cd43dd8448eb211c80319c");
    return record;
}

} // namespace

class TestHistoryRecorder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void callsComeBackAfterARestart() {
        QTemporaryDir folder;
        const QString database = folder.filePath(QStringLiteral("history.sqlite"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            session::HistoryRecorder recorder(database);
            recorder.record(call(client::CallKind::Rest, now - 3000, 200));
            recorder.record(call(client::CallKind::Grpc, now - 2000, 5));
            auto failed = call(client::CallKind::GraphQLWebSocket, now - 1000, 0);
            failed.error = {client::ErrorKind::Refused, QStringLiteral("Connection refused"), {}};
            recorder.record(failed);
            recorder.store()->waitForIdle();
        }
        session::HistoryRecorder restarted(database);
        QSignalSpy restored(&restarted, &session::HistoryRecorder::restoreFinished);
        restarted.restore(2);
        QTRY_COMPARE(restored.size(), 1);
        const auto records = restored.first().first().value<QList<client::CallRecord>>();
        QCOMPARE(records.size(), 2); // the newest two, oldest first
        QVERIFY(records.at(0).kind == client::CallKind::Grpc);
        QCOMPARE(records.at(0).grpcCode, 5);
        QVERIFY(records.at(0).error.kind == client::ErrorKind::GrpcStatus);
        QCOMPARE(records.at(0).method, QStringLiteral("/orders.v1.OrderService/GetUser"));
        QCOMPARE(records.at(0).body, QByteArray("{\"id\":42}"));
        QCOMPARE(records.at(0).timings.totalUs, 1234);
        QCOMPARE(records.at(0).timings.connectUs, std::optional<qint64>(100));
        QVERIFY(!records.at(0).timings.dnsUs);
        QCOMPARE(records.at(0).traceId, QStringLiteral("0af7651916cd43dd8448eb211c80319c"));
        QVERIFY(records.at(1).kind == client::CallKind::GraphQLWebSocket);
        QVERIFY(!records.at(1).transportOk());
        QCOMPARE(records.at(1).error.message, QStringLiteral("Connection refused"));
        QCOMPARE(records.at(1).startedAtUnixNs, (now - 1000) * 1'000'000);
    }

    void aBigBodyComesBackCut() {
        auto record = call(client::CallKind::Rest, 1000, 200);
        record.body = QByteArray(600 * 1024, 'x');
        const auto back = session::HistoryRecorder::toCallRecord(workspace::historyEntryFromCall(record));
        QCOMPARE(back.body.size(), 256 * 1024);
        QCOMPARE(back.warnings.size(), 1);
        QVERIFY(back.warnings.first().contains(QStringLiteral("of a 614400-byte body")));
    }

    void anEmptyHistoryRestoresNothing() {
        QTemporaryDir folder;
        session::HistoryRecorder recorder(folder.filePath(QStringLiteral("history.sqlite")));
        QSignalSpy restored(&recorder, &session::HistoryRecorder::restoreFinished);
        recorder.restore(100);
        QTRY_COMPARE(restored.size(), 1);
        QVERIFY(restored.first().first().value<QList<client::CallRecord>>().isEmpty());
    }

    void restoredRecordsKeepWhatTheListShows_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("errorKind");
        QTest::newRow("REST 200") << int(client::CallKind::Rest) << 200 << int(client::ErrorKind::None);
        QTest::newRow("REST 404") << int(client::CallKind::Rest) << 404 << int(client::ErrorKind::HttpStatus);
        QTest::newRow("GraphQL 200") << int(client::CallKind::GraphQL) << 200 << int(client::ErrorKind::None);
        QTest::newRow("gRPC OK") << int(client::CallKind::Grpc) << 0 << int(client::ErrorKind::None);
        QTest::newRow("gRPC NOT_FOUND") << int(client::CallKind::Grpc) << 5 << int(client::ErrorKind::GrpcStatus);
    }
    void restoredRecordsKeepWhatTheListShows() {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, errorKind);
        auto record = call(client::CallKind(kind), 1000, status);
        record.error = {};
        if (errorKind != int(client::ErrorKind::None))
            record.error = {client::ErrorKind(errorKind), QStringLiteral("it failed"), {}};
        const auto back = session::HistoryRecorder::toCallRecord(workspace::historyEntryFromCall(record));
        QCOMPARE(int(back.kind), kind);
        QCOMPARE(back.httpStatus, record.httpStatus);
        QCOMPARE(back.grpcCode, record.grpcCode);
        QCOMPARE(int(back.error.kind), errorKind);
        QCOMPARE(back.url, record.url);
        QCOMPARE(back.requestHeaders, record.requestHeaders);
        QCOMPARE(back.requestBody, record.requestBody);
    }
};

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "test_historyrecorder.moc"
