#include "app/client/grpccaller.h"

#include "app/client/embeddedtls.h"
#include "app/client/grpccall.h"
#include "app/client/grpcwebcaller.h"
#include "app/client/restcaller.h"
#include "app/client/tracefetch.h"
#include "app/client/tracemerge.h"

#include <QDateTime>

#include <chrono>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

namespace triptych::client {

GrpcCaller::GrpcCaller(QObject *parent)
    : QObject(parent)
    , m_relay(std::make_shared<ResultRelay>(this))
    , m_batcher(std::make_shared<MessageBatcher>(this, [this](const auto &batch) { deliverMessages(batch); }))
    , m_traceCaller(new RestCaller(this))
    , m_web(new GrpcWebCaller(this)) {
    connect(m_traceCaller, &RestCaller::callFinished, this, &GrpcCaller::onTraceFetched);
    connect(m_traceCaller, &RestCaller::callFailed, this, &GrpcCaller::onTraceFetched);
    // gRPC-Web messages arrive batched per frame already (RestCaller's batcher on the transfer's thread).
    connect(m_web, &GrpcWebCaller::messagesReceived, this, [this](quint64 id, const QList<StreamMessage> &messages) {
        for (const auto &message : messages)
            Q_EMIT messageReceived(id, message);
        Q_EMIT messagesReceived(id, messages);
    });
    connect(m_web, &GrpcWebCaller::callFinished, this, &GrpcCaller::callFinished);
    connect(m_web, &GrpcWebCaller::callFailed, this, &GrpcCaller::callFailed);
}

GrpcCaller::~GrpcCaller() {
    m_relay->detach();
    m_batcher->detach();
    for (const auto &call : std::as_const(m_calls))
        call->cancel();
}

quint64 GrpcCaller::call(GrpcSchemaPtr schema, GrpcRequest request) {
    trustEmbeddedServer(request);
    CallRecord record;
    record.id = RestCaller::nextCallId();
    record.kind = CallKind::Grpc;
    record.startedAtUnixNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    record.url = request.target;
    const quint64 id = record.id;
    const auto *method = schema ? schema->findMethod(request.method) : nullptr;
    if (!method) {
        record.method = request.method;
        record.error = {ErrorKind::InvalidRequest, QStringLiteral("Unknown method %1").arg(request.method),
                        QStringLiteral("list the methods with `grpc HOST:PORT list`")};
        QMetaObject::invokeMethod(
            this, [this, record] { Q_EMIT callFailed(record); }, Qt::QueuedConnection);
        return id;
    }
    if (request.transport != GrpcTransport::Grpc)
        return m_web->call(std::move(schema), method, std::move(request));
    if (request.sendTraceparent) {
        const auto context = newTraceContext();
        record.traceId = context.traceId;
        request.metadata.append({QByteArray("traceparent"), context.traceparent()});
    }
    auto relay = m_relay;
    const QString traceBase = request.traceBaseUrl;
    auto onMessage = [batcher = m_batcher](quint64 callId, const StreamMessage &message) {
        batcher->add(callId, message);
    };
    auto onDone = [relay, this, traceBase](CallRecord done) {
        relay->post([this, traceBase, done = std::move(done)]() mutable {
            m_batcher->flush(); // the call's last messages come before its end
            onCallDone(std::move(done), traceBase);
        });
    };
    auto call =
        std::make_shared<GrpcCall>(std::move(record), std::move(request), std::move(schema), method, onMessage, onDone);
    m_calls.insert(id, call);
    call->start();
    return id;
}

void GrpcCaller::deliverMessages(const MessageBatcher::Batch &batch) {
    for (const auto &[callId, messages] : MessageBatcher::byCall(batch)) {
        if (!m_calls.contains(callId) || m_cancelled.contains(callId))
            continue;
        for (const auto &message : messages)
            Q_EMIT messageReceived(callId, message);
        Q_EMIT messagesReceived(callId, messages);
    }
}

bool GrpcCaller::send(quint64 id, const QByteArray &json, QString *error) {
    const auto call = m_calls.value(id);
    if (!call) {
        *error = QStringLiteral("The call has ended");
        return false;
    }
    return call->send(json, error);
}

void GrpcCaller::halfClose(quint64 id) {
    if (const auto call = m_calls.value(id))
        call->halfClose();
}

void GrpcCaller::cancel(quint64 id) {
    if (m_web->cancel(id))
        return;
    const auto call = m_calls.value(id);
    if (!call || m_cancelled.contains(id))
        return;
    // gRPC ends the call at once with CANCELLED and what it had: messages, sizes, time; the record follows.
    m_cancelled.insert(id);
    call->cancel();
}

void GrpcCaller::onCallDone(CallRecord record, const QString &traceBaseUrl) {
    if (!m_calls.contains(record.id))
        return;
    if (m_cancelled.contains(record.id) && record.error.kind == ErrorKind::Cancelled)
        record.error = {ErrorKind::Cancelled, QStringLiteral("Cancelled"), {}};
    // The server's time follows the channel's setup and the request's write.
    const qint64 waitStartUs = record.timings.connectUs.value_or(0) + record.timings.sentUs.value_or(0);
    mergeTrace(record, spansFromServerTiming(record.header("server-timing"), waitStartUs), TraceSource::ServerTiming);
    // A cancelled stream that the server answered has spans to show, as a finished call has.
    const bool answered =
        record.transportOk() || (record.error.kind == ErrorKind::Cancelled && record.timings.firstByteUs.has_value());
    if (traceBaseUrl.isEmpty() || record.traceId.isEmpty() || !answered) {
        complete(std::move(record));
        return;
    }
    const RestRequest fetch = traceFetchRequest(QUrl(traceBaseUrl), record.traceId, record.requestHeaders);
    m_traceFetches.insert(m_traceCaller->send(fetch), std::move(record));
}

void GrpcCaller::onTraceFetched(const CallRecord &traceRecord) {
    if (!m_traceFetches.contains(traceRecord.id))
        return;
    CallRecord record = m_traceFetches.take(traceRecord.id);
    mergeFetchedTrace(record, traceRecord);
    complete(std::move(record));
}

void GrpcCaller::complete(CallRecord record) {
    m_calls.remove(record.id);
    m_cancelled.remove(record.id);
    if (record.transportOk())
        Q_EMIT callFinished(record);
    else
        Q_EMIT callFailed(record);
}

} // namespace triptych::client
