#pragma once

#include "server/tracing/span.h"
#include "server/tracing/spanstore.h"

#include <chrono>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

namespace triptych::tracing {

// Where finished spans go: the in-memory store for /debug/traces and, with --otlp-endpoint, an exporter.
class Tracer {
public:
    explicit Tracer(bool enabled = true)
        : m_enabled(enabled) {}
    bool enabled() const { return m_enabled; }
    SpanStore &store() { return m_store; }
    // Set before the server starts; called on the thread that ended the span and must not block.
    void setExporter(std::function<void(const SpanRecord &)> exporter) { m_exporter = std::move(exporter); }
    void record(const FinishedSpan &span);

private:
    bool m_enabled;
    SpanStore m_store;
    std::function<void(const SpanRecord &)> m_exporter;
};

// The main phases of one request for the Server-Timing header, gathered while it runs on its thread.
struct PhaseTimings {
    struct Phase {
        SpanName name;
        double millis = 0;
    };
    std::vector<Phase> phases; // direct children of the transport span, in the order they ended
    double sqlMillis = 0;
    int sqlStatements = 0;
};

// One reading of both clocks per request: every span of the request converts its monotonic times to wall time
// through it, so children always nest inside their parents on the waterfall's time axis.
struct ClockAnchor {
    std::int64_t unixNanos = 0;
    std::chrono::steady_clock::time_point steady;

    static ClockAnchor now();
    std::int64_t toUnixNanos(std::chrono::steady_clock::time_point at) const {
        return unixNanos + std::chrono::duration_cast<std::chrono::nanoseconds>(at - steady).count();
    }
};

namespace detail {
// What a thread works for: the span current on it, for children to attach to.
struct CurrentSpan {
    Tracer *tracer = nullptr;
    TraceContext context;
    PhaseTimings *timings = nullptr; // of the request this thread works for
    bool isTransport = false;        // the current span is the request's root
    ClockAnchor anchor;
};
} // namespace detail

// A span being timed; recorded into its tracer when it ends (or is destroyed). Inactive spans cost nothing.
// A string attribute longer than this is cut (on a character boundary, with "…"), as OpenTelemetry's attribute
// value length limit does: a 1 MiB query text would otherwise be kept whole in each of 2,000 traces (bytes).
inline constexpr std::size_t kMaxAttributeValueBytes = 4 * 1024;

class Span {
public:
    Span() = default;
    Span(Span &&other) noexcept;
    Span &operator=(Span &&other) noexcept;
    Span(const Span &) = delete;
    Span &operator=(const Span &) = delete;
    ~Span() { end(); }

    // A root span of a request: child of the remote parent when one came with it, else the start of a new trace.
    static Span startServer(Tracer &tracer, SpanName name, const TraceContext *remoteParent);
    // A child of the span current on this thread; inactive when there is none (tracing off, or no request).
    static Span startChild(SpanName name, SpanKind kind = SpanKind::Internal);

    bool active() const { return m_tracer != nullptr; }
    Tracer *tracer() const { return m_tracer; }
    const ClockAnchor &anchor() const { return m_anchor; }
    const TraceContext &context() const { return m_context; }
    void set(AttributeKey key, AttributeValue value);
    void fail(std::string message);
    void end();
    std::int64_t elapsedNanos() const;

private:
    Tracer *m_tracer = nullptr;
    TraceContext m_context;
    SpanId m_parentSpanId{};
    SpanName m_name;
    SpanKind m_kind = SpanKind::Internal;
    std::chrono::steady_clock::time_point m_started;
    ClockAnchor m_anchor;
    std::int64_t m_startUnixNanos = 0;
    std::vector<Attribute> m_attributes;
    bool m_error = false;
    std::string m_statusMessage;
    PhaseTimings *m_reportTo = nullptr; // set for direct children of a transport span
};

// Makes a span current on this thread for its lifetime, so children (service calls, SQL) attach to it.
class CurrentSpanScope {
public:
    CurrentSpanScope(const Span &span, PhaseTimings *timings = nullptr);
    ~CurrentSpanScope();
    CurrentSpanScope(const CurrentSpanScope &) = delete;
    CurrentSpanScope &operator=(const CurrentSpanScope &) = delete;

private:
    detail::CurrentSpan m_previous;
    bool m_active = false;
};

// A child span that is also current for its lifetime: the usual way to time a piece of work.
class ScopedSpan {
public:
    explicit ScopedSpan(SpanName name, SpanKind kind = SpanKind::Internal)
        : m_span(Span::startChild(std::move(name), kind))
        , m_scope(m_span) {}
    Span &span() { return m_span; }
    void set(AttributeKey key, AttributeValue value) { m_span.set(key, std::move(value)); }
    void fail(std::string message) { m_span.fail(std::move(message)); }

private:
    Span m_span;
    CurrentSpanScope m_scope;
};

// The trace's serialization span (contract: Tracing), e.g. "serialize JSON": times `write`, which turns a result
// into its payload; `bytes` gives the payload's size for `payload.bytes`, asked only when the span records.
template <typename Write, typename Bytes> void recordSerialization(SpanName name, Write &&write, Bytes &&bytes) {
    ScopedSpan span(std::move(name));
    write();
    if (span.span().active())
        span.set("payload.bytes", static_cast<std::int64_t>(bytes()));
}

// Records work that already happened (an SQL statement) as a child of the current span.
void recordCompletedChild(SpanName name, std::chrono::steady_clock::time_point started,
                          std::chrono::nanoseconds duration, std::initializer_list<Attribute> attributes, bool isSql);

// The context of the span current on this thread, to propagate (gateway calls); null when there is none.
const TraceContext *currentContext();

} // namespace triptych::tracing
