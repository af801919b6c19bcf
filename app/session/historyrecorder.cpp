#include "app/session/historyrecorder.h"

#include "app/workspace/historystore.h"

#include <algorithm>

namespace triptych::session {

namespace {

// A restored call's body is cut here: the list may hold hundreds of calls, and bodies up to 16 MiB are kept.
constexpr qint64 kRestoredBodyBytes = 256 * 1024;

client::HeaderList headerList(const workspace::TextPairs &pairs) {
    client::HeaderList headers;
    headers.reserve(pairs.size());
    for (const auto &[name, value] : pairs)
        headers.append({name.toUtf8(), value.toUtf8()});
    return headers;
}

std::optional<qint64> phase(qint64 us) {
    return us >= 0 ? std::optional<qint64>(us) : std::nullopt;
}

client::CallKind kindOf(const workspace::HistoryEntry &entry) {
    switch (entry.style) {
    case workspace::RequestStyle::Rest:
        return client::CallKind::Rest;
    case workspace::RequestStyle::GraphQL:
        return entry.url.startsWith(QLatin1String("ws")) ? client::CallKind::GraphQLWebSocket
                                                         : client::CallKind::GraphQL;
    case workspace::RequestStyle::Grpc:
        return client::CallKind::Grpc;
    }
    return client::CallKind::Rest;
}

// The error kind the list colours by; the stored sentence is kept as it was.
client::ErrorKind errorKindOf(const workspace::HistoryEntry &entry, client::CallKind kind) {
    if (entry.error.isEmpty())
        return client::ErrorKind::None;
    if (entry.status < 0)
        return client::ErrorKind::Network;
    if (kind == client::CallKind::Grpc)
        return client::ErrorKind::GrpcStatus;
    return entry.status >= 400 ? client::ErrorKind::HttpStatus : client::ErrorKind::OperationError;
}

} // namespace

HistoryRecorder::HistoryRecorder(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_store(new workspace::HistoryStore({databasePath, {}}, this)) {
    connect(m_store, &workspace::HistoryStore::searchFinished, this, &HistoryRecorder::onSearchFinished);
    connect(m_store, &workspace::HistoryStore::searchFailed, this, [this](quint64 request, const QString &error) {
        if (request == m_restoreSearch)
            Q_EMIT restoreFailed(error);
    });
    connect(m_store, &workspace::HistoryStore::entryFetched, this, &HistoryRecorder::onEntryFetched);
    connect(m_store, &workspace::HistoryStore::fetchFailed, this,
            [this](quint64 request, const QString &) { onFetchFailed(request); });
    connect(m_store, &workspace::HistoryStore::openFailed, this, &HistoryRecorder::restoreFailed);
}

void HistoryRecorder::record(const client::CallRecord &record) {
    m_store->append(workspace::historyEntryFromCall(record));
}

void HistoryRecorder::restore(int count) {
    workspace::HistoryQuery query;
    query.limit = count;
    m_pendingFetches.clear();
    m_restored.clear();
    m_restoreSearch = m_store->search(query);
}

void HistoryRecorder::onSearchFinished(quint64 request, const QList<workspace::HistoryDay> &days) {
    if (request != m_restoreSearch)
        return;
    m_restoreSearch = 0;
    // The list shows headers and bodies too, so each summary's whole entry is fetched.
    for (const auto &day : days) {
        for (const auto &summary : day.entries)
            m_pendingFetches.insert(m_store->fetch(summary.id));
    }
    if (m_pendingFetches.isEmpty())
        finishRestore();
}

void HistoryRecorder::onEntryFetched(quint64 request, const workspace::HistoryEntry &entry) {
    if (!m_pendingFetches.remove(request))
        return;
    m_restored.append(toCallRecord(entry));
    if (m_pendingFetches.isEmpty())
        finishRestore();
}

void HistoryRecorder::onFetchFailed(quint64 request) {
    if (m_pendingFetches.remove(request) && m_pendingFetches.isEmpty())
        finishRestore();
}

void HistoryRecorder::finishRestore() {
    std::stable_sort(m_restored.begin(), m_restored.end(),
                     [](const auto &a, const auto &b) { return a.startedAtUnixNs < b.startedAtUnixNs; });
    Q_EMIT restoreFinished(std::exchange(m_restored, {}));
}

client::CallRecord HistoryRecorder::toCallRecord(const workspace::HistoryEntry &entry) {
    client::CallRecord record;
    record.kind = kindOf(entry);
    record.startedAtUnixNs = entry.startedAtMs * 1'000'000;
    record.method = entry.method;
    record.url = entry.url;
    record.requestHeaders = headerList(entry.requestHeaders);
    record.requestBody = entry.requestBody;
    if (record.kind == client::CallKind::Grpc)
        record.grpcCode = entry.status;
    else if (entry.status > 0)
        record.httpStatus = entry.status;
    record.error.kind = errorKindOf(entry, record.kind);
    record.error.message = entry.error;
    record.timings.totalUs = entry.durationUs;
    record.timings.dnsUs = phase(entry.dnsUs);
    record.timings.connectUs = phase(entry.connectUs);
    record.timings.tlsUs = phase(entry.tlsUs);
    record.timings.firstByteUs = phase(entry.firstByteUs);
    record.sizes.requestBodyBytes = entry.requestBody.size();
    record.sizes.requestHeaderBytes = std::max<qint64>(0, entry.requestBytes - record.sizes.requestBodyBytes);
    record.sizes.responseBodyDecodedBytes = entry.responseBodyBytes;
    record.sizes.responseBodyWireBytes = entry.responseBodyBytes;
    record.sizes.responseHeaderBytes = std::max<qint64>(0, entry.responseBytes - entry.responseBodyBytes);
    record.responseHeaders = headerList(entry.responseHeaders);
    record.body = entry.responseBody.left(kRestoredBodyBytes);
    record.traceId = entry.traceId;
    if (entry.responseBodyTruncated || record.body.size() < entry.responseBody.size())
        record.warnings.append(QStringLiteral("From the history: the first %1 bytes of a %2-byte body")
                                   .arg(record.body.size())
                                   .arg(entry.responseBodyBytes));
    return record;
}

} // namespace triptych::session
