#include "app/client/restcaller.h"

#include "app/client/curlengine.h"
#include "app/client/curltransfer.h"
#include "app/client/embeddedtls.h"
#include "app/client/tracefetch.h"
#include "app/client/tracemerge.h"

#include <QDateTime>
#include <QUrl>

#include <atomic>
#include <chrono>

namespace triptych::client {

namespace {

qint64 nowUnixNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
} // namespace

RestCaller::RestCaller(QObject *parent)
    : QObject(parent)
    , m_engine(CurlEngine::shared())
    , m_relay(std::make_shared<ResultRelay>(this))
    , m_batcher(std::make_shared<MessageBatcher>(this, [this](const auto &batch) { deliverMessages(batch); })) {}

RestCaller::~RestCaller() {
    m_relay->detach();
    m_batcher->detach();
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        m_engine->cancel(it.key());
}

quint64 RestCaller::nextCallId() {
    static std::atomic<quint64> next{1};
    return next++;
}

quint64 RestCaller::send(RestRequest request) {
    trustEmbeddedServer(request);
    CallRecord record;
    record.id = nextCallId();
    record.kind = request.kind;
    record.startedAtUnixNs = nowUnixNs();
    if (request.sendTraceparent) {
        const auto context = newTraceContext();
        record.traceId = context.traceId;
        request.headers.append({"traceparent", context.traceparent()});
    }
    const quint64 id = record.id;
    m_pending.insert(id, record);
    submit(std::move(record), std::move(request));
    return id;
}

void RestCaller::submit(CallRecord record, RestRequest request) {
    const bool fetchTrace = request.fetchServerTrace && !record.traceId.isEmpty();
    auto relay = m_relay;
    auto onMessage = [batcher = m_batcher](quint64 callId, const StreamMessage &message) {
        batcher->add(callId, message);
    };
    auto onDone = [relay, this, fetchTrace](CallRecord done) {
        relay->post([this, fetchTrace, done = std::move(done)]() mutable {
            m_batcher->flush(); // the call's last messages come before its end
            onTransferDone(std::move(done), fetchTrace);
        });
    };
    m_engine->submit(std::make_unique<CurlTransfer>(std::move(record), std::move(request), onMessage, onDone));
}

void RestCaller::deliverMessages(const MessageBatcher::Batch &batch) {
    for (const auto &[callId, messages] : MessageBatcher::byCall(batch)) {
        if (!m_pending.contains(callId) || m_cancelled.contains(callId))
            continue;
        for (const auto &message : messages)
            Q_EMIT messageReceived(callId, message);
        Q_EMIT messagesReceived(callId, messages);
    }
}

void RestCaller::cancel(quint64 id) {
    if (!m_pending.contains(id) || m_cancelled.contains(id))
        return;
    // The transfer stops on the engine's thread and reports what it measured until then; the record follows.
    m_cancelled.insert(id);
    m_engine->cancel(id);
}

void RestCaller::onTransferDone(CallRecord record, bool fetchTrace) {
    if (m_traceFetches.contains(record.id)) {
        onTraceFetched(record);
        return;
    }
    if (!m_pending.contains(record.id))
        return;
    // A cancelled stream reached the server: its spans are worth as much as a finished call's.
    const bool answered = record.transportOk() || (record.error.kind == ErrorKind::Cancelled && record.httpStatus > 0);
    if (!fetchTrace || !answered) {
        mergeTrace(record, {}, TraceSource::None);
        complete(std::move(record));
        return;
    }
    RestRequest fetch = traceFetchRequest(QUrl(record.url), record.traceId, record.requestHeaders);
    CallRecord fetchRecord;
    fetchRecord.id = nextCallId();
    m_traceFetches.insert(fetchRecord.id, std::move(record));
    submit(std::move(fetchRecord), std::move(fetch));
}

void RestCaller::onTraceFetched(const CallRecord &traceRecord) {
    CallRecord record = m_traceFetches.take(traceRecord.id);
    if (!m_pending.contains(record.id))
        return;
    if (!mergeFetchedTrace(record, traceRecord)) {
        const auto &t = record.timings;
        const qint64 waitStartUs =
            t.dnsUs.value_or(0) + t.connectUs.value_or(0) + t.tlsUs.value_or(0) + t.sentUs.value_or(0);
        mergeTrace(record, spansFromServerTiming(record.header("Server-Timing"), waitStartUs),
                   TraceSource::ServerTiming);
    }
    complete(std::move(record));
}

void RestCaller::complete(CallRecord record) {
    m_pending.remove(record.id);
    m_cancelled.remove(record.id);
    if (record.transportOk())
        Q_EMIT callFinished(record);
    else
        Q_EMIT callFailed(record);
}

} // namespace triptych::client
