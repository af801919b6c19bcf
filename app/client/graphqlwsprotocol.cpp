#include "app/client/graphqlwsprotocol.h"

#include "app/client/callerrors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace triptych::client {

namespace {

QByteArray compact(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool isNameChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

struct OperationHead {
    OperationType type;
    QString name;
};

// The top-level definitions of a document: operations with their names; fragments are skipped.
QList<OperationHead> operationHeads(const QString &document) {
    QList<OperationHead> heads;
    int depth = 0;
    QString pendingKeyword; // the last keyword seen at depth 0 ("query", "fragment", …)
    QString pendingName;
    for (qsizetype i = 0; i < document.size(); ++i) {
        const QChar c = document.at(i);
        if (c == QLatin1Char('#')) {
            while (i < document.size() && document.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('"')) {
            for (++i; i < document.size() && document.at(i) != QLatin1Char('"'); ++i)
                i += document.at(i) == QLatin1Char('\\') ? 1 : 0;
        } else if (c == QLatin1Char('{')) {
            if (depth == 0 && pendingKeyword != QLatin1String("fragment")) {
                const OperationType type = pendingKeyword == QLatin1String("mutation") ? OperationType::Mutation
                                           : pendingKeyword == QLatin1String("subscription")
                                               ? OperationType::Subscription
                                               : OperationType::Query;
                heads.append({type, pendingName});
            }
            if (depth == 0) {
                pendingKeyword.clear();
                pendingName.clear();
            }
            ++depth;
        } else if (c == QLatin1Char('}')) {
            depth = qMax(0, depth - 1);
        } else if (depth == 0 && isNameChar(c)) {
            qsizetype end = i;
            while (end < document.size() && isNameChar(document.at(end)))
                ++end;
            const QString word = document.mid(i, end - i);
            if (pendingKeyword.isEmpty())
                pendingKeyword = word;
            else if (pendingName.isEmpty())
                pendingName = word;
            i = end - 1;
        } else if (depth == 0 && c == QLatin1Char('(')) {
            // Variable definitions: skip to the closing parenthesis so their names are not taken as the name.
            while (i < document.size() && document.at(i) != QLatin1Char(')'))
                ++i;
        }
    }
    return heads;
}

} // namespace

QString subprotocolName(WsProtocol protocol) {
    return protocol == WsProtocol::TransportWs ? QStringLiteral("graphql-transport-ws") : QStringLiteral("graphql-ws");
}

QString webSocketUrl(const QString &url) {
    QUrl parsed(url.trimmed());
    const QString scheme = parsed.scheme().toLower();
    if (scheme == QLatin1String("http"))
        parsed.setScheme(QStringLiteral("ws"));
    else if (scheme == QLatin1String("https"))
        parsed.setScheme(QStringLiteral("wss"));
    else if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
        return {};
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    return parsed.toString();
}

OperationType operationType(const QString &document, const QString &operationName) {
    const auto heads = operationHeads(document);
    for (const auto &head : heads) {
        if (operationName.isEmpty() || head.name == operationName)
            return head.type;
    }
    return OperationType::Query;
}

QString toString(OperationType type) {
    switch (type) {
    case OperationType::Query:
        return QStringLiteral("query");
    case OperationType::Mutation:
        return QStringLiteral("mutation");
    case OperationType::Subscription:
        return QStringLiteral("subscription");
    }
    return {};
}

QByteArray initMessage(const QByteArray &initPayload) {
    QJsonObject message{{QStringLiteral("type"), QStringLiteral("connection_init")}};
    const auto payload = QJsonDocument::fromJson(initPayload);
    if (payload.isObject())
        message.insert(QStringLiteral("payload"), payload.object());
    return compact(message);
}

QByteArray subscribeMessage(WsProtocol protocol, const QString &id, const QString &query, const QByteArray &variables,
                            const QString &operationName) {
    QJsonObject payload{{QStringLiteral("query"), query}};
    const auto parsed = QJsonDocument::fromJson(variables);
    if (parsed.isObject())
        payload.insert(QStringLiteral("variables"), parsed.object());
    if (!operationName.isEmpty())
        payload.insert(QStringLiteral("operationName"), operationName);
    const QString type = protocol == WsProtocol::TransportWs ? QStringLiteral("subscribe") : QStringLiteral("start");
    return compact({{QStringLiteral("id"), id}, {QStringLiteral("type"), type}, {QStringLiteral("payload"), payload}});
}

QByteArray completeMessage(WsProtocol protocol, const QString &id) {
    const QString type = protocol == WsProtocol::TransportWs ? QStringLiteral("complete") : QStringLiteral("stop");
    return compact({{QStringLiteral("id"), id}, {QStringLiteral("type"), type}});
}

QByteArray pingMessage() {
    return R"({"type":"ping"})";
}

QByteArray pongMessage() {
    return R"({"type":"pong"})";
}

QByteArray terminateMessage() {
    return R"({"type":"connection_terminate"})";
}

CallError describeClose(int code, const QString &reason, const QString &where, WsProtocol protocol) {
    const QString said = reason.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(reason);
    const QString head = QStringLiteral("%1 closed the WebSocket with %2%3").arg(where).arg(code).arg(said);
    const auto closed = [&](const QString &what, const QString &hint) {
        return CallError{ErrorKind::WebSocketClose, head + QStringLiteral(": ") + what, hint};
    };
    switch (code) {
    case 1000:
        return closed(QStringLiteral("a normal close, but before the operation completed"),
                      QStringLiteral("the server ended the connection; check its log"));
    case 1001:
        return closed(QStringLiteral("the server is going away (shutting down or restarting)"),
                      QStringLiteral("start the server again and resubscribe"));
    case 1002:
    case 1003:
        return closed(QStringLiteral("the server saw a WebSocket protocol error"),
                      QStringLiteral("is this a WebSocket endpoint?"));
    case 1006:
        return {ErrorKind::Network, QStringLiteral("The connection to %1 dropped without a close frame").arg(where),
                QStringLiteral("the server stopped or the network broke; is the server still running?")};
    case 1008:
        return closed(QStringLiteral("the server's policy refused the connection"),
                      QStringLiteral("check the credentials and the origin"));
    case 1009:
        return closed(QStringLiteral("a message was too big"), QStringLiteral("ask for less data per message"));
    case 1011:
        return closed(QStringLiteral("the server failed"), QStringLiteral("check the server's log"));
    case 4400:
        return closed(
            QStringLiteral("the server could not understand a message"),
            QStringLiteral("client and server disagree on the protocol; is it %1?").arg(subprotocolName(protocol)));
    case 4401:
        return closed(QStringLiteral("unauthorized: an operation was sent before the server acknowledged the "
                                     "connection"),
                      QStringLiteral("wait for connection_ack before subscribing"));
    case 4403:
        return closed(QStringLiteral("the server refused the connection_init credentials"),
                      QStringLiteral("check the token (the embedded server's is demo-token)"));
    case 4406:
        return closed(QStringLiteral("the server does not accept the subprotocol %1").arg(subprotocolName(protocol)),
                      QStringLiteral("try the other GraphQL WebSocket protocol"));
    case 4408:
        return closed(QStringLiteral("the connection was not initialised in time"),
                      QStringLiteral("the client sent connection_init too late; is the network slow?"));
    case 4409:
        return closed(QStringLiteral("an operation with this id is already running"),
                      QStringLiteral("use a fresh id per operation"));
    case 4429:
        return closed(QStringLiteral("connection_init was sent twice"), {});
    case 4500:
        return closed(QStringLiteral("the server failed, or this client read its events too slowly"),
                      QStringLiteral("check the server's log"));
    default:
        return closed(code >= 4000 ? QStringLiteral("an application-specific code") : QStringLiteral("an error"),
                      QStringLiteral("see the server's documentation of its close codes"));
    }
}

qint64 webSocketFrameBytes(qint64 payloadBytes, bool masked) {
    const qint64 lengthBytes = payloadBytes < 126 ? 0 : payloadBytes <= 0xFFFF ? 2 : 8;
    return payloadBytes + 2 + lengthBytes + (masked ? 4 : 0);
}

} // namespace triptych::client
