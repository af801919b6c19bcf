#include "server/tracing/tracer.h"

namespace triptych::tracing {
namespace {

struct Current {
    Tracer *tracer = nullptr;
    TraceContext context;
    PhaseTimings *timings = nullptr; // of the request this thread works for
    bool isTransport = false;        // the current span is the request's root
    ClockAnchor anchor;
};

thread_local Current t_current;

std::int64_t unixNanosNow() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

ClockAnchor ClockAnchor::now() {
    return {unixNanosNow(), std::chrono::steady_clock::now()};
}

struct CurrentSpanScope::Saved {
    Current previous;
};

void Tracer::record(SpanRecord span) {
    if (m_exporter)
        m_exporter(span);
    m_store.add(std::move(span));
}

Span::Span(Span &&other) noexcept
    : m_tracer(std::exchange(other.m_tracer, nullptr))
    , m_context(std::move(other.m_context))
    , m_record(std::move(other.m_record))
    , m_started(other.m_started)
    , m_anchor(other.m_anchor)
    , m_reportTo(other.m_reportTo) {}

Span &Span::operator=(Span &&other) noexcept {
    if (this != &other) {
        end();
        m_tracer = std::exchange(other.m_tracer, nullptr);
        m_context = std::move(other.m_context);
        m_record = std::move(other.m_record);
        m_started = other.m_started;
        m_anchor = other.m_anchor;
        m_reportTo = other.m_reportTo;
    }
    return *this;
}

Span Span::startServer(Tracer &tracer, std::string name, const TraceContext *remoteParent) {
    Span span;
    if (!tracer.enabled())
        return span;
    span.m_tracer = &tracer;
    span.m_context.traceId = remoteParent ? remoteParent->traceId : newTraceId();
    span.m_context.spanId = newSpanId();
    span.m_context.flags = remoteParent ? remoteParent->flags : std::uint8_t(0x01);
    span.m_context.traceState = remoteParent ? remoteParent->traceState : std::string();
    span.m_record.traceId = span.m_context.traceId;
    span.m_record.spanId = span.m_context.spanId;
    if (remoteParent)
        span.m_record.parentSpanId = remoteParent->spanId;
    span.m_record.name = std::move(name);
    span.m_record.kind = SpanKind::Server;
    span.m_anchor = ClockAnchor::now();
    span.m_started = span.m_anchor.steady;
    span.m_record.startUnixNanos = span.m_anchor.unixNanos;
    return span;
}

Span Span::startChild(std::string_view name, SpanKind kind) {
    Span span;
    if (!t_current.tracer)
        return span;
    span.m_tracer = t_current.tracer;
    span.m_context = t_current.context;
    span.m_context.spanId = newSpanId();
    span.m_record.traceId = span.m_context.traceId;
    span.m_record.spanId = span.m_context.spanId;
    span.m_record.parentSpanId = t_current.context.spanId;
    span.m_record.name = std::string(name);
    span.m_record.kind = kind;
    span.m_anchor = t_current.anchor;
    span.m_started = std::chrono::steady_clock::now();
    span.m_record.startUnixNanos = span.m_anchor.toUnixNanos(span.m_started);
    if (t_current.isTransport)
        span.m_reportTo = t_current.timings;
    return span;
}

void Span::set(std::string key, AttributeValue value) {
    if (active())
        m_record.attributes.emplace_back(std::move(key), std::move(value));
}

void Span::fail(std::string message) {
    if (!active())
        return;
    m_record.error = true;
    m_record.statusMessage = std::move(message);
}

std::int64_t Span::elapsedNanos() const {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - m_started).count();
}

void Span::end() {
    if (!m_tracer)
        return;
    const auto duration = elapsedNanos();
    m_record.endUnixNanos = m_record.startUnixNanos + duration;
    if (m_reportTo)
        m_reportTo->phases.push_back({m_record.name, double(duration) / 1e6});
    Tracer *tracer = std::exchange(m_tracer, nullptr);
    tracer->record(std::move(m_record));
}

CurrentSpanScope::CurrentSpanScope(const Span &span, PhaseTimings *timings) {
    if (!span.active())
        return;
    m_saved = std::make_unique<Saved>(Saved{t_current});
    t_current.tracer = span.tracer();
    t_current.context = span.context();
    t_current.anchor = span.anchor();
    t_current.isTransport = timings != nullptr;
    if (timings)
        t_current.timings = timings;
}

CurrentSpanScope::~CurrentSpanScope() {
    if (m_saved)
        t_current = m_saved->previous;
}

void recordCompletedChild(std::string name, std::chrono::steady_clock::time_point started,
                          std::chrono::nanoseconds duration, std::vector<Attribute> attributes, bool isSql) {
    if (!t_current.tracer)
        return;
    if (isSql && t_current.timings) {
        t_current.timings->sqlMillis += double(duration.count()) / 1e6;
        ++t_current.timings->sqlStatements;
    }
    SpanRecord record;
    record.traceId = t_current.context.traceId;
    record.spanId = newSpanId();
    record.parentSpanId = t_current.context.spanId;
    record.name = std::move(name);
    record.kind = isSql ? SpanKind::Client : SpanKind::Internal;
    record.startUnixNanos = t_current.anchor.toUnixNanos(started);
    record.endUnixNanos = record.startUnixNanos + duration.count();
    record.attributes = std::move(attributes);
    t_current.tracer->record(std::move(record));
}

const TraceContext *currentContext() {
    return t_current.tracer ? &t_current.context : nullptr;
}

} // namespace triptych::tracing
