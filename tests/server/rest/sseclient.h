#pragma once

// A blocking Server-Sent Events client for tests: sends the GET, reads the head, then de-chunks the body as it
// arrives so a test can wait for frames with a deadline (no sleeps).
#include <QDeadlineTimer>
#include <QTcpSocket>

#include <functional>

namespace triptych::testing {

class SseClient {
public:
    bool open(quint16 port, const QByteArray &path) {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write("GET " + path + " HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n");
        return waitUntil([this] { return !m_head.isEmpty(); });
    }
    // Reads until the condition holds, the stream ends, or the deadline passes.
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 10000) {
        QDeadlineTimer deadline(timeoutMs);
        while (!condition()) {
            if (m_ended || deadline.hasExpired())
                return condition();
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(deadline.remainingTime()))) {
                if (m_socket.state() != QAbstractSocket::ConnectedState)
                    m_ended = true;
                continue;
            }
            m_raw += m_socket.readAll();
            decode();
        }
        return true;
    }
    int count(const QByteArray &needle) const { return int(m_body.count(needle)); }
    const QByteArray &head() const { return m_head; }
    const QByteArray &body() const { return m_body; }
    // True once the last chunk (0-size) arrived or the server closed the connection.
    bool ended() const { return m_ended || m_lastChunk; }
    bool lastChunkSeen() const { return m_lastChunk; }
    void close() { m_socket.abort(); }

private:
    void decode() {
        if (m_head.isEmpty()) {
            const auto end = m_raw.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_head = m_raw.left(end);
            m_raw.remove(0, end + 4);
        }
        while (true) {
            const auto lineEnd = m_raw.indexOf("\r\n");
            if (lineEnd < 0)
                return;
            bool ok = false;
            const auto size = m_raw.left(lineEnd).toLongLong(&ok, 16);
            if (!ok || m_raw.size() < lineEnd + 2 + size + 2)
                return;
            if (size == 0)
                m_lastChunk = true;
            m_body += m_raw.mid(lineEnd + 2, size);
            m_raw.remove(0, lineEnd + 2 + size + 2);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_raw;
    QByteArray m_head;
    QByteArray m_body;
    bool m_ended = false;
    bool m_lastChunk = false;
};

} // namespace triptych::testing
