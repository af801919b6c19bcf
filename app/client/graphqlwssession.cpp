#include "app/client/graphqlwssession.h"

#include "app/client/callerrors.h"
#include "app/client/embeddedtls.h"
#include "app/client/responselimit.h"
#include "app/client/tlserrors.h"
#include "app/client/tracemerge.h"
#include "app/client/wstls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>
#include <mutex>

namespace triptych::client {

namespace {

// One operation per connection, so one id is enough.
const QString kOperationId = QStringLiteral("1");

QByteArray compact(const QJsonValue &value) {
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return {};
}

QString firstErrorMessage(const QJsonValue &payload) {
    const QJsonArray array = payload.toArray();
    const QJsonValue first = payload.isArray() ? (array.isEmpty() ? QJsonValue() : array.first()) : payload;
    const QString message = first.toObject().value(QStringLiteral("message")).toString();
    return message.isEmpty() ? QString::fromUtf8(compact(payload)) : message;
}

} // namespace

GraphQLWsSession::GraphQLWsSession(CallRecord record, GraphQLWsRequest request, Sinks sinks, QObject *parent)
    : QObject(parent)
    , m_record(std::move(record))
    , m_request(std::move(request))
    , m_sinks(std::move(sinks)) {
    setObjectName(QString::number(m_record.id));
    m_type = operationType(m_request.query, m_request.operationName);
}

QString GraphQLWsSession::where() const {
    const QUrl url(m_record.url);
    const int defaultPort = url.scheme() == QLatin1String("wss") ? 443 : 80;
    return url.host() + QLatin1Char(':') + QString::number(url.port(defaultPort));
}

void GraphQLWsSession::start() {
    m_clock.start();
    if (m_record.url.isEmpty()) {
        finish({ErrorKind::InvalidRequest, QStringLiteral("Cannot use the URL %1").arg(m_request.url),
                QStringLiteral("write it as ws://host:port/graphql (http:// and https:// are converted)")});
        return;
    }
    QNetworkRequest request{QUrl(m_record.url)};
    for (const auto &[name, value] : m_request.headers) {
        request.setRawHeader(name, value);
        m_record.sizes.requestHeaderBytes += name.size() + value.size() + 4;
    }
    m_record.requestHeaders = m_request.headers;
    m_record.requestHeaders.append({"Sec-WebSocket-Protocol", subprotocolName(m_request.protocol).toLatin1()});
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({subprotocolName(m_request.protocol)});

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Qt refuses a bigger frame from its header, before buffering its payload, and closes with 1009.
    m_maxKeptBytes = effectiveMaxResponseBytes(m_request.maxResponseBytes);
    const auto perMessage = quint64(std::min(m_maxKeptBytes, wslimits::kMaxIncomingMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(perMessage);
    m_socket->setMaxAllowedIncomingMessageSize(perMessage);
    trustEmbeddedServer(m_request);
    applyWebSocketTls(m_socket, m_request.tls, m_record);
    connect(m_socket, &QWebSocket::aboutToClose, this, &GraphQLWsSession::onAboutToClose);
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_socket, &QWebSocket::connected, this, &GraphQLWsSession::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &GraphQLWsSession::onTextMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &GraphQLWsSession::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &GraphQLWsSession::onSocketError);
    m_connectTimer = new QTimer(this);
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, &GraphQLWsSession::onConnectTimeout);
    m_connectTimer->start(m_request.connectTimeoutMs);
    m_socket->open(request, options);
}

void GraphQLWsSession::stop() {
    if (m_finished)
        return;
    if (!m_connected) {
        finish(
            {ErrorKind::Cancelled, QStringLiteral("Cancelled before the WebSocket to %1 was open").arg(where()), {}});
        return;
    }
    if (m_operationSent)
        sendText(completeMessage(m_request.protocol, kOperationId),
                 m_request.protocol == WsProtocol::TransportWs ? QStringLiteral("complete") : QStringLiteral("stop"));
    if (m_request.protocol == WsProtocol::LegacySubscriptions)
        sendText(terminateMessage(), QStringLiteral("connection_terminate"));
    finish({});
}

void GraphQLWsSession::onConnected() {
    m_connected = true;
    m_record.timings.connectUs = elapsedUs();
    m_record.httpStatus = 101; // Switching Protocols
    m_record.httpVersion = QStringLiteral("HTTP/1.1");
    m_record.remoteAddress =
        m_socket->peerAddress().toString() + QLatin1Char(':') + QString::number(m_socket->peerPort());
    m_record.subprotocol = m_socket->subprotocol();
    collectWebSocketTls(m_socket, m_record);
    const QString wanted = subprotocolName(m_request.protocol);
    if (!m_record.subprotocol.isEmpty())
        m_record.responseHeaders.append({"Sec-WebSocket-Protocol", m_record.subprotocol.toLatin1()});
    if (m_record.subprotocol.isEmpty()) {
        m_record.warnings.append(QStringLiteral("The server named no subprotocol; going on with %1").arg(wanted));
    } else if (m_record.subprotocol != wanted) {
        finish(
            {ErrorKind::InvalidRequest,
             QStringLiteral("%1 answered with the subprotocol %2, not %3").arg(where(), m_record.subprotocol, wanted),
             QStringLiteral("pick the protocol the server speaks")});
        return;
    }
    sendText(initMessage(m_request.initPayload), QStringLiteral("connection_init"));
}

void GraphQLWsSession::onTextMessage(const QString &text) {
    if (m_finished)
        return;
    const QByteArray bytes = text.toUtf8();
    m_keptBytes += bytes.size() + responselimits::kStreamMessageOverheadBytes;
    if (m_keptBytes > m_maxKeptBytes) {
        finish(responseTooLargeError(m_maxKeptBytes, QStringLiteral("The operation's messages")));
        return;
    }
    QJsonParseError parseError{};
    const auto document = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject message = document.object();
    const QString type = message.value(QStringLiteral("type")).toString();
    recordMessage(false, type, bytes);
    if (!document.isObject() || type.isEmpty()) {
        finish({ErrorKind::Network,
                QStringLiteral("%1 sent a message that is not a GraphQL WebSocket message: %2")
                    .arg(where(), QString::fromUtf8(bytes.left(200))),
                QStringLiteral("is this a GraphQL endpoint speaking %1?").arg(subprotocolName(m_request.protocol))});
        return;
    }
    handleMessage(type, message.value(QStringLiteral("payload")));
}

void GraphQLWsSession::handleMessage(const QString &type, const QJsonValue &payload) {
    if (type == QLatin1String("connection_ack")) {
        onAck();
    } else if (type == QLatin1String("ping")) {
        sendText(pongMessage(), QStringLiteral("pong"));
    } else if (type == QLatin1String("pong")) {
        if (m_awaitingPong && m_sinks.onSubscribed)
            m_sinks.onSubscribed(m_record.id);
        m_awaitingPong = false;
    } else if (type == QLatin1String("next") || type == QLatin1String("data")) {
        onAnswer(payload);
    } else if (type == QLatin1String("error")) {
        onOperationError(payload);
    } else if (type == QLatin1String("complete")) {
        finish({});
    } else if (type == QLatin1String("connection_error")) { // legacy: the server refused connection_init
        m_connectTimer->stop();
        finish({ErrorKind::WebSocketClose,
                QStringLiteral("%1 refused the connection_init: %2").arg(where(), firstErrorMessage(payload)),
                QStringLiteral("check the token in the connection_init payload")});
    }
    // "ka" (legacy keep-alive) and anything unknown: recorded, nothing to do.
}

void GraphQLWsSession::onAck() {
    m_connectTimer->stop();
    if (m_operationSent)
        return;
    m_operationSent = true;
    const QByteArray subscribe = subscribeMessage(m_request.protocol, kOperationId, m_request.query,
                                                  m_request.variables, m_request.operationName);
    m_record.requestBody = subscribe;
    sendText(subscribe,
             m_request.protocol == WsProtocol::TransportWs ? QStringLiteral("subscribe") : QStringLiteral("start"));
    if (m_type != OperationType::Subscription)
        return;
    if (m_request.protocol == WsProtocol::TransportWs) {
        // The server reads messages in order, so its pong to this ping says it has taken the subscription.
        m_awaitingPong = true;
        sendText(pingMessage(), QStringLiteral("ping"));
    } else if (m_sinks.onSubscribed) {
        m_sinks.onSubscribed(m_record.id); // the legacy protocol confirms nothing
    }
}

void GraphQLWsSession::onAnswer(const QJsonValue &payload) {
    if (!m_record.timings.firstByteUs)
        m_record.timings.firstByteUs = elapsedUs() - m_record.timings.connectUs.value_or(0);
    m_record.body = compact(payload);
}

void GraphQLWsSession::onOperationError(const QJsonValue &payload) {
    const QJsonArray errors = payload.isArray() ? payload.toArray() : QJsonArray{payload};
    m_record.body = QJsonDocument(QJsonObject{{QStringLiteral("errors"), errors}}).toJson(QJsonDocument::Compact);
    if (!m_record.timings.firstByteUs)
        m_record.timings.firstByteUs = elapsedUs() - m_record.timings.connectUs.value_or(0);
    finish({ErrorKind::OperationError,
            QStringLiteral("The server refused the operation: %1").arg(firstErrorMessage(payload)),
            QStringLiteral("fix the document or its variables; the errors say where")});
}

void GraphQLWsSession::sendText(const QByteArray &text, const QString &type) {
    recordMessage(true, type, text);
    m_socket->sendTextMessage(QString::fromUtf8(text));
}

void GraphQLWsSession::recordMessage(bool outgoing, const QString &type, const QByteArray &text) {
    const qint64 frame = webSocketFrameBytes(text.size(), outgoing);
    StreamMessage message{outgoing, elapsedUs(), frame, type, text};
    if (outgoing) {
        m_record.sizes.requestBodyBytes += frame;
    } else {
        m_record.sizes.responseBodyWireBytes += frame;
        m_record.sizes.responseBodyDecodedBytes += text.size();
    }
    m_record.messages.append(message);
    if (m_sinks.onMessage)
        m_sinks.onMessage(m_record.id, message);
}

void GraphQLWsSession::onDisconnected() {
    if (m_finished) {
        deleteLater();
        return;
    }
    if (!m_connected) {
        onSocketError(m_socket->error());
        return;
    }
    m_record.closeCode = int(m_socket->closeCode());
    m_record.closeReason = m_socket->closeReason();
    finish(describeClose(m_record.closeCode, m_record.closeReason, where(), m_request.protocol));
}

void GraphQLWsSession::onAboutToClose() {
    // Qt closes with 1009 itself when a frame or message outgrows the limit set in start(); its reasons say
    // "exceeded" or "too big", where a server's 1009 is about the client's own messages.
    const QString reason = m_socket->closeReason();
    const bool ownLimit = m_socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData &&
                          (reason.contains(QLatin1String("exceeded")) || reason.contains(QLatin1String("too big")));
    if (m_finished || !ownLimit)
        return;
    m_record.closeCode = int(m_socket->closeCode());
    m_record.closeReason = QStringLiteral("closed by the client: ") + reason;
    const qint64 limit = std::min(m_maxKeptBytes, wslimits::kMaxIncomingMessageBytes);
    finish(responseTooLargeError(limit, QStringLiteral("A WebSocket message from %1").arg(where())));
}

void GraphQLWsSession::onSocketError(QAbstractSocket::SocketError error) {
    if (m_finished || m_connected)
        return; // once open, the close code tells more: onDisconnected reports it
    const QString detail = m_socket->errorString();
    const bool handshake = error == QAbstractSocket::SslHandshakeFailedError || !m_sslErrors.isEmpty();
    if (m_record.tls.secured && (handshake || classifyTlsText(detail) != TlsFailure::Unknown)) {
        // e.g. a client certificate required, or a certificate not valid for the server name
        if (auto tlsError = webSocketTlsError(m_sslErrors, m_request.tls, where(), detail))
            return finish(*std::move(tlsError));
    }
    if (detail.contains(QLatin1String("processHandshake"))) {
        // Qt names the status only for some answers ("Unhandled http status code: 404 (Not Found)").
        static const QRegularExpression statusPattern(QStringLiteral(R"(status code:?\s*(\d{3}))"));
        const auto match = statusPattern.match(detail);
        m_record.httpStatus = match.hasMatch() ? match.captured(1).toInt() : 0;
        const QString what = m_record.httpStatus ? QStringLiteral("HTTP %1").arg(m_record.httpStatus) : detail;
        finish({m_record.httpStatus ? ErrorKind::HttpStatus : ErrorKind::Network,
                QStringLiteral("%1 refused the WebSocket upgrade (%2)").arg(where(), what),
                QStringLiteral("is %1 a GraphQL WebSocket endpoint speaking %2?")
                    .arg(m_record.url, subprotocolName(m_request.protocol))});
        return;
    }
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        finish({ErrorKind::Refused, QStringLiteral("Connection refused on %1").arg(where()),
                QStringLiteral("is the server running? The embedded one listens on %1.").arg(kEmbeddedHttpPort)});
        break;
    case QAbstractSocket::HostNotFoundError:
        finish({ErrorKind::Dns, QStringLiteral("Could not resolve host %1").arg(QUrl(m_record.url).host()),
                QStringLiteral("check the host name's spelling and your network's DNS")});
        break;
    case QAbstractSocket::SocketTimeoutError:
        onConnectTimeout();
        break;
    case QAbstractSocket::SslHandshakeFailedError:
        finish(describeTlsFailure(classifyTlsText(detail), where(), detail));
        break;
    default:
        finish({ErrorKind::Network, QStringLiteral("The WebSocket upgrade with %1 failed: %2").arg(where(), detail),
                QStringLiteral("is it an HTTP server with a GraphQL WebSocket endpoint at this path?")});
    }
}

