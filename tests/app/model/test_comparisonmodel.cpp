#include "app/model/comparisonmodel.h"
#include "app/model/formatting.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QThreadPool>

using namespace triptych;
using client::CallKind;

namespace {

client::TraceSpan serverSpan(const QString &name, bool sql) {
    client::TraceSpan span;
    span.name = name;
    span.fromServer = true;
    if (sql)
        span.attributes.append({QStringLiteral("db.statement"), QStringLiteral("SELECT 1")});
    return span;
}

// A call as the client engine records it: `startMs` after the epoch, `totalUs` long, with the given spans.
client::CallRecord record(CallKind kind, qint64 startMs, qint64 totalUs, const QByteArray &body, int spans, int sql,
                          bool gzipped = false) {
    client::CallRecord call;
    call.kind = kind;
    call.startedAtUnixNs = startMs * 1'000'000;
    call.timings.connectUs = 10;
    call.timings.sentUs = 5;
    call.timings.firstByteUs = totalUs - 20;
    call.timings.downloadUs = 5;
    call.timings.totalUs = totalUs;
    call.sizes.requestHeaderBytes = 100;
    call.sizes.requestBodyBytes = kind == CallKind::Rest ? 0 : 40;
    call.sizes.responseHeaderBytes = 200;
    call.sizes.responseBodyDecodedBytes = body.size();
    call.sizes.responseBodyWireBytes = gzipped ? 77 : body.size();
    call.body = body;
    if (gzipped)
        call.responseHeaders.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    call.spans.append(client::TraceSpan{{}, {}, QStringLiteral("client total"), 0, totalUs, false, {}});
    for (int i = 0; i < spans; ++i)
        call.spans.append(serverSpan(QStringLiteral("span %1").arg(i), i < sql));
    return call;
}

QByteArray ordersJson(int count) {
    QByteArray json = "[";
    for (int i = 1; i <= count; ++i)
        json += "{\"id\":" + QByteArray::number(i) + ",\"product\":\"Wireless Mouse\",\"quantity\":2},";
    json.chop(1);
    return json + "]";
}

} // namespace

Q_DECLARE_METATYPE(QList<client::CallRecord>)

class TestComparisonModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void figuresMatchTheRecords_data() {
        QTest::addColumn<QList<client::CallRecord>>("records");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("calls");
        QTest::addColumn<qint64>("wallUs");
        QTest::addColumn<qint64>("waitUs");
        QTest::addColumn<qint64>("requestBytes");
        QTest::addColumn<qint64>("bodyBytes");
        QTest::addColumn<qint64>("gzipBytes"); // -1: none shown
        QTest::addColumn<int>("spans");
        QTest::addColumn<int>("sql");

