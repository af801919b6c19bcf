#include "server/tracing/tracer.h"

#include <utility>

namespace triptych::tracing {
namespace {

thread_local detail::CurrentSpan t_current;

// The most any span here sets (the HTTP transport span's seven): one allocation per span that has attributes.
constexpr std::size_t kAttributesPerSpan = 8;

std::int64_t unixNanosNow() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

ClockAnchor ClockAnchor::now() {
    return {unixNanosNow(), std::chrono::steady_clock::now()};
}

SpanRecord SpanRecord::of(const FinishedSpan &span) {
    return {span.traceId,      span.spanId,
            span.parentSpanId, std::string(span.name->view()),
            span.kind,         span.startUnixNanos,
            span.endUnixNanos, {span.attributes.begin(), span.attributes.end()},
            span.error,        std::string(span.statusMessage)};
}

void Tracer::record(const FinishedSpan &span) {
    if (m_exporter)
        m_exporter(SpanRecord::of(span));
    m_store.add(span);
}

Span::Span(Span &&other) noexcept
    : m_tracer(std::exchange(other.m_tracer, nullptr))
    , m_context(std::move(other.m_context))
    , m_parentSpanId(other.m_parentSpanId)
    , m_name(std::move(other.m_name))
    , m_kind(other.m_kind)
    , m_started(other.m_started)
    , m_anchor(other.m_anchor)
    , m_startUnixNanos(other.m_startUnixNanos)
    , m_attributes(std::move(other.m_attributes))
    , m_error(other.m_error)
    , m_statusMessage(std::move(other.m_statusMessage))
    , m_reportTo(other.m_reportTo) {}

Span &Span::operator=(Span &&other) noexcept {
    if (this != &other) {
        end();
        m_tracer = std::exchange(other.m_tracer, nullptr);
        m_context = std::move(other.m_context);
        m_parentSpanId = other.m_parentSpanId;
        m_name = std::move(other.m_name);
        m_kind = other.m_kind;
        m_started = other.m_started;
        m_anchor = other.m_anchor;
        m_startUnixNanos = other.m_startUnixNanos;
        m_attributes = std::move(other.m_attributes);
        m_error = other.m_error;
        m_statusMessage = std::move(other.m_statusMessage);
        m_reportTo = other.m_reportTo;
    }
    return *this;
}

Span Span::startServer(Tracer &tracer, SpanName name, const TraceContext *remoteParent) {
    Span span;
    if (!tracer.enabled())
        return span;
    span.m_tracer = &tracer;
    span.m_context.traceId = remoteParent ? remoteParent->traceId : newTraceId();
    span.m_context.spanId = newSpanId();
    span.m_context.flags = remoteParent ? remoteParent->flags : std::uint8_t(0x01);
    span.m_context.traceState = remoteParent ? remoteParent->traceState : std::string();
    if (remoteParent)
        span.m_parentSpanId = remoteParent->spanId;
    span.m_name = std::move(name);
    span.m_kind = SpanKind::Server;
    span.m_anchor = ClockAnchor::now();
    span.m_started = span.m_anchor.steady;
    span.m_startUnixNanos = span.m_anchor.unixNanos;
    return span;
}

Span Span::startChild(SpanName name, SpanKind kind) {
    Span span;
    if (!t_current.tracer)
        return span;
    span.m_tracer = t_current.tracer;
    span.m_context = t_current.context;
    span.m_context.spanId = newSpanId();
    span.m_parentSpanId = t_current.context.spanId;
    span.m_name = std::move(name);
    span.m_kind = kind;
    span.m_anchor = t_current.anchor;
    span.m_started = std::chrono::steady_clock::now();
    span.m_startUnixNanos = span.m_anchor.toUnixNanos(span.m_started);
    if (t_current.isTransport)
        span.m_reportTo = t_current.timings;
    return span;
}

void Span::set(AttributeKey key, AttributeValue value) {
    if (!active())
        return;
    if (auto *text = std::get_if<std::string>(&value); text && text->size() > kMaxAttributeValueBytes) {
        // OpenTelemetry's attribute value length limit: a 1 MiB query text kept whole in 2,000 traces would
        // hold gigabytes. Cut on a character boundary.
        std::size_t cut = kMaxAttributeValueBytes;
        while (cut > 0 && (static_cast<unsigned char>((*text)[cut]) & 0xC0) == 0x80)
            --cut;
        text->resize(cut);
        text->append("\u2026"); // …
    }
    if (m_attributes.empty())
        m_attributes.reserve(kAttributesPerSpan);
    m_attributes.push_back({key, std::move(value)});
}

void Span::fail(std::string message) {
    if (!active())
        return;
    m_error = true;
    m_statusMessage = std::move(message);
}

std::int64_t Span::elapsedNanos() const {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - m_started).count();
}

void Span::end() {
    if (!m_tracer)
        return;
    const auto duration = elapsedNanos();
    if (m_reportTo)
        m_reportTo->phases.push_back({m_name, double(duration) / 1e6});
    Tracer *tracer = std::exchange(m_tracer, nullptr);
    tracer->record({m_context.traceId, m_context.spanId, m_parentSpanId, &m_name, m_kind, m_startUnixNanos,
                    m_startUnixNanos + duration, m_attributes, m_error, m_statusMessage});
}

CurrentSpanScope::CurrentSpanScope(const Span &span, PhaseTimings *timings) {
    if (!span.active())
        return;
    m_previous = t_current;
    m_active = true;
    t_current.tracer = span.tracer();
    t_current.context = span.context();
    t_current.anchor = span.anchor();
    t_current.isTransport = timings != nullptr;
    if (timings)
        t_current.timings = timings;
}

CurrentSpanScope::~CurrentSpanScope() {
    if (m_active)
        t_current = std::move(m_previous);
}

void recordCompletedChild(SpanName name, std::chrono::steady_clock::time_point started,
                          std::chrono::nanoseconds duration, std::initializer_list<Attribute> attributes, bool isSql) {
    if (!t_current.tracer)
        return;
    if (isSql && t_current.timings) {
        t_current.timings->sqlMillis += double(duration.count()) / 1e6;
        ++t_current.timings->sqlStatements;
    }
    const auto startUnixNanos = t_current.anchor.toUnixNanos(started);
    t_current.tracer->record({t_current.context.traceId,
                              newSpanId(),
                              t_current.context.spanId,
                              &name,
                              isSql ? SpanKind::Client : SpanKind::Internal,
                              startUnixNanos,
                              startUnixNanos + duration.count(),
                              {attributes.begin(), attributes.size()},
                              false,
                              {}});
}

const TraceContext *currentContext() {
    return t_current.tracer ? &t_current.context : nullptr;
}

} // namespace triptych::tracing
