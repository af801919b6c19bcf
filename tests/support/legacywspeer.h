#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QWebSocket>
#include <QWebSocketServer>

namespace triptych::testing {

// A small server of the legacy subscriptions-transport-ws protocol (subprotocol "graphql-ws"), as older Apollo
// servers speak it: ack plus keep-alive, two data messages per start, complete for queries.
class LegacyPeer : public QObject {
public:
    bool silent = false; // never acknowledges connection_init
    QStringList received;

    bool listen() {
        m_server.setSupportedSubprotocols({QStringLiteral("graphql-ws")});
        connect(&m_server, &QWebSocketServer::newConnection, this, &LegacyPeer::onConnection);
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/graphql").arg(m_server.serverPort()); }

private:
    void onConnection() {
        QWebSocket *socket = m_server.nextPendingConnection();
        socket->setParent(this);
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
            onMessage(socket, QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }

    void onMessage(QWebSocket *socket, const QJsonObject &message) {
        const QString type = message.value(QStringLiteral("type")).toString();
        received << type;
        const QString id = message.value(QStringLiteral("id")).toString();
        if (type == QLatin1String("connection_init") && !silent) {
            const QString auth =
                message.value(QStringLiteral("payload")).toObject().value(QStringLiteral("authorization")).toString();
            if (auth != QLatin1String("Bearer demo-token")) {
                socket->sendTextMessage(R"({"type":"connection_error","payload":{"message":"bad token"}})");
                return;
            }
            socket->sendTextMessage(R"({"type":"connection_ack"})");
            socket->sendTextMessage(R"({"type":"ka"})");
        } else if (type == QLatin1String("start")) {
            const QString query =
                message.value(QStringLiteral("payload")).toObject().value(QStringLiteral("query")).toString();
            if (query.contains(QLatin1String("emptyError"))) { // a server whose error names nothing
                socket->sendTextMessage(QStringLiteral(R"({"id":"%1","type":"error","payload":[]})").arg(id));
                return;
            }
            for (int tick = 1; tick <= 2; ++tick)
                socket->sendTextMessage(
                    QStringLiteral(R"({"id":"%1","type":"data","payload":{"data":{"tick":%2}}})").arg(id).arg(tick));
            if (!query.trimmed().startsWith(QLatin1String("subscription")))
                socket->sendTextMessage(QStringLiteral(R"({"id":"%1","type":"complete"})").arg(id));
        } else if (type == QLatin1String("connection_terminate")) {
            socket->close();
        }
    }

    QWebSocketServer m_server{QStringLiteral("legacy"), QWebSocketServer::NonSecureMode};
};

} // namespace triptych::testing
