#include "app/client/tracemerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace triptych::client {

namespace {

QString randomHex(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    auto *generator = QRandomGenerator::global();
    for (auto &byte : raw)
        byte = char(generator->bounded(256));
    if (raw.count('\0') == bytes)
        raw[0] = 1; // an all-zero id is invalid in W3C Trace Context
    return QString::fromLatin1(raw.toHex());
}

QString attributeValue(const QJsonObject &value) {
    for (auto it = value.begin(); it != value.end(); ++it)
        return it.value().isString() ? it.value().toString() : it.value().toVariant().toString();
    return {};
}

TraceSpan spanFromOtlp(const QJsonObject &object, qint64 callStartUnixNs) {
    TraceSpan span;
    span.fromServer = true;
    span.spanId = object.value(QStringLiteral("spanId")).toString();
    span.parentSpanId = object.value(QStringLiteral("parentSpanId")).toString();
    span.name = object.value(QStringLiteral("name")).toString();
    const qint64 start = object.value(QStringLiteral("startTimeUnixNano")).toVariant().toLongLong();
    const qint64 end = object.value(QStringLiteral("endTimeUnixNano")).toVariant().toLongLong();
    span.startUs = (start - callStartUnixNs) / 1000;
    span.durationUs = std::max<qint64>(0, (end - start) / 1000);
    for (const auto &attribute : object.value(QStringLiteral("attributes")).toArray()) {
        const auto pair = attribute.toObject();
        span.attributes.append({pair.value(QStringLiteral("key")).toString(),
                                attributeValue(pair.value(QStringLiteral("value")).toObject())});
    }
    return span;
}

qint64 waitStart(const ClientTimings &timings) {
    return timings.dnsUs.value_or(0) + timings.connectUs.value_or(0) + timings.tlsUs.value_or(0) +
           timings.sentUs.value_or(0);
}

} // namespace

QByteArray TraceContext::traceparent() const {
    return "00-" + traceId.toLatin1() + '-' + spanId.toLatin1() + "-01";
}

TraceContext newTraceContext() {
    return {randomHex(16), randomHex(8)};
}

QList<TraceSpan> clientPhaseSpans(const ClientTimings &timings) {
    QList<TraceSpan> spans;
    qint64 at = 0;
    const auto add = [&](const char *name, const std::optional<qint64> &duration) {
        if (!duration)
            return;
        spans.append({{}, {}, QString::fromLatin1(name), at, *duration, false, {}});
        at += *duration;
    };
    add("dns", timings.dnsUs);
    add("connect", timings.connectUs);
    add("tls", timings.tlsUs);
    add("send", timings.sentUs);
    add("wait", timings.firstByteUs);
    add("download", timings.downloadUs);
    spans.prepend({{}, {}, QStringLiteral("client total"), 0, timings.totalUs, false, {}});
    return spans;
}

QList<TraceSpan> spansFromOtlp(const QByteArray &json, qint64 callStartUnixNs) {
    QList<TraceSpan> spans;
    const auto root = QJsonDocument::fromJson(json).object();
    for (const auto &resource : root.value(QStringLiteral("resourceSpans")).toArray()) {
        for (const auto &scope : resource.toObject().value(QStringLiteral("scopeSpans")).toArray()) {
            for (const auto &span : scope.toObject().value(QStringLiteral("spans")).toArray())
                spans.append(spanFromOtlp(span.toObject(), callStartUnixNs));
        }
    }
    std::sort(spans.begin(), spans.end(), [](const auto &a, const auto &b) { return a.startUs < b.startUs; });
    return spans;
}

QList<TraceSpan> spansFromServerTiming(const QByteArray &header, qint64 waitStartUs) {
    QList<TraceSpan> spans;
    for (const auto &metric : header.split(',')) {
        const auto parts = metric.trimmed().split(';');
        if (parts.isEmpty() || parts.first().isEmpty())
            continue;
        TraceSpan span;
        span.fromServer = true;
        span.name = QString::fromUtf8(parts.first().trimmed());
        span.startUs = waitStartUs;
        for (const auto &parameter : parts.mid(1)) {
            const auto trimmed = parameter.trimmed();
            if (trimmed.startsWith("dur="))
                span.durationUs = qint64(trimmed.mid(4).toDouble() * 1000.0);
            else if (trimmed.startsWith("desc="))
                span.attributes.append({QStringLiteral("desc"), QString::fromUtf8(trimmed.mid(5)).remove(u'"')});
        }
        spans.append(span);
    }
    return spans;
}

void mergeTrace(CallRecord &record, QList<TraceSpan> serverSpans, TraceSource source) {
    record.spans = clientPhaseSpans(record.timings);
    if (!serverSpans.isEmpty() && source == TraceSource::DebugTraces) {
        // Spans that fit inside the call are on the same clock and stay where the server put them: on loopback the
        // server often starts before the client counts its request as sent. Spans outside the call come from a
        // machine whose clock is off: move the earliest to the start of the client's wait.
        const qint64 earliest = serverSpans.first().startUs;
        qint64 latestEnd = earliest;
        for (const auto &span : serverSpans)
            latestEnd = std::max(latestEnd, span.startUs + span.durationUs);
        if (earliest < 0 || latestEnd > record.timings.totalUs) {
            const qint64 shift = waitStart(record.timings) - earliest;
            for (auto &span : serverSpans)
                span.startUs += shift;
        }
    }
    record.spans += serverSpans;
    record.traceSource = serverSpans.isEmpty() ? TraceSource::None : source;
}

} // namespace triptych::client
