#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>

namespace triptych::testing {

// A proxy on 127.0.0.1 (port 0) that answers every request itself with 200 "via proxy" instead of forwarding it, and
// keeps what it saw: as an HTTP proxy the request line ("GET http://host/path HTTP/1.1"), as a SOCKS5 proxy the
// target ("host:port") and then the request line. Lives on the test's thread.
class LoopbackProxy : public QTcpServer {
public:
    enum class Kind { Http, Socks5 };
    explicit LoopbackProxy(Kind kind);

    QList<QByteArray> seen;

private:
    void onData(QTcpSocket *socket);
    bool socksHandshake(QTcpSocket *socket, QByteArray &buffer);

    Kind m_kind;
};

} // namespace triptych::testing
