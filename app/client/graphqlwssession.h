#pragma once

#include "app/client/callrecord.h"
#include "app/client/graphqlwscaller.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QObject>
#include <QSslError>
#include <QThread>

#include <functional>
#include <memory>

class QTimer;
class QWebSocket;

namespace triptych::client {

// One GraphQL operation on its own WebSocket, driven on the worker thread. It speaks either protocol, records every
// message with its offset and size, and reports through its sinks (which post to the caller's thread).
class GraphQLWsSession : public QObject {
    Q_OBJECT
public:
    struct Sinks {
        std::function<void(quint64 id)> onSubscribed;
        std::function<void(quint64 id, const StreamMessage &message)> onMessage;
        std::function<void(const CallRecord &record)> onDone;
    };

    GraphQLWsSession(CallRecord record, GraphQLWsRequest request, Sinks sinks, QObject *parent);

    void start();
    // The user's cancel: complete (legacy: stop and connection_terminate), then close normally.
    void stop();

private:
    void onConnected();
    void onTextMessage(const QString &text);
    void onDisconnected();
    void onAboutToClose();
    void onSocketError(QAbstractSocket::SocketError error);
    void onConnectTimeout();
    void handleMessage(const QString &type, const QJsonValue &payload);
    void onAck();
    void onAnswer(const QJsonValue &payload);
    void onOperationError(const QJsonValue &payload);
    void sendText(const QByteArray &text, const QString &type);
    void recordMessage(bool outgoing, const QString &type, const QByteArray &text);
    void finish(CallError error);
    void closeAndDispose();
    QString where() const;
    qint64 elapsedUs() const { return m_clock.nsecsElapsed() / 1000; }

    CallRecord m_record;
    GraphQLWsRequest m_request;
    Sinks m_sinks;
    QWebSocket *m_socket = nullptr;
    QTimer *m_connectTimer = nullptr;
    QElapsedTimer m_clock;
    QList<QSslError> m_sslErrors; // Qt's verdict on the certificate, for the sentence when the handshake fails
    OperationType m_type = OperationType::Query;
    bool m_connected = false;
    bool m_operationSent = false;
    bool m_awaitingPong = false;
    bool m_finished = false;
    qint64 m_maxKeptBytes = 0; // the response size limit: per message, and for all messages together
    qint64 m_keptBytes = 0;
};

// The thread every GraphQL WebSocket runs on, shared by the callers while any of them lives. Sessions are children of
// a host object on that thread, named by their call id.
class WebSocketWorker {
public:
    WebSocketWorker();
    ~WebSocketWorker();
    WebSocketWorker(const WebSocketWorker &) = delete;
    WebSocketWorker &operator=(const WebSocketWorker &) = delete;

    static std::shared_ptr<WebSocketWorker> shared();

    void start(CallRecord record, GraphQLWsRequest request, GraphQLWsSession::Sinks sinks);
    void stop(quint64 id);

private:
    QThread m_thread;
    QObject *m_host;
};

} // namespace triptych::client
