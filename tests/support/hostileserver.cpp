#include "tests/support/hostileserver.h"

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>

namespace triptych::testing {

namespace {

constexpr qint64 kHighWaterBytes = 1024 * 1024; // what may wait in the socket's buffer before the next piece
constexpr qint64 kPieceBytes = 64 * 1024;

QByteArray filler(qint64 bytes) {
    static const QByteArray piece(kPieceBytes, 'x');
    return piece.left(qsizetype(bytes));
}

QByteArray wsFrameHeader(quint64 payloadBytes) {
    QByteArray header;
    header += char(0x81); // FIN, text
    if (payloadBytes < 126) {
        header += char(payloadBytes);
    } else if (payloadBytes <= 0xffff) {
        header += char(126);
        header += char(payloadBytes >> 8);
        header += char(payloadBytes & 0xff);
    } else {
        header += char(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            header += char((payloadBytes >> shift) & 0xff);
    }
    return header;
}

// One connection: reads the request head, then answers the way the server misbehaves, a piece at a time.
class HostileConnection : public QObject {
public:
    HostileConnection(QTcpSocket *socket, HostileServer::Options options, std::shared_ptr<HostileServer::Counters> c)
        : QObject(socket)
        , m_socket(socket)
        , m_options(options)
        , m_counters(std::move(c)) {
        ++m_counters->connections;
        ++m_counters->open;
        connect(socket, &QTcpSocket::readyRead, this, &HostileConnection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &HostileConnection::pump);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
    ~HostileConnection() override { --m_counters->open; }

private:
    void onReadyRead() {
        m_request += m_socket->readAll();
        if (m_options.how == Misbehaviour::Silent) {
            m_request.clear();
            return;
        }
        if (m_answering) {
            if (m_options.how == Misbehaviour::HugeWsMessage && !m_wsStarted && !m_request.isEmpty())
                startWsMessage(); // the client's connection_init arrived
            return;
        }
        const qsizetype end = m_request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_answering = true;
        const QByteArray head = m_request.left(end);
        m_request.remove(0, end + 4);
        answer(head);
    }

    void answer(const QByteArray &head) {
        switch (m_options.how) {
        case Misbehaviour::HugeBody:
            m_remaining = m_options.bodyBytes;
            write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                  QByteArray::number(m_options.bodyBytes) + "\r\n\r\n");
            break;
        case Misbehaviour::EndlessBody:
            m_remaining = -1;
            write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
            break;
        case Misbehaviour::StalledBody:
            write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            break;
        case Misbehaviour::EndlessEvents:
            m_remaining = -1;
            write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\n");
            break;
        case Misbehaviour::ManyHeaders:
            m_headersLeft = m_options.headerCount;
            write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n");
            break;
        case Misbehaviour::InvalidGzip: {
            const QByteArray junk = QByteArray("\x1f\x8b\x08\x00", 4) + QByteArray(60, '\x7f');
            write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " +
                  QByteArray::number(junk.size()) + "\r\n\r\n" + junk);
            break;
        }
        case Misbehaviour::HugeWsMessage:
            upgrade(head);
            break;
        case Misbehaviour::Silent:
            break;
        }
        pump();
    }

    void upgrade(const QByteArray &head) {
        QByteArray key;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(line.indexOf(':') + 1).trimmed();
        }
        const QByteArray accept =
            QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
        write(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " +
            accept + "\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n");
        if (!m_request.isEmpty())
            startWsMessage();
    }

    void startWsMessage() {
        m_wsStarted = true;
        const QByteArray ack = R"({"type":"connection_ack"})";
        write(wsFrameHeader(quint64(ack.size())) + ack);
        const QByteArray prefix = R"({"type":"next","id":"1","payload":{"data":{"blob":")";
        write(wsFrameHeader(quint64(m_options.bodyBytes)) + prefix);
        m_remaining = m_options.bodyBytes - prefix.size();
    }

    // Sends the next pieces while the socket's buffer is low; called again as it drains.
    void pump() {
        while (m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesToWrite() < kHighWaterBytes) {
            if (m_headersLeft > 0) {
                QByteArray lines;
                for (int i = 0; i < 1000 && m_headersLeft > 0; ++i, --m_headersLeft)
                    lines += "X-Hostile-" + QByteArray::number(m_headersLeft) + ": yes\r\n";
                write(m_headersLeft == 0 ? lines + "Content-Length: 0\r\n\r\n" : lines);
            } else if (m_remaining > 0) {
                const QByteArray piece = filler(std::min(m_remaining, kPieceBytes));
                m_remaining -= piece.size();
                write(piece);
            } else if (m_remaining < 0 && m_options.how == Misbehaviour::EndlessEvents) {
                QByteArray events;
                for (int i = 0; i < 500; ++i)
                    events += "event: tick\ndata: {\"n\":" + QByteArray::number(++m_sequence) + "}\n\n";
                write(events);
            } else if (m_remaining < 0) {
                write(QByteArray::number(kPieceBytes, 16) + "\r\n" + filler(kPieceBytes) + "\r\n");
            } else {
                return;
            }
        }
    }

    void write(const QByteArray &bytes) {
        m_socket->write(bytes);
        m_counters->bytesSent += bytes.size();
    }

    QTcpSocket *m_socket;
    HostileServer::Options m_options;
    std::shared_ptr<HostileServer::Counters> m_counters;
    QByteArray m_request;
    bool m_answering = false;
    bool m_wsStarted = false;
    qint64 m_remaining = 0; // body bytes still to send; -1: without end
    int m_headersLeft = 0;
    qint64 m_sequence = 0;
};

} // namespace

HostileServer::HostileServer(Options options) {
    m_thread.setObjectName(QStringLiteral("hostile-server"));
    auto *server = new QTcpServer;
    m_listener = server;
    server->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
    m_thread.start();
    auto counters = m_counters;
    QMetaObject::invokeMethod(
        server,
        [this, server, options, counters] {
            QObject::connect(server, &QTcpServer::newConnection, server, [server, options, counters] {
                while (QTcpSocket *socket = server->nextPendingConnection())
                    new HostileConnection(socket, options, counters);
            });
            server->listen(QHostAddress::LocalHost, 0);
            m_port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

HostileServer::~HostileServer() {
    m_thread.quit();
    m_thread.wait();
}

QString HostileServer::url(const QString &scheme, const QString &path) const {
    return QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_port).arg(path);
}

} // namespace triptych::testing
