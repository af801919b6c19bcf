#pragma once

#include <QByteArray>
#include <QMap>
#include <QTcpSocket>

#include <optional>

namespace triptych::testing {

struct RawResponse {
    int status = 0;
    QByteArray reason;                    // the status line's reason phrase
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;                      // de-chunked
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// A byte-level HTTP/1.1 client for testing the front door: it sends exactly what a test writes (garbage, partial
// headers, pipelined requests) and reads answers with a deadline, blocking the test thread only.
class RawHttpConnection {
public:
    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // One whole response (Content-Length, chunked, or until close), or none within the timeout.
    std::optional<RawResponse> readResponse(int timeoutMs = 5000, bool headOnly = false);
    // True when the server closes the connection within the timeout.
    bool waitForClose(int timeoutMs = 5000);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return m_socket; }

private:
    bool fill(int timeoutMs);
    std::optional<QByteArray> readLine(int timeoutMs);
    std::optional<QByteArray> readExactly(qsizetype count, int timeoutMs);

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// GET path on a fresh connection; convenient for one-shot checks.
std::optional<RawResponse> rawGet(quint16 port, const QByteArray &path, const QByteArray &extraHeaders = {});

} // namespace triptych::testing