        const QByteArray orders = ordersJson(200);
        QTest::newRow("REST, identity: gzip measured")
            << QList{record(CallKind::Rest, 1000, 3100, orders, 4, 1)} << int(CallKind::Rest) << 1 << qint64(3100)
            << qint64(3080) << qint64(100) << qint64(orders.size()) << model::ComparisonModel::gzipSize(orders) << 4
            << 1;
        QTest::newRow("REST, gzipped on the wire")
            << QList{record(CallKind::Rest, 1000, 2000, orders, 3, 1, true)} << int(CallKind::Rest) << 1 << qint64(2000)
            << qint64(1980) << qint64(100) << qint64(orders.size()) << qint64(77) << 3 << 1;
        // N+1 over the network: three calls one after the other, 1 ms apart; the wall time spans all of them.
        QTest::newRow("REST, three calls")
            << QList{record(CallKind::Rest, 1000, 500, "[]", 4, 1), record(CallKind::Rest, 1001, 500, "[]", 4, 1),
                     record(CallKind::Rest, 1002, 500, "[]", 4, 1)}
            << int(CallKind::Rest) << 3 << qint64(2500) << qint64(3 * 480) << qint64(300) << qint64(6)
            << 3 * model::ComparisonModel::gzipSize("[]") << 12 << 3;
        QTest::newRow("GraphQL, DataLoader off: one request, many SQL")
            << QList{record(CallKind::GraphQL, 5, 9000, "{}", 60, 51)} << int(CallKind::GraphQL) << 1 << qint64(9000)
            << qint64(8980) << qint64(140) << qint64(2) << model::ComparisonModel::gzipSize("{}") << 60 << 51;
        QTest::newRow("gRPC: no gzip figure")
            << QList{record(CallKind::Grpc, 5, 1200, "{}", 4, 1)} << int(CallKind::Grpc) << 1 << qint64(1200)
            << qint64(1180) << qint64(140) << qint64(2) << qint64(-1) << 4 << 1;
    }
    void figuresMatchTheRecords() {
        QFETCH(QList<client::CallRecord>, records);
        QFETCH(int, kind);
        QFETCH(int, calls);
        QFETCH(qint64, wallUs);
        QFETCH(qint64, waitUs);
        QFETCH(qint64, requestBytes);
        QFETCH(qint64, bodyBytes);
        QFETCH(qint64, gzipBytes);
        QFETCH(int, spans);
        QFETCH(int, sql);

        model::ComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const auto &call : records)
            model.addRecord(call);
        const auto &figures = model.figures(CallKind(kind));
        QCOMPARE(figures.calls, calls);
        QCOMPARE(figures.wallUs, wallUs);
        QCOMPARE(figures.phases.firstByteUs.value_or(-1), waitUs);
        QCOMPARE(figures.requestBytes, requestBytes);
        QCOMPARE(figures.responseBodyBytes, bodyBytes);
        QCOMPARE(figures.responseBodyGzipBytes.value_or(-1), gzipBytes);
        QCOMPARE(figures.serverSpans, spans);
        QCOMPARE(figures.sqlStatements, sql);
        qint64 ownUs = 0;
        for (const auto &call : records)
            ownUs += call.timings.totalUs;
        QCOMPARE(figures.phases.totalUs, ownUs);
        QCOMPARE(model.scaleUs(), ownUs);
        QCOMPARE(model
                     .index(kind == int(CallKind::Rest)      ? 0
                            : kind == int(CallKind::GraphQL) ? 1
                                                             : 2,
                            model::ComparisonModel::Time)
                     .data()
                     .toString(),
                 model::formatDuration(ownUs));

        // The table shows the same numbers.
        const int row = kind == int(CallKind::Rest) ? 0 : kind == int(CallKind::GraphQL) ? 1 : 2;
        QCOMPARE(model.index(row, model::ComparisonModel::Spans).data().toInt(), spans);
        QCOMPARE(model.index(row, model::ComparisonModel::Sql).data().toInt(), sql);
        QCOMPARE(model.index(row, model::ComparisonModel::Gzip).data().isValid(), gzipBytes >= 0);
        // Other styles stay empty.
        for (int other = 0; other < 3; ++other) {
            if (other != row)
                QVERIFY(!model.index(other, model::ComparisonModel::Spans).data().isValid());
        }
    }

    void gzipSizeIsARealGzip() {
        const QByteArray body = ordersJson(1000);
        const qint64 size = model::ComparisonModel::gzipSize(body);
        QVERIFY(size > 18);              // gzip header + trailer at least
        QVERIFY(size < body.size() / 5); // repetitive JSON compresses well
        QCOMPARE(model::ComparisonModel::gzipSize(body), size);
    }

    void bigBodiesAreGzippedOffTheGuiThread() {
        const QByteArray body = ordersJson(20'000); // over 1 MB
        QVERIFY(body.size() > model::comparisonlimits::kInlineGzipBytes);
        model::ComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addRecord(record(CallKind::Rest, 1, 1000, body, 1, 1));
        QCOMPARE(model.figures(CallKind::Rest).gzipPending, 1);
        QCOMPARE(model.index(0, model::ComparisonModel::Gzip).data().toString(), QStringLiteral("…"));
        QTRY_COMPARE(model.figures(CallKind::Rest).gzipPending, 0);
        QCOMPARE(model.figures(CallKind::Rest).responseBodyGzipBytes.value_or(-1),
                 model::ComparisonModel::gzipSize(body));

        // A measurement that finishes after the next question started is dropped.
        model.addRecord(record(CallKind::Rest, 1, 1000, body, 1, 1));
        model.reset();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QCoreApplication::processEvents();
        QVERIFY(!model.figures(CallKind::Rest).responseBodyGzipBytes.has_value());
        QCOMPARE(model.figures(CallKind::Rest).gzipPending, 0);
    }

    void streamMessagesCountWhileOpen() {
        model::ComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStreaming(CallKind::Grpc, true);
        for (int i = 0; i < 3; ++i)
            model.addStreamMessage(CallKind::Grpc, client::StreamMessage{false, 100 + i, 40, {}, "{}"});
        model.addStreamMessage(CallKind::Grpc, client::StreamMessage{true, 5, 10, {}, "{}"}); // sent: not counted
        // A subscription's protocol messages are not events.
        model.addStreamMessage(CallKind::GraphQL,
                               client::StreamMessage{false, 5, 27, QStringLiteral("connection_ack"), "{}"});
        model.addStreamMessage(CallKind::GraphQL, client::StreamMessage{false, 6, 17, QStringLiteral("pong"), "{}"});
        model.addStreamMessage(CallKind::GraphQL, client::StreamMessage{false, 9, 90, QStringLiteral("next"), "{}"});
        QCOMPARE(model.figures(CallKind::GraphQL).liveMessages, 1);
        QCOMPARE(model.figures(CallKind::GraphQL).firstMessageUs, qint64(9));
        const auto &figures = model.figures(CallKind::Grpc);
        QCOMPARE(figures.liveMessages, 3);
        QCOMPARE(figures.liveBytes, qint64(120));
        QCOMPARE(figures.firstMessageUs, qint64(100));
        QVERIFY(
            model.index(2, model::ComparisonModel::Requests).data().toString().contains(QStringLiteral("3 messages")));
        QVERIFY(model.index(2, model::ComparisonModel::Time).data().toString().startsWith(QStringLiteral("open")));
        model.reset();
        QCOMPARE(model.figures(CallKind::Grpc).liveMessages, 0);
    }

    // A stream cancelled with Esc ends its row with what it had, and says it was cancelled instead of "open".
    void cancelledStreamEndsItsRow() {
        model::ComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStreaming(CallKind::Rest, true);
        model.addStreamMessage(CallKind::Rest, client::StreamMessage{false, 100, 40, QStringLiteral("order"), "{}"});
        auto cancelled = record(CallKind::Rest, 1000, 6'800'000, {}, 1, 1);
        cancelled.error = {client::ErrorKind::Cancelled, QStringLiteral("Cancelled"), {}};
        cancelled.messages = {client::StreamMessage{false, 100, 40, QStringLiteral("order"), "{}"},
                              client::StreamMessage{false, 200, 40, QStringLiteral("order"), "{}"}};
        model.addRecord(cancelled);
        const auto &figures = model.figures(CallKind::Rest);
        QVERIFY(figures.cancelled);
        QCOMPARE(figures.failedCalls, 0);
        QCOMPARE(figures.streamMessages, 2);
        QCOMPARE(model.index(0, model::ComparisonModel::Time).data().toString(),
                 model::formatDuration(6'800'000) + QStringLiteral(" · cancelled"));
        QVERIFY(
            model.index(0, model::ComparisonModel::Requests).data().toString().contains(QStringLiteral("2 messages")));
    }

    // A tiny body gzips larger than it is; the column says so instead of looking wrong.
    void gzipLargerThanTheBodyIsSaid() {
        model::ComparisonModel model;
        const QByteArray tiny = "{\"name\":\"Ada\",\"avatarUrl\":\"https://example.com/a.png\"}";
        model.addRecord(record(CallKind::Rest, 1000, 500, tiny, 1, 1));
        const auto &figures = model.figures(CallKind::Rest);
        QVERIFY(*figures.responseBodyGzipBytes > figures.responseBodyBytes);
        QVERIFY(model::ComparisonModel::gzipIsLarger(figures));
        QVERIFY(model.index(0, model::ComparisonModel::Gzip).data().toString().endsWith(QStringLiteral("(larger)")));
        QVERIFY(model.index(0, model::ComparisonModel::Gzip)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("larger")));
        model.addRecord(record(CallKind::GraphQL, 1000, 500, ordersJson(100), 1, 1));
        QVERIFY(!model::ComparisonModel::gzipIsLarger(model.figures(CallKind::GraphQL)));
        QVERIFY(!model.index(1, model::ComparisonModel::Gzip).data().toString().contains(QStringLiteral("larger")));
    }

    // The notice reads the measured figures; a style without a call yet shows "…".
    void noticeReadsTheFigures() {
        model::ComparisonModel model;
        const QString notice = QStringLiteral("REST {rest.calls} requests in {rest.time}, GraphQL {graphql.sql} SQL, "
                                              "gRPC {grpc.received}, {unknown.time} stays");
        QCOMPARE(model.fillNotice(notice),
                 QStringLiteral("REST … requests in …, GraphQL … SQL, gRPC …, {unknown.time} stays"));
        model.addRecord(record(CallKind::Rest, 1000, 3000, ordersJson(2), 1, 1));
        model.addRecord(record(CallKind::Rest, 1001, 2000, ordersJson(2), 1, 1));
        model.addRecord(record(CallKind::GraphQL, 1000, 4000, ordersJson(2), 3, 2));
        model.addRecord(record(CallKind::Grpc, 1000, 1000, "12345", 1, 1));
        QCOMPARE(model.fillNotice(notice), QStringLiteral("REST 2 requests in %1, GraphQL 2 SQL, gRPC 5 B, "
                                                          "{unknown.time} stays")
                                               .arg(model::formatDuration(5000)));
        // Connection setup is said when a style paid for it (every record here has connect 10 µs).
        QVERIFY(model.setupNotice().contains(QStringLiteral("gRPC")));
    }
};

QTEST_GUILESS_MAIN(TestComparisonModel)
#include "test_comparisonmodel.moc"
