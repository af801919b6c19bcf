#include "app/client/graphqlcaller.h"
#include "app/client/sseparser.h"
#include "app/client/tracemerge.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace triptych::client;

// The pure pieces of the engine: trace context, Server-Timing, OTLP/JSON, the merge, SSE framing and GraphQL shapes.
class TestTraceMerge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void traceparentIsFreshAndWellFormed() {
        const auto first = newTraceContext();
        const auto second = newTraceContext();
        QVERIFY(first.traceId != second.traceId);
        const auto header = first.traceparent();
        QCOMPARE(header.size(), 55);
        QVERIFY(header.startsWith("00-" + first.traceId.toLatin1() + '-'));
        QVERIFY(header.endsWith("-01"));
    }

    void serverTimingBecomesSpans_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<qint64>("firstDurationUs");
        QTest::newRow("server's own") << QByteArray(R"(total;dur=1.21, db;dur=0.40;desc="2 SQL", parse;dur=0.05)")
                                      << QStringList{"total", "db", "parse"} << qint64(1210);
        QTest::newRow("name only") << QByteArray("miss") << QStringList{"miss"} << qint64(0);
        QTest::newRow("empty") << QByteArray() << QStringList{} << qint64(0);
    }
    void serverTimingBecomesSpans() {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, names);
        QFETCH(qint64, firstDurationUs);
        const auto spans = spansFromServerTiming(header, 100);
        QStringList got;
        for (const auto &span : spans) {
            got.append(span.name);
            QVERIFY(span.fromServer);
            QCOMPARE(span.startUs, 100);
        }
        QCOMPARE(got, names);
        if (!spans.isEmpty())
            QCOMPARE(spans.first().durationUs, firstDurationUs);
    }

    void otlpSpansLandOnTheClientAxis() {
        const QByteArray otlp = R"({"resourceSpans":[{"scopeSpans":[{"spans":[
            {"traceId":"ab","spanId":"02","parentSpanId":"01","name":"sql","startTimeUnixNano":"1000300000",
             "endTimeUnixNano":"1000400000","attributes":[{"key":"db.statement","value":{"stringValue":"SELECT 1"}}]},
            {"traceId":"ab","spanId":"01","name":"GET /v1/users/{id}","startTimeUnixNano":"1000200000",
             "endTimeUnixNano":"1000900000"}]}]}]})";
        const auto spans = spansFromOtlp(otlp, 1'000'000'000);
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans.at(0).name, QStringLiteral("GET /v1/users/{id}")); // sorted by start
        QCOMPARE(spans.at(0).startUs, 200);
        QCOMPARE(spans.at(0).durationUs, 700);
        QCOMPARE(spans.at(1).parentSpanId, QStringLiteral("01"));
        QCOMPARE(spans.at(1).attributes.first().second, QStringLiteral("SELECT 1"));

        CallRecord record;
        record.timings.connectUs = 100;
        record.timings.sentUs = 50;
        record.timings.firstByteUs = 800;
        record.timings.downloadUs = 50;
        record.timings.totalUs = 1000;
        mergeTrace(record, spans, TraceSource::DebugTraces);
        QCOMPARE(record.serverSpanCount(), 2);
        QCOMPARE(record.spans.first().name, QStringLiteral("client total"));
        QCOMPARE(record.spans.at(1).name, QStringLiteral("connect"));
    }

    void skewedServerClockIsShiftedIntoTheWait() {
        QList<TraceSpan> spans{{{}, {}, QStringLiteral("root"), -5'000'000, 300, true, {}}};
        CallRecord record;
        record.timings.connectUs = 100;
        record.timings.sentUs = 20;
        record.timings.firstByteUs = 500;
        record.timings.totalUs = 700;
        mergeTrace(record, spans, TraceSource::DebugTraces);
        QCOMPARE(record.spans.last().startUs, 120);
    }

    void spansInsideTheCallStayPut() {
        // The server started 30 µs before the client counted its request as sent: the same clock, not skew.
        QList<TraceSpan> spans{{{}, {}, QStringLiteral("root"), 90, 300, true, {}},
                               {{}, {}, QStringLiteral("SQL"), 150, 200, true, {}}};
        CallRecord record;
        record.timings.connectUs = 100;
        record.timings.sentUs = 20;
        record.timings.firstByteUs = 500;
        record.timings.totalUs = 700;
        mergeTrace(record, spans, TraceSource::DebugTraces);
        QCOMPARE(record.spans.at(record.spans.size() - 2).startUs, 90);
        QCOMPARE(record.spans.last().startUs, 150);
    }

    void sseEventsAcrossChunks() {
        SseParser parser;
        QVERIFY(parser.feed(": heartbeat\n\nevent: order\nda").isEmpty());
        auto events = parser.feed("ta: {\"id\":1}\r\n\r\ndata: a\ndata: b\n\n");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).event, QByteArray("order"));
        QCOMPARE(events.at(0).data, QByteArray(R"({"id":1})"));
        QCOMPARE(events.at(1).event, QByteArray("message"));
        QCOMPARE(events.at(1).data, QByteArray("a\nb"));
    }

    void graphqlRequestShapes() {
        GraphQLRequest request;
        request.url = QStringLiteral("http://h/graphql");
        request.query = QStringLiteral("{ user(id: 42) { name } }");
        request.variables = R"({"id": 42})";
        request.operationName = QStringLiteral("Q");
        const auto post = GraphQLCaller::toHttpRequest(request, true);
        QCOMPARE(post.method, QByteArray("POST"));
        const auto body = QJsonDocument::fromJson(post.body).object();
        QCOMPARE(body.value(QStringLiteral("query")).toString(), request.query);
        QCOMPARE(body.value(QStringLiteral("operationName")).toString(), QStringLiteral("Q"));
        QCOMPARE(body.value(QStringLiteral("variables")).toObject().value(QStringLiteral("id")).toInt(), 42);

        request.useGet = true;
        request.persistedQuery = true;
        const auto get = GraphQLCaller::toHttpRequest(request, false);
        QCOMPARE(get.method, QByteArray("GET"));
        const QUrlQuery query(QUrl(get.url).query());
        QVERIFY(!query.hasQueryItem(QStringLiteral("query"))); // APQ's first round sends the hash alone
        QVERIFY(query.queryItemValue(QStringLiteral("extensions"), QUrl::FullyDecoded)
                    .contains(QStringLiteral("sha256Hash")));
    }
};

QTEST_GUILESS_MAIN(TestTraceMerge)
#include "test_tracemerge.moc"
