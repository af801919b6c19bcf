// The exporter against a collector stand-in (our own HTTP server), and against a dead collector.
#include "server/http/httpserver.h"
#include "server/tracing/otlpexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QtTest>

#include <mutex>

using namespace triptych;
using namespace triptych::tracing;

namespace {
SpanRecord someSpan(const std::string &name) {
    SpanRecord span;
    span.traceId = newTraceId();
    span.spanId = newSpanId();
    span.name = name;
    span.startUnixNanos = 1;
    span.endUnixNanos = 2;
    return span;
}
} // namespace

class TestOtlpExporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void batchesReachTheCollector() {
        std::mutex mutex;
        std::vector<std::string> bodies;
        http::Router router;
        router.add("POST", "/v1/traces", [&](http::HttpRequest &request) {
            std::lock_guard lock(mutex);
            bodies.push_back(request.body);
            return http::HttpResponse::json(200, "{}");
        });
        http::HttpServer collector(std::move(router), {});
        auto port = collector.start();
        QVERIFY(port.ok());
        {
            OtlpExporter exporter(
                {"http://127.0.0.1:" + std::to_string(*port) + "/v1/traces", 100, 2, std::chrono::milliseconds(20)});
            for (int i = 0; i < 5; ++i)
                exporter.enqueue(someSpan("span " + std::to_string(i)));
            QTRY_COMPARE(exporter.exportedSpans(), size_t(5));
            QCOMPARE(exporter.droppedSpans(), size_t(0));
        }
        std::lock_guard lock(mutex);
        int spans = 0;
        for (const auto &body : bodies) {
            const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
            spans += json["resourceSpans"][0]["scopeSpans"][0]["spans"].toArray().size();
        }
        QCOMPARE(spans, 5);
    }

    void aDeadCollectorOnlyCountsDrops() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const auto port = closed.serverPort();
        closed.close(); // nothing listens there now
        OtlpExporter exporter({"http://127.0.0.1:" + std::to_string(port) + "/v1/traces", 3, 2,
                               std::chrono::milliseconds(20), std::chrono::milliseconds(500)});
        for (int i = 0; i < 10; ++i)
            exporter.enqueue(someSpan("lost")); // never blocks, whatever the collector does
        QTRY_COMPARE(exporter.droppedSpans(), size_t(10));
        QCOMPARE(exporter.exportedSpans(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestOtlpExporter)
#include "test_otlpexporter.moc"
