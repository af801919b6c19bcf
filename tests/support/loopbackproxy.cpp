#include "tests/support/loopbackproxy.h"

#include <QTcpSocket>

namespace triptych::testing {

namespace {
constexpr char kAnswer[] = "HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nvia proxy";
}

LoopbackProxy::LoopbackProxy(Kind kind)
    : m_kind(kind) {
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection())
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
    });
}

void LoopbackProxy::onData(QTcpSocket *socket) {
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    if (m_kind == Kind::Socks5 && !socksHandshake(socket, buffer)) {
        socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("buffer", buffer);
    if (!buffer.contains("\r\n\r\n"))
        return;
    seen.append(buffer.left(buffer.indexOf("\r\n")));
    socket->write(kAnswer);
    socket->disconnectFromHost();
}

// RFC 1928: the greeting (no authentication), then CONNECT with a domain name or an IPv4 address; true once the
// tunnel is "open" and `buffer` holds what came through it.
bool LoopbackProxy::socksHandshake(QTcpSocket *socket, QByteArray &buffer) {
    int stage = socket->property("socks").toInt();
    if (stage == 0) {
        if (buffer.size() < 2 || buffer.size() < 2 + quint8(buffer[1]))
            return false;
        buffer.remove(0, 2 + quint8(buffer[1]));
        socket->write(QByteArray("\x05\x00", 2));
        socket->setProperty("socks", stage = 1);
    }
    if (stage == 1) {
        if (buffer.size() < 5)
            return false;
        const quint8 type = quint8(buffer[3]);
        const int addressBytes = type == 3 ? 1 + quint8(buffer[4]) : type == 1 ? 4 : 16;
        if (buffer.size() < 4 + addressBytes + 2)
            return false;
        QByteArray host;
        if (type == 3)
            host = buffer.mid(5, quint8(buffer[4]));
        else if (type == 1)
            host = QByteArray::number(quint8(buffer[4])) + '.' + QByteArray::number(quint8(buffer[5])) + '.' +
                   QByteArray::number(quint8(buffer[6])) + '.' + QByteArray::number(quint8(buffer[7]));
        const int port = (quint8(buffer[4 + addressBytes]) << 8) | quint8(buffer[5 + addressBytes]);
        seen.append(host + ':' + QByteArray::number(port));
        buffer.remove(0, 4 + addressBytes + 2);
        socket->write(QByteArray("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10));
        socket->setProperty("socks", stage = 2);
    }
    return true;
}

} // namespace triptych::testing
