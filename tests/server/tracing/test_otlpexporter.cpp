// The exporter against a collector stand-in (our own HTTP server), and against a dead collector.
#include "server/http/httpserver.h"
#include "server/tracing/otlpexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QtTest>

#include <atomic>
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

// What an exporter reports, gathered from its thread.
struct Reports {
    std::function<void(const std::string &)> sink() {
        return [this](const std::string &message) {
            std::lock_guard lock(mutex);
            messages.push_back(message);
        };
    }
    std::vector<std::string> all() {
        std::lock_guard lock(mutex);
        return messages;
    }
    std::mutex mutex;
    std::vector<std::string> messages;
};
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
        Reports reports;
        {
            OtlpExporter exporter({"http://127.0.0.1:" + std::to_string(*port) + "/v1/traces", 100, 2,
                                   std::chrono::milliseconds(20), std::chrono::milliseconds(2000), reports.sink()});
            for (int i = 0; i < 5; ++i)
                exporter.enqueue(someSpan("span " + std::to_string(i)));
            QTRY_COMPARE(exporter.exportedSpans(), size_t(5));
            QCOMPARE(exporter.droppedSpans(), size_t(0));
        }
        const std::string endpoint = "http://127.0.0.1:" + std::to_string(*port) + "/v1/traces";
        QCOMPARE(reports.all(), std::vector<std::string>{"OTLP export to " + endpoint + ": 5 spans sent, 0 dropped"});
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
        const std::string endpoint = "http://127.0.0.1:" + std::to_string(port) + "/v1/traces";
        Reports reports;
        {
            OtlpExporter exporter(
                {endpoint, 3, 2, std::chrono::milliseconds(20), std::chrono::milliseconds(500), reports.sink()});
            for (int i = 0; i < 10; ++i)
                exporter.enqueue(someSpan("lost")); // never blocks, whatever the collector does
            QTRY_COMPARE(exporter.droppedSpans(), size_t(10));
            QCOMPARE(exporter.exportedSpans(), size_t(0));
        }
        const auto messages = reports.all();
        QCOMPARE(messages.size(), size_t(2)); // once when it stopped answering, not once per batch
        QVERIFY2(messages[0].starts_with("cannot export spans to " + endpoint + ": "), messages[0].c_str());
        QVERIFY2(messages[0].ends_with("; spans are dropped and counted until it answers"), messages[0].c_str());
        QCOMPARE(messages[1], "OTLP export to " + endpoint + ": 0 spans sent, 10 dropped");
    }

    void aCollectorThatComesBackIsReportedOnce() {
        std::atomic<int> posts{0};
        http::Router router;
        router.add("POST", "/v1/traces", [&](http::HttpRequest &) {
            return http::HttpResponse::json(++posts == 1 ? 503 : 200, "{}"); // overloaded at first
        });
        http::HttpServer collector(std::move(router), {});
        auto port = collector.start();
        QVERIFY(port.ok());
        const std::string endpoint = "http://127.0.0.1:" + std::to_string(*port) + "/v1/traces";
        Reports reports;
        {
            OtlpExporter exporter(
                {endpoint, 100, 1, std::chrono::milliseconds(20), std::chrono::milliseconds(2000), reports.sink()});
            exporter.enqueue(someSpan("first"));
            QTRY_COMPARE(exporter.droppedSpans(), size_t(1));
            exporter.enqueue(someSpan("second"));
            QTRY_COMPARE(exporter.exportedSpans(), size_t(1));
        }
        QCOMPARE(reports.all(), (std::vector<std::string>{
                                    "cannot export spans to " + endpoint +
                                        ": the collector answered HTTP 503; spans are dropped and counted until it "
                                        "answers",
                                    "the OTLP collector at " + endpoint + " answers again",
                                    "OTLP export to " + endpoint + ": 1 span sent, 1 dropped"}));
    }
};

QTEST_GUILESS_MAIN(TestOtlpExporter)
#include "test_otlpexporter.moc"
