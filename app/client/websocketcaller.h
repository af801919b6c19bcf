#pragma once

#include "app/client/callrecord.h"
#include "app/client/messagebatcher.h"
#include "app/client/restrequest.h"
#include "app/client/resultrelay.h"

#include <QObject>
#include <QStringList>
#include <QThread>

namespace triptych::client {

// One raw WebSocket as the REST pane opens it for a ws:// or wss:// URL.
struct WebSocketRequest {
    QString url;
    HeaderList headers;
    QStringList subprotocols; // offered in Sec-WebSocket-Protocol; empty: none
    TlsSettings tls;          // wss:// only: as over HTTPS (wstls.h); skipped verification is a warning
    int connectTimeoutMs = restlimits::kDefaultConnectTimeoutMs;
    qint64 maxResponseBytes = 0; // 0: the process-wide cap (responselimit.h), per message and for all together
};

class WebSocketSession;

// Raw WebSockets (docs/client.md, "Raw WebSocket"): each socket lives on this caller's worker thread (QWebSocket, as
// the GraphQL sessions do); open, send text or binary, close with a code. Every message, sent and received, is
// reported with its offset and size; the connection ends with exactly one callFinished (it was open, whoever closed
// it) or callFailed (it never opened, or broke). The record's kind is Rest and its method "WS".
class WebSocketCaller : public QObject {
    Q_OBJECT
public:
    explicit WebSocketCaller(QObject *parent = nullptr);
    ~WebSocketCaller() override;

    quint64 open(const WebSocketRequest &request);
    void sendText(quint64 id, const QByteArray &text);
    void sendBinary(quint64 id, const QByteArray &bytes);
    // A close code of RFC 6455 §7.4 (1000 normal, 1001 going away, 3000–4999 the application's own).
    void close(quint64 id, int code = 1000, const QString &reason = {});

Q_SIGNALS:
    // tls: the peer's chain, protocol and cipher for wss:// (secured false for ws://).
    void opened(quint64 id, const QString &subprotocol, const triptych::client::TlsInfo &tls);
    void messageReceived(quint64 id, const triptych::client::StreamMessage &message);
    // The same messages, as the batch of one frame: after each of them was reported by messageReceived.
    void messagesReceived(quint64 id, const QList<triptych::client::StreamMessage> &messages);
    void callFinished(const triptych::client::CallRecord &record);
    void callFailed(const triptych::client::CallRecord &record);

private:
    void deliverMessages(const MessageBatcher::Batch &batch);
    void onSessionDone(const CallRecord &record);
    // Runs `action` on the worker thread with the session of `id`, if it still lives.
    template <typename Action> void withSession(quint64 id, Action action);

    friend class WebSocketSession;
    ResultRelayPtr m_relay;
    MessageBatcherPtr m_batcher; // messages from the worker thread, one delivery per frame
    QThread m_thread;
    QObject *m_host; // lives on m_thread; the sessions are its children, named by their call id
};

} // namespace triptych::client
