#include "app/client/graphqlwscaller.h"

#include "app/client/graphqlwssession.h"
#include "app/client/restcaller.h"
#include "app/client/tracefetch.h"
#include "app/client/tracemerge.h"

#include <QUrl>

#include <chrono>

namespace triptych::client {

GraphQLWsCaller::GraphQLWsCaller(QObject *parent)
    : QObject(parent)
    , m_worker(WebSocketWorker::shared())
    , m_relay(std::make_shared<ResultRelay>(this))
    , m_batcher(std::make_shared<MessageBatcher>(this, [this](const auto &batch) { deliverMessages(batch); }))
    , m_traceCaller(new RestCaller(this)) {
    connect(m_traceCaller, &RestCaller::callFinished, this, &GraphQLWsCaller::onTraceFetched);
    connect(m_traceCaller, &RestCaller::callFailed, this, &GraphQLWsCaller::onTraceFetched);
}

GraphQLWsCaller::~GraphQLWsCaller() {
    m_relay->detach();
    m_batcher->detach();
    for (const quint64 id : std::as_const(m_running))
        m_worker->stop(id);
}

quint64 GraphQLWsCaller::send(const GraphQLWsRequest &request) {
    CallRecord record;
    record.id = RestCaller::nextCallId();
    record.kind = CallKind::GraphQLWebSocket;
    record.startedAtUnixNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    record.method = toString(operationType(request.query, request.operationName)).toUpper();
    record.url = webSocketUrl(request.url);
    GraphQLWsRequest sent = request;
    if (request.sendTraceparent) {
        const auto context = newTraceContext();
        record.traceId = context.traceId;
        sent.headers.append({QByteArray("traceparent"), context.traceparent()});
    }
    const quint64 id = record.id;
    m_running.insert(id);

    auto relay = m_relay;
    GraphQLWsSession::Sinks sinks;
    sinks.onSubscribed = [relay, this](quint64 callId) {
        relay->post([this, callId] {
            m_batcher->flush(); // the messages before the subscription come before it
            if (m_running.contains(callId))
                Q_EMIT subscribed(callId);
        });
    };
    sinks.onMessage = [batcher = m_batcher](quint64 callId, const StreamMessage &message) {
        batcher->add(callId, message);
    };
    sinks.onDone = [relay, this](const CallRecord &done) {
        relay->post([this, done] {
            m_batcher->flush(); // the call's last messages come before its end
            onDone(done);
        });
    };
    m_worker->start(std::move(record), std::move(sent), std::move(sinks));
    return id;
}

void GraphQLWsCaller::deliverMessages(const MessageBatcher::Batch &batch) {
    for (const auto &[callId, messages] : MessageBatcher::byCall(batch)) {
        if (!m_running.contains(callId))
            continue;
        for (const auto &message : messages)
            Q_EMIT messageReceived(callId, message);
        Q_EMIT messagesReceived(callId, messages);
    }
}

void GraphQLWsCaller::cancel(quint64 id) {
    if (m_running.contains(id))
        m_worker->stop(id);
}

void GraphQLWsCaller::onDone(CallRecord record) {
    if (!m_running.contains(record.id))
        return;
    if (record.traceId.isEmpty() || record.httpStatus != 101) {
        complete(record);
        return;
    }
    // The server keeps the socket's spans under the upgrade's trace: fetch them from its HTTP side.
    const RestRequest fetch = traceFetchRequest(QUrl(record.url), record.traceId, record.requestHeaders);
    m_traceFetches.insert(m_traceCaller->send(fetch), std::move(record));
}

void GraphQLWsCaller::onTraceFetched(const CallRecord &traceRecord) {
    if (!m_traceFetches.contains(traceRecord.id))
        return;
    CallRecord record = m_traceFetches.take(traceRecord.id);
    mergeFetchedTrace(record, traceRecord);
    complete(record);
}

void GraphQLWsCaller::complete(const CallRecord &record) {
    if (!m_running.remove(record.id))
        return;
    // Over a WebSocket only a completed operation or the server's GraphQL answer counts as finished; a refused upgrade
    // (an HTTP status) is a failure to connect.
    if (record.ok() || record.error.kind == ErrorKind::OperationError)
        Q_EMIT callFinished(record);
    else
        Q_EMIT callFailed(record);
}

} // namespace triptych::client
