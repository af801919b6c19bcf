#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpcrequest.h"
#include "app/client/grpcschema.h"
#include "app/client/messagebatcher.h"
#include "app/client/resultrelay.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace triptych::client {

class GrpcCall;
class GrpcWebCaller;
class RestCaller;

// Makes dynamic gRPC calls (descriptors from a GrpcSchema, messages as JSON) and reports on this object's thread:
// messageReceived for every streamed message, then exactly one callFinished (status OK or not: the server answered)
// or callFailed (unreachable, deadline, cancelled, bad JSON). A cancelled call ends with callFailed
// (ErrorKind::Cancelled) carrying what it had: messages, sizes, time and the server's trace; its messages after
// cancel() are not reported. A request whose transport is gRPC-Web goes through GrpcWebCaller, reported the same way.
class GrpcCaller : public QObject {
    Q_OBJECT
public:
    explicit GrpcCaller(QObject *parent = nullptr);
    ~GrpcCaller() override;

    quint64 call(GrpcSchemaPtr schema, GrpcRequest request);
    // For client and bidi streams left open (halfCloseAfterMessages = false).
    bool send(quint64 id, const QByteArray &json, QString *error);
    void halfClose(quint64 id);
    void cancel(quint64 id);

Q_SIGNALS:
    void messageReceived(quint64 id, const triptych::client::StreamMessage &message);
    // The same messages, as the batch of one frame: after each of them was reported by messageReceived.
    void messagesReceived(quint64 id, const QList<triptych::client::StreamMessage> &messages);
    void callFinished(const triptych::client::CallRecord &record);
    void callFailed(const triptych::client::CallRecord &record);

private:
    void deliverMessages(const MessageBatcher::Batch &batch);
    void onCallDone(CallRecord record, const QString &traceBaseUrl);
    void onTraceFetched(const CallRecord &traceRecord);
    void complete(CallRecord record);

    ResultRelayPtr m_relay;
    MessageBatcherPtr m_batcher; // stream messages, one delivery per frame
    QHash<quint64, std::shared_ptr<GrpcCall>> m_calls;
    QSet<quint64> m_cancelled;                 // calls asked to stop: their record is on its way
    QHash<quint64, CallRecord> m_traceFetches; // by the fetch's id: the call waiting for its spans
    RestCaller *m_traceCaller = nullptr;
    GrpcWebCaller *m_web = nullptr; // calls whose request chose gRPC-Web
};

} // namespace triptych::client
