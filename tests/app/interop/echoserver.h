#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>

// A loopback HTTP/1.1 server that records each request as it arrived and answers 200 with no body.
class EchoServer : public QObject {
    Q_OBJECT
public:
    struct Received {
        QByteArray method;
        QByteArray target;         // path and query as sent
        QList<QByteArray> headers; // "name: value", the name lowercased, in arrival order
        QByteArray body;
    };

    explicit EchoServer(QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    QList<Received> &received() { return m_received; }

private:
    void onNewConnection();
    static bool parse(const QByteArray &data, Received *request);

    QTcpServer m_server;
    QList<Received> m_received;
};
