#include "echoserver.h"

#include <QTcpSocket>

EchoServer::EchoServer(QObject *parent)
    : QObject(parent) {
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &EchoServer::onNewConnection);
}

void EchoServer::onNewConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *buffer = new QByteArray;
        connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
            delete buffer;
            socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            Received request;
            if (!parse(*buffer, &request))
                return;
            m_received.append(request);
            buffer->clear();
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
    }
}

// True once the head and Content-Length bytes of body are in.
bool EchoServer::parse(const QByteArray &data, Received *request) {
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = data.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() < 2)
        return false;
    request->method = requestLine.at(0);
    request->target = requestLine.at(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        request->headers.append(name + ": " + value);
    }
    if (data.size() - headEnd - 4 < length)
        return false;
    request->body = data.mid(headEnd + 4, length);
    return true;
}
