#include "tests/support/rawhttpconnection.h"

#include <QDeadlineTimer>

namespace triptych::testing {

bool RawHttpConnection::connectTo(quint16 port, int timeoutMs) {
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return m_socket.waitForConnected(timeoutMs);
}

void RawHttpConnection::send(const QByteArray &bytes) {
    m_socket.write(bytes);
    m_socket.waitForBytesWritten(5000);
}

bool RawHttpConnection::fill(int timeoutMs) {
    if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(timeoutMs))
        return false;
    m_buffer += m_socket.readAll();
    return true;
}

std::optional<QByteArray> RawHttpConnection::readLine(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        const auto end = m_buffer.indexOf("\r\n");
        if (end >= 0) {
            QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            return line;
        }
        if (!fill(int(deadline.remainingTime())))
            return std::nullopt;
    }
}

std::optional<QByteArray> RawHttpConnection::readExactly(qsizetype count, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_buffer.size() < count) {
        if (!fill(int(deadline.remainingTime())))
            return std::nullopt;
    }
    QByteArray data = m_buffer.left(count);
    m_buffer.remove(0, count);
    return data;
}

std::optional<RawResponse> RawHttpConnection::readResponse(int timeoutMs, bool headOnly) {
    QDeadlineTimer deadline(timeoutMs);
    auto statusLine = readLine(timeoutMs);
    if (!statusLine)
        return std::nullopt;
    RawResponse response;
    const auto parts = statusLine->split(' ');
    if (parts.size() < 2)
        return std::nullopt;
    response.status = parts[1].toInt();
    response.reason = parts.size() > 2 ? statusLine->mid(parts[0].size() + parts[1].size() + 2) : QByteArray();
    while (true) {
        auto line = readLine(int(deadline.remainingTime()));
        if (!line)
            return std::nullopt;
        if (line->isEmpty())
            break;
        const auto colon = line->indexOf(':');
        response.headers.insert(line->left(colon).trimmed().toLower(), line->mid(colon + 1).trimmed());
    }
    if (headOnly || response.status == 304 || response.status == 204 || response.status / 100 == 1)
        return response;
    if (response.header("transfer-encoding").toLower() == "chunked") {
        while (true) {
            auto sizeLine = readLine(int(deadline.remainingTime()));
            if (!sizeLine)
                return std::nullopt;
            bool ok = false;
            const qsizetype size = sizeLine->split(';').front().trimmed().toLongLong(&ok, 16);
            if (!ok)
                return std::nullopt;
            auto chunk = readExactly(size + 2, int(deadline.remainingTime()));
            if (!chunk)
                return std::nullopt;
            if (size == 0)
                return response;
            response.body += chunk->left(size);
        }
    }
    const auto length = response.header("content-length");
    if (!length.isEmpty()) {
        auto body = readExactly(length.toLongLong(), int(deadline.remainingTime()));
        if (!body)
            return std::nullopt;
        response.body = *body;
        return response;
    }
    while (fill(int(deadline.remainingTime()))) {
    }
    response.body = m_buffer;
    m_buffer.clear();
    return response;
}

bool RawHttpConnection::waitForClose(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket.waitForReadyRead(int(deadline.remainingTime())))
            m_buffer += m_socket.readAll();
        else if (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
            continue;
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

std::optional<RawResponse> rawGet(quint16 port, const QByteArray &path, const QByteArray &extraHeaders) {
    RawHttpConnection connection;
    if (!connection.connectTo(port))
        return std::nullopt;
    connection.send("GET " + path + " HTTP/1.1\r\nHost: test\r\n" + extraHeaders + "\r\n");
    return connection.readResponse();
}

} // namespace triptych::testing
