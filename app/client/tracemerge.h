#pragma once

#include "app/client/callrecord.h"

#include <QByteArray>
#include <QString>

namespace triptych::client {

// A fresh W3C trace context for one call: 32 hex trace id, 16 hex parent id.
struct TraceContext {
    QString traceId;
    QString spanId;
    QByteArray traceparent() const;
};
TraceContext newTraceContext();

// The client's own phases (dns, connect, tls, send, wait, download) as spans from the call's start.
QList<TraceSpan> clientPhaseSpans(const ClientTimings &timings);

// Server spans from `/debug/traces/{id}` (OTLP/JSON: resourceSpans → scopeSpans → spans), placed on the client's
// time axis; empty when the document holds none.
QList<TraceSpan> spansFromOtlp(const QByteArray &json, qint64 callStartUnixNs);
// Server spans from a `Server-Timing` header when the server keeps no trace: each metric a span in the wait phase.
QList<TraceSpan> spansFromServerTiming(const QByteArray &header, qint64 waitStartUs);

// Replaces the record's spans with its client phases plus the given server spans, keeping the server's root inside
// the client's wait window when the clocks disagree.
void mergeTrace(CallRecord &record, QList<TraceSpan> serverSpans, TraceSource source);

} // namespace triptych::client
