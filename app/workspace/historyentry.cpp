#include "app/workspace/historyentry.h"

#include "app/client/callrecord.h"

#include <QDateTime>

namespace triptych::workspace {

namespace {

RequestStyle styleOf(client::CallKind kind) {
    switch (kind) {
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        return RequestStyle::GraphQL;
    case client::CallKind::Grpc:
        return RequestStyle::Grpc;
    case client::CallKind::Rest:
        break;
    }
    return RequestStyle::Rest;
}

TextPairs textPairs(const client::HeaderList &headers) {
    TextPairs pairs;
    for (const auto &[name, value] : headers)
        pairs.append({QString::fromLatin1(name), QString::fromUtf8(value)});
    return pairs;
}

// A stream's received messages, one per line (JSON Lines), when the call has no single body.
QByteArray streamBody(const client::CallRecord &record) {
    QByteArray body;
    for (const client::StreamMessage &message : record.messages) {
        if (!message.outgoing)
            body += message.json() + '\n';
    }
    return body;
}

qint64 phase(const std::optional<qint64> &us) {
    return us.value_or(-1);
}

QString statusTextOf(const client::CallRecord &record) {
    if (!record.transportOk())
        return client::toString(record.error.kind);
    if (record.kind == client::CallKind::Grpc)
        return client::grpcCodeName(record.grpcCode);
    if (record.kind == client::CallKind::GraphQLWebSocket)
        return record.closeCode >= 0 ? QStringLiteral("closed %1").arg(record.closeCode) : QString();
    return QString::number(record.httpStatus);
}

} // namespace

HistoryEntry historyEntryFromCall(const client::CallRecord &record) {
    HistoryEntry entry;
    entry.startedAtMs = record.startedAtUnixNs / 1'000'000;
    entry.style = styleOf(record.kind);
    entry.method = record.method;
    entry.url = record.url;
    entry.requestHeaders = textPairs(record.requestHeaders);
    entry.requestBody = record.requestBody;
    if (!record.transportOk())
        entry.status = -1;
    else
        entry.status = record.kind == client::CallKind::Grpc ? record.grpcCode : record.httpStatus;
    entry.statusText = statusTextOf(record);
    entry.error = record.ok() ? QString() : record.error.text();
    entry.durationUs = record.timings.totalUs;
    entry.dnsUs = phase(record.timings.dnsUs);
    entry.connectUs = phase(record.timings.connectUs);
    entry.tlsUs = phase(record.timings.tlsUs);
    entry.firstByteUs = phase(record.timings.firstByteUs);
    entry.requestBytes = record.sizes.requestHeaderBytes + record.sizes.requestBodyBytes;
    entry.responseBytes = record.sizes.responseHeaderBytes + record.sizes.responseBodyWireBytes;
    entry.responseHeaders = textPairs(record.responseHeaders) + textPairs(record.trailers);
    entry.responseBody = record.body.isEmpty() ? streamBody(record) : record.body;
    entry.responseBodyBytes = entry.responseBody.size();
    entry.traceId = record.traceId;
    return entry;
}

QList<HistoryDay> groupByDay(const QList<HistorySummary> &newestFirst) {
    QList<HistoryDay> days;
    for (const HistorySummary &summary : newestFirst) {
        const QDate day = QDateTime::fromMSecsSinceEpoch(summary.startedAtMs).date();
        if (days.isEmpty() || days.last().day != day)
            days.append({day, {}});
        days.last().entries.append(summary);
    }
    return days;
}

} // namespace triptych::workspace
