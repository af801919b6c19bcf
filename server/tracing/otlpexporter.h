#pragma once

#include "server/tracing/span.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace triptych::tracing {

// --otlp-endpoint: sends finished spans to a collector (Jaeger, Tempo, the OpenTelemetry Collector) as OTLP/HTTP
// JSON, batched on a thread of its own. enqueue never blocks a request: a full queue or a dead collector only
// costs counted drops.
class OtlpExporter {
public:
    struct Options {
        std::string endpoint; // e.g. http://127.0.0.1:4318/v1/traces
        std::size_t maxQueuedSpans = 20000;
        std::size_t maxBatchSpans = 512;
        std::chrono::milliseconds flushInterval{500};
        std::chrono::milliseconds requestTimeout{2000};
        // Told, on the exporter's thread, when the collector stops answering, when it answers again, and how many
        // spans were sent and dropped when the exporter stops: drops are counted, and somebody should see them.
        std::function<void(const std::string &)> report;
    };

    explicit OtlpExporter(Options options);
    ~OtlpExporter();
    OtlpExporter(const OtlpExporter &) = delete;
    OtlpExporter &operator=(const OtlpExporter &) = delete;

    void enqueue(SpanRecord span);
    std::size_t exportedSpans() const { return m_exported.load(); }
    std::size_t droppedSpans() const { return m_dropped.load(); }

private:
    void run();
    // Empty when the collector took the batch, else what went wrong.
    std::string post(const std::string &body);
    void noteOutcome(const std::string &problem);

    Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<SpanRecord> m_queue;
    bool m_stopping = false;
    std::atomic<std::size_t> m_exported{0};
    std::atomic<std::size_t> m_dropped{0};
    bool m_collectorAnswering = true; // the exporter thread's own
    std::thread m_thread;
};

} // namespace triptych::tracing
