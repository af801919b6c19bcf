#pragma once

#include "app/client/callrecord.h"
#include "app/client/graphqlwsprotocol.h"
#include "app/client/messagebatcher.h"
#include "app/client/restrequest.h"
#include "app/client/resultrelay.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace triptych::client {

class RestCaller;
class WebSocketWorker;

// One GraphQL operation over WebSocket: a subscription (events until completed) or a query/mutation (one answer).
struct GraphQLWsRequest {
    QString url; // ws://…/graphql or wss://…; http(s):// is turned into ws(s)://
    QString query;
    QByteArray variables; // a JSON object, or empty
    QString operationName;
    QByteArray initPayload; // the connection_init payload, a JSON object, e.g. {"authorization":"Bearer …"}
    WsProtocol protocol = WsProtocol::TransportWs;
    HeaderList headers; // on the HTTP upgrade request
    int connectTimeoutMs = wslimits::kDefaultConnectTimeoutMs;
    qint64 maxResponseBytes = 0; // 0: the process-wide cap (app/client/responselimit.h), per message and in all
    bool sendTraceparent = true; // on the upgrade: the server puts the socket's operations and events under it
    TlsSettings tls;             // wss:// only
};

// Runs GraphQL over WebSocket (graphql-transport-ws or the legacy subscriptions-transport-ws) on a worker thread,
// one connection per operation, and reports on this object's thread: messageReceived for every message sent or
// received (connection_init, ack, next, pings …), subscribed once the server has taken the operation, then exactly
// one callFinished (completed, or answered with a GraphQL error) or callFailed (refused, timed out, closed with an
// error code). cancel() sends complete (legacy: stop) and closes; the record then ends normally with what came.
class GraphQLWsCaller : public QObject {
    Q_OBJECT
public:
    explicit GraphQLWsCaller(QObject *parent = nullptr);
    ~GraphQLWsCaller() override;

    quint64 send(const GraphQLWsRequest &request);
    void cancel(quint64 id);
    bool isRunning(quint64 id) const { return m_running.contains(id); }

Q_SIGNALS:
    void subscribed(quint64 id);
    void messageReceived(quint64 id, const triptych::client::StreamMessage &message);
    // The same messages, as the batch of one frame: after each of them was reported by messageReceived.
    void messagesReceived(quint64 id, const QList<triptych::client::StreamMessage> &messages);
    void callFinished(const triptych::client::CallRecord &record);
    void callFailed(const triptych::client::CallRecord &record);

private:
    void deliverMessages(const MessageBatcher::Batch &batch);
    void onDone(CallRecord record);
    void onTraceFetched(const CallRecord &traceRecord);
    void complete(const CallRecord &record);

    std::shared_ptr<WebSocketWorker> m_worker;
    ResultRelayPtr m_relay;
    MessageBatcherPtr m_batcher; // stream messages, one delivery per frame
    QSet<quint64> m_running;
    RestCaller *m_traceCaller;
    QHash<quint64, CallRecord> m_traceFetches; // by the fetch's id: the call waiting for its server spans
};

} // namespace triptych::client
