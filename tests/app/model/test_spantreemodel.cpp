#include "app/client/tracemerge.h"
#include "app/model/otlpexport.h"
#include "app/model/spantreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace triptych;

namespace {

client::TraceSpan server(const char *id, const char *parent, const char *name, qint64 start, qint64 duration,
                         bool sql = false) {
    client::TraceSpan span{
        QString::fromLatin1(id), QString::fromLatin1(parent), QString::fromLatin1(name), start, duration, true, {}};
    if (sql)
        span.attributes.append({QStringLiteral("db.statement"), QStringLiteral("SELECT * FROM orders")});
    return span;
}

// A REST call: client phases, then the server's route → service → SQL and serialisation inside the wait.
client::CallRecord restCall() {
    client::CallRecord record;
    record.traceId = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
    record.startedAtUnixNs = 1'700'000'000'000'000'000;
    record.requestHeaders.append(
        qMakePair(QByteArray("traceparent"), QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
    record.timings.connectUs = 100;
    record.timings.sentUs = 20;
    record.timings.firstByteUs = 800;
    record.timings.downloadUs = 80;
    record.timings.totalUs = 1000;
    QList<client::TraceSpan> serverSpans{
        server("a1", "00f067aa0ba902b7", "GET /v1/users/{id}/orders", 150, 700),
        server("a2", "a1", "OrderService.userOrders", 200, 400),
        server("a3", "a2", "SELECT orders", 250, 300, true),
        server("a4", "a1", "serialize json", 650, 150),
    };
    client::mergeTrace(record, serverSpans, client::TraceSource::DebugTraces);
    return record;
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent) {
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

} // namespace

class TestSpanTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nestsServerSpansUnderTheClient() {
        model::SpanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecord(restCall());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex client = model.index(0, 0);
        QCOMPARE(client.data().toString(), QStringLiteral("client total"));
        // Sorted by start: the server's root starts inside the wait phase.
        QCOMPARE(childNames(model, client),
                 (QStringList{"connect", "send", "wait", "GET /v1/users/{id}/orders", "download"}));
        const QModelIndex route = model.indexOfSpan(QStringLiteral("a1"));
        QCOMPARE(route.parent(), client);
        QCOMPARE(childNames(model, route), (QStringList{"OrderService.userOrders", "serialize json"}));
        const QModelIndex sql = model.indexOfSpan(QStringLiteral("a3"));
        QCOMPARE(sql.parent(), model.indexOfSpan(QStringLiteral("a2")));
        QVERIFY(sql.data(model::SpanTreeModel::IsSqlRole).toBool());
        QCOMPARE(sql.data(model::SpanTreeModel::StartUsRole).toLongLong(), 250);
        QCOMPARE(model.axisUs(), 1000);
        const auto details = model.details(sql);
        QVERIFY(details.contains({QStringLiteral("db.statement"), QStringLiteral("SELECT * FROM orders")}));
    }

    void brokenParentsStayVisible_data() {
        QTest::addColumn<QList<client::TraceSpan>>("spans");
        QTest::addColumn<int>("underClient");
        QTest::newRow("unknown parent") << QList{server("b1", "zz", "orphan", 0, 1)} << 1;
        QTest::newRow("cycle") << QList{server("c1", "c2", "one", 0, 1), server("c2", "c1", "two", 1, 1)} << 2;
        QTest::newRow("own parent") << QList{server("d1", "d1", "self", 0, 1)} << 1;
    }
    void brokenParentsStayVisible() {
        QFETCH(QList<client::TraceSpan>, spans);
        QFETCH(int, underClient);
        client::CallRecord record;
        record.timings.totalUs = 10;
        record.spans = client::clientPhaseSpans(record.timings) + spans;
        model::SpanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecord(record);
        QCOMPARE(model.rowCount(), 1);
        int total = 0;
        std::function<void(const QModelIndex &)> count = [&](const QModelIndex &parent) {
            for (int row = 0; row < model.rowCount(parent); ++row) {
                ++total;
                count(model.index(row, 0, parent));
            }
        };
        count({});
        QCOMPARE(total, int(record.spans.size()));
        QVERIFY(model.rowCount(model.index(0, 0)) >= underClient - 1);
    }

    void otlpExportKeepsTheTree() {
        const auto record = restCall();
        const QByteArray json = model::traceToOtlpJson(record);
        const auto resources = QJsonDocument::fromJson(json).object().value(QStringLiteral("resourceSpans")).toArray();
        QCOMPARE(resources.size(), 2); // the client and the server
        // Read back as any OTLP consumer would: every server span keeps its id, parent and times.
        const auto spans = client::spansFromOtlp(json, record.startedAtUnixNs);
        QCOMPARE(spans.size(), record.spans.size());
        int serverSpans = 0;
        for (const auto &span : spans) {
            if (span.spanId == QLatin1String("a1"))
                QCOMPARE(span.parentSpanId, QStringLiteral("00f067aa0ba902b7"));
            if (span.spanId == QLatin1String("a3")) {
                QCOMPARE(span.parentSpanId, QStringLiteral("a2"));
                QCOMPARE(span.startUs, 250);
                QCOMPARE(span.durationUs, 300);
            }
            if (span.name == QLatin1String("client total"))
                QCOMPARE(span.spanId, QStringLiteral("00f067aa0ba902b7")); // the id sent in traceparent
            serverSpans += span.spanId.startsWith(QLatin1Char('a')) ? 1 : 0;
        }
        QCOMPARE(serverSpans, 4);
    }
};

QTEST_GUILESS_MAIN(TestSpanTreeModel)
#include "test_spantreemodel.moc"