void GraphQLWsSession::onConnectTimeout() {
    const QString what = m_connected ? QStringLiteral("No connection_ack from %1 within %2 ms")
                                     : QStringLiteral("No WebSocket connection to %1 within %2 ms");
    finish({ErrorKind::Timeout, what.arg(where()).arg(m_request.connectTimeoutMs),
            QStringLiteral("is the server busy, or not a GraphQL endpoint speaking %1?")
                .arg(subprotocolName(m_request.protocol))});
}

void GraphQLWsSession::finish(CallError error) {
    if (m_finished)
        return;
    m_finished = true;
    if (m_connectTimer)
        m_connectTimer->stop();
    m_record.error = std::move(error);
    m_record.timings.totalUs = elapsedUs();
    if (m_record.timings.firstByteUs) {
        const qint64 before = m_record.timings.connectUs.value_or(0) + *m_record.timings.firstByteUs;
        m_record.timings.downloadUs = qMax<qint64>(0, m_record.timings.totalUs - before);
    }
    if (m_record.closeCode < 0 && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_record.closeCode = QWebSocketProtocol::CloseCodeNormal; // closeAndDispose closes right after
        m_record.closeReason = QStringLiteral("closed by the client");
    }
    mergeTrace(m_record, {}, TraceSource::None);
    if (m_sinks.onDone)
        m_sinks.onDone(m_record);
    closeAndDispose();
}

