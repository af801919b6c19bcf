#include "app/client/websocketcaller.h"

#include "app/client/embeddedtls.h"
#include "app/client/responselimit.h"
#include "app/client/restcaller.h"
#include "app/client/resultrelay.h"
#include "app/client/tlserrors.h"
#include "app/client/wstls.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <chrono>

namespace triptych::client {

namespace {
// How long a close waits for the server's close frame before the socket is dropped.
constexpr int kCloseGraceMs = 2'000;
} // namespace

// One socket on the worker thread; reports through the relay to the caller.
class WebSocketSession : public QObject {
    Q_OBJECT
public:
    WebSocketSession(CallRecord record, WebSocketRequest request, ResultRelayPtr relay, MessageBatcherPtr batcher,
                     WebSocketCaller *caller, QObject *parent)
        : QObject(parent)
        , m_record(std::move(record))
        , m_request(std::move(request))
        , m_relay(std::move(relay))
        , m_batcher(std::move(batcher))
        , m_caller(caller) {
        setObjectName(QString::number(m_record.id));
    }

    void start();
    void send(const QByteArray &payload, bool binary);
    void close(int code, const QString &reason);

private:
    void onConnected();
    void onReceived(const QByteArray &payload, bool binary);
    void onDisconnected();
    void onSocketError();
    void recordMessage(bool outgoing, bool binary, const QByteArray &payload);
    void finish(CallError error);
    qint64 elapsedUs() const { return m_clock.nsecsElapsed() / 1000; }

    CallRecord m_record;
    WebSocketRequest m_request;
    ResultRelayPtr m_relay;
    MessageBatcherPtr m_batcher; // messages, sent and received, to the caller's thread once per frame
    WebSocketCaller *m_caller;   // only used through the relay, on its own thread
    QWebSocket *m_socket = nullptr;
    QElapsedTimer m_clock;
    QList<QSslError> m_sslErrors; // Qt's verdict on the certificate, for the sentence when the handshake fails
    qint64 m_maxKeptBytes = 0;
    qint64 m_keptBytes = 0;
    bool m_connected = false;
    bool m_finished = false;
};

void WebSocketSession::start() {
    m_clock.start();
    const QUrl url(m_request.url);
    m_record.url = m_request.url;
    if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")) ||
        url.host().isEmpty()) {
        finish({ErrorKind::InvalidRequest, QStringLiteral("Cannot open a WebSocket to %1").arg(m_request.url),
                QStringLiteral("write it as ws://host:port/path or wss://host:port/path")});
        return;
    }
    QNetworkRequest request(url);
    for (const auto &[name, value] : m_request.headers) {
        request.setRawHeader(name, value);
        m_record.sizes.requestHeaderBytes += name.size() + value.size() + 4;
    }
    m_record.requestHeaders = m_request.headers;
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(m_request.subprotocols);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_maxKeptBytes = effectiveMaxResponseBytes(m_request.maxResponseBytes);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_maxKeptBytes));
    trustEmbeddedServer(m_request);
    applyWebSocketTls(m_socket, m_request.tls, m_record);
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketSession::onSocketError);
    connect(m_socket, &QWebSocket::connected, this, &WebSocketSession::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { onReceived(text.toUtf8(), false); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { onReceived(bytes, true); });
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketSession::onDisconnected);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this] {
        if (!m_connected)
            finish({ErrorKind::Timeout,
                    QStringLiteral("The WebSocket to %1 did not open within %2 ms")
                        .arg(m_request.url)
                        .arg(m_request.connectTimeoutMs),
                    QStringLiteral("is the server up, and does it speak WebSocket at that path?")});
    });
    timer->start(m_request.connectTimeoutMs);
    m_socket->open(request, options);
}

void WebSocketSession::onConnected() {
    m_connected = true;
    m_record.timings.connectUs = elapsedUs();
    m_record.httpStatus = 101; // Switching Protocols
    m_record.httpVersion = QStringLiteral("HTTP/1.1");
    m_record.subprotocol = m_socket->subprotocol();
    m_record.remoteAddress =
        m_socket->peerAddress().toString() + QLatin1Char(':') + QString::number(m_socket->peerPort());
    collectWebSocketTls(m_socket, m_record);
    m_relay->post([caller = m_caller, id = m_record.id, subprotocol = m_record.subprotocol, tls = m_record.tls] {
        Q_EMIT caller->opened(id, subprotocol, tls);
    });
}

void WebSocketSession::recordMessage(bool outgoing, bool binary, const QByteArray &payload) {
    const StreamMessage message{outgoing, elapsedUs(), payload.size(),
                                binary ? QStringLiteral("binary") : QStringLiteral("text"), payload};
    m_record.messages.append(message);
    if (outgoing)
        m_record.sizes.requestBodyBytes += payload.size();
    else
        m_record.sizes.responseBodyWireBytes += payload.size();
    m_batcher->add(m_record.id, message);
}

void WebSocketSession::send(const QByteArray &payload, bool binary) {
    if (!m_connected || m_finished)
        return;
    const qint64 sent =
        binary ? m_socket->sendBinaryMessage(payload) : m_socket->sendTextMessage(QString::fromUtf8(payload));
    if (sent >= 0)
        recordMessage(true, binary, payload);
}

