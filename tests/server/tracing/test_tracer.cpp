// Parenting of spans on a thread, SQL children, and the Server-Timing phases they add up to.
#include "server/tracing/otlpjson.h"
#include "server/tracing/servertiming.h"
#include "server/tracing/tracer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace triptych::tracing;

class TestTracer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void childrenAttachToTheCurrentSpan() {
        Tracer tracer;
        const auto remote = parseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        PhaseTimings timings;
        TraceId traceId;
        {
            auto server = Span::startServer(tracer, "GET /v1/users/{id}", &*remote);
            CurrentSpanScope scope(server, &timings);
            traceId = server.context().traceId;
            {
                ScopedSpan service("OrderService.user");
                recordCompletedChild("SQL SELECT", std::chrono::steady_clock::now(), std::chrono::microseconds(250),
                                     {{"db.statement", std::string("SELECT 1")}}, true);
            }
            ScopedSpan serialize("serialize json");
        }
        QCOMPARE(toHex(traceId), std::string("4bf92f3577b34da6a3ce929d0e0e4736"));
        const auto spans = tracer.store().trace(traceId);
        QCOMPARE(spans.size(), size_t(4));
        std::map<std::string, SpanRecord> byName;
        for (const auto &span : spans)
            byName[span.name] = span;
        const auto &server = byName.at("GET /v1/users/{id}");
        QCOMPARE(toHex(server.parentSpanId), std::string("00f067aa0ba902b7"));
        QVERIFY(byName.at("OrderService.user").parentSpanId == server.spanId);
        QVERIFY(byName.at("SQL SELECT").parentSpanId == byName.at("OrderService.user").spanId);
        QVERIFY(byName.at("serialize json").parentSpanId == server.spanId);
        QCOMPARE(timings.sqlStatements, 1);
        QCOMPARE(timings.phases.size(), size_t(2)); // the direct children only
        QVERIFY(server.startUnixNanos <= byName.at("OrderService.user").startUnixNanos);
        QVERIFY(server.endUnixNanos >= byName.at("serialize json").endUnixNanos);
    }

    void longAttributesAreCut() {
        // A 1 MiB query text is kept as its first 8 KiB and "…", cut between characters (é is two bytes).
        Tracer tracer;
        TraceId traceId;
        std::string text = "a";
        while (text.size() < 1024 * 1024)
            text += "\u00e9";
        {
            auto span = Span::startServer(tracer, "POST /graphql", nullptr);
            traceId = span.context().traceId;
            span.set("graphql.document", text);
            span.set("short", std::string("kept"));
        }
        const auto spans = tracer.store().trace(traceId);
        QCOMPARE(spans.size(), size_t(1));
        const auto *document = std::get_if<std::string>(spans.front().attribute("graphql.document"));
        QVERIFY(document);
        QVERIFY(document->size() <= kMaxAttributeValueBytes + 3);
        QVERIFY(document->ends_with("\u00e9\u2026"));
        QCOMPARE(*std::get_if<std::string>(spans.front().attribute("short")), std::string("kept"));
    }

    void noCurrentSpanMeansNoSpans() {
        ScopedSpan orphan("nothing");
        QVERIFY(!orphan.span().active());
        QVERIFY(currentContext() == nullptr);
        Tracer off(false);
        auto span = Span::startServer(off, "GET /", nullptr);
        QVERIFY(!span.active());
    }

    void serverTimingListsThePhases() {
        PhaseTimings timings;
        timings.sqlMillis = 0.4;
        timings.sqlStatements = 2;
        timings.phases.push_back({"graphql parse", 0.05});
        QCOMPARE(QString::fromStdString(serverTimingHeader(1.2, timings)),
                 QStringLiteral("total;dur=1.200, db;dur=0.400;desc=\"2 SQL\", graphql-parse;dur=0.050"));
    }

    void otlpJsonHasTheStandardShape() {
        SpanRecord span;
        span.traceId = newTraceId();
        span.spanId = newSpanId();
        span.name = "SQL SELECT";
        span.kind = SpanKind::Client;
        span.startUnixNanos = 1700000000000000000;
        span.endUnixNanos = 1700000000000250000;
        span.attributes = {{"db.statement", std::string("SELECT 1")}, {"db.response.returned_rows", std::int64_t(3)}};
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(toOtlpJson({span}))).object();
        const auto spans = json["resourceSpans"][0]["scopeSpans"][0]["spans"].toArray();
        QCOMPARE(spans.size(), 1);
        const auto first = spans[0].toObject();
        QCOMPARE(first["traceId"].toString(), QString::fromStdString(toHex(span.traceId)));
        QCOMPARE(first["kind"].toInt(), 3);
        QCOMPARE(first["startTimeUnixNano"].toString(), QStringLiteral("1700000000000000000"));
        QVERIFY(!first.contains("parentSpanId"));
        QCOMPARE(first["attributes"][1]["value"]["intValue"].toString(), QStringLiteral("3"));
        QCOMPARE(json["resourceSpans"][0]["resource"]["attributes"][0]["value"]["stringValue"].toString(),
                 QStringLiteral("triptych-server"));
    }
};

QTEST_GUILESS_MAIN(TestTracer)
#include "test_tracer.moc"