void GraphQLWsSession::closeAndDispose() {
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        if (m_socket)
            m_socket->abort();
        deleteLater();
        return;
    }
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    QTimer::singleShot(wslimits::kCloseGraceMs, this, &QObject::deleteLater); // a server that never answers
}

WebSocketWorker::WebSocketWorker()
    : m_host(new QObject) {
    m_thread.setObjectName(QStringLiteral("graphql-ws"));
    m_host->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread.start();
}

WebSocketWorker::~WebSocketWorker() {
    m_thread.quit();
    m_thread.wait();
}

std::shared_ptr<WebSocketWorker> WebSocketWorker::shared() {
    static std::mutex mutex;
    static std::weak_ptr<WebSocketWorker> current;
    std::lock_guard lock(mutex);
    auto worker = current.lock();
    if (!worker) {
        worker = std::make_shared<WebSocketWorker>();
        current = worker;
    }
    return worker;
}

void WebSocketWorker::start(CallRecord record, GraphQLWsRequest request, GraphQLWsSession::Sinks sinks) {
    QObject *host = m_host;
    QMetaObject::invokeMethod(
        host,
        [host, record = std::move(record), request = std::move(request), sinks = std::move(sinks)]() mutable {
            auto *session = new GraphQLWsSession(std::move(record), std::move(request), std::move(sinks), host);
            session->start();
        },
        Qt::QueuedConnection);
}

void WebSocketWorker::stop(quint64 id) {
    QObject *host = m_host;
    QMetaObject::invokeMethod(
        host,
        [host, id] {
            if (auto *session = host->findChild<GraphQLWsSession *>(QString::number(id), Qt::FindDirectChildrenOnly))
                session->stop();
        },
        Qt::QueuedConnection);
}

} // namespace triptych::client