void WebSocketSession::onReceived(const QByteArray &payload, bool binary) {
    if (m_finished)
        return;
    if (!m_record.timings.firstByteUs)
        m_record.timings.firstByteUs = elapsedUs() - m_record.timings.connectUs.value_or(0);
    m_keptBytes += payload.size() + responselimits::kStreamMessageOverheadBytes;
    if (m_keptBytes > m_maxKeptBytes) {
        finish(responseTooLargeError(m_maxKeptBytes, QStringLiteral("The WebSocket's messages")));
        return;
    }
    recordMessage(false, binary, payload);
}

void WebSocketSession::close(int code, const QString &reason) {
    if (m_finished)
        return;
    if (!m_connected) {
        finish({ErrorKind::Cancelled,
                QStringLiteral("Cancelled before the WebSocket to %1 was open").arg(m_request.url),
                {}});
        return;
    }
    // The close is a message of its own in the list: the code and the reason as sent.
    const QByteArray text = QByteArray::number(code) + (reason.isEmpty() ? QByteArray() : ' ' + reason.toUtf8());
    m_record.messages.append({true, elapsedUs(), text.size(), QStringLiteral("close"), text});
    m_batcher->add(m_record.id, m_record.messages.last());
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    QTimer::singleShot(kCloseGraceMs, this, [this] { onDisconnected(); }); // a server that never answers the close
}

void WebSocketSession::onDisconnected() {
    if (m_finished)
        return;
    if (!m_connected) {
        finish({ErrorKind::Refused,
                QStringLiteral("The WebSocket to %1 did not open: %2").arg(m_request.url, m_socket->errorString()),
                QStringLiteral("is the server up, and does it speak WebSocket at that path?")});
        return;
    }
    m_record.closeCode = int(m_socket->closeCode());
    m_record.closeReason = m_socket->closeReason();
    finish({});
}

// Before the socket opened, a failed handshake (or a server that refused the client certificate after it) is said
// in the words of tlserrors.h; everything else waits for onDisconnected.
void WebSocketSession::onSocketError() {
    if (m_finished || m_connected || !m_record.tls.secured)
        return;
    const QUrl url(m_request.url);
    const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(443));
    const bool handshake = m_socket->error() == QAbstractSocket::SslHandshakeFailedError || !m_sslErrors.isEmpty();
    if (auto error = webSocketTlsError(m_sslErrors, m_request.tls, where, m_socket->errorString());
        error && (handshake || classifyTlsText(m_socket->errorString()) != TlsFailure::Unknown))
        finish(*std::move(error));
}

void WebSocketSession::finish(CallError error) {
    if (m_finished)
        return;
    m_finished = true;
    m_record.error = std::move(error);
    m_record.timings.totalUs = elapsedUs();
    if (m_record.timings.firstByteUs)
        m_record.timings.downloadUs =
            m_record.timings.totalUs - m_record.timings.connectUs.value_or(0) - *m_record.timings.firstByteUs;
    m_relay->post([caller = m_caller, record = m_record] { caller->onSessionDone(record); });
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->abort();
    deleteLater();
}

WebSocketCaller::WebSocketCaller(QObject *parent)
    : QObject(parent)
    , m_host(new QObject) {
    qRegisterMetaType<CallRecord>();
    qRegisterMetaType<StreamMessage>();
    m_relay = std::make_shared<ResultRelay>(this);
    m_batcher = std::make_shared<MessageBatcher>(this, [this](const auto &batch) { deliverMessages(batch); });
    m_thread.setObjectName(QStringLiteral("websocket"));
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread.start();
}

WebSocketCaller::~WebSocketCaller() {
    m_relay->detach();
    m_batcher->detach();
    m_thread.quit();
    m_thread.wait();
}

quint64 WebSocketCaller::open(const WebSocketRequest &request) {
    CallRecord record;
    record.id = RestCaller::nextCallId();
    record.kind = CallKind::Rest;
    record.method = QStringLiteral("WS");
    record.url = request.url;
    record.startedAtUnixNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    QObject *host = m_host;
    QMetaObject::invokeMethod(
        host,
        [host, record, request, relay = m_relay, batcher = m_batcher, caller = this] {
            (new WebSocketSession(record, request, relay, batcher, caller, host))->start();
        },
        Qt::QueuedConnection);
    return record.id;
}

template <typename Action> void WebSocketCaller::withSession(quint64 id, Action action) {
    QObject *host = m_host;
    QMetaObject::invokeMethod(
        host,
        [host, id, action = std::move(action)] {
            if (auto *session = host->findChild<WebSocketSession *>(QString::number(id), Qt::FindDirectChildrenOnly))
                action(session);
        },
        Qt::QueuedConnection);
}

void WebSocketCaller::sendText(quint64 id, const QByteArray &text) {
    withSession(id, [text](WebSocketSession *session) { session->send(text, false); });
}

void WebSocketCaller::sendBinary(quint64 id, const QByteArray &bytes) {
    withSession(id, [bytes](WebSocketSession *session) { session->send(bytes, true); });
}

void WebSocketCaller::close(quint64 id, int code, const QString &reason) {
    withSession(id, [code, reason](WebSocketSession *session) { session->close(code, reason); });
}

void WebSocketCaller::deliverMessages(const MessageBatcher::Batch &batch) {
    for (const auto &[callId, messages] : MessageBatcher::byCall(batch)) {
        for (const auto &message : messages)
            Q_EMIT messageReceived(callId, message);
        Q_EMIT messagesReceived(callId, messages);
    }
}

void WebSocketCaller::onSessionDone(const CallRecord &record) {
    m_batcher->flush(); // the socket's last messages come before its end
    if (record.transportOk())
        Q_EMIT callFinished(record);
    else
        Q_EMIT callFailed(record);
}

} // namespace triptych::client

#include "websocketcaller.moc"
