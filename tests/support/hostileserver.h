#pragma once

#include <QThread>

#include <atomic>
#include <memory>

namespace triptych::testing {

// How a HostileServer answers every connection (the app's side of issue 23: servers that are broken or hostile).
enum class Misbehaviour {
    HugeBody,      // 200 with a Content-Length of bodyBytes, sent in full, generated as it goes
    EndlessBody,   // a chunked 200 whose chunks never stop
    StalledBody,   // a chunked 200 that sends one chunk, then nothing, never ending it
    ManyHeaders,   // a 200 with headerCount headers before its (empty) body
    InvalidGzip,   // Content-Encoding: gzip over bytes that are not gzip
    Silent,        // takes the connection and the request, sends nothing: also a TLS port stalled mid-handshake
    HugeWsMessage, // a WebSocket upgrade (graphql-transport-ws), connection_ack, then one text frame of bodyBytes
    EndlessEvents, // a text/event-stream of small events that never stops
};

// A raw TCP server on 127.0.0.1 (port 0) that misbehaves on purpose, on a thread of its own so that it keeps sending
// while the test's thread waits. What it sends is generated as the socket drains, never held whole in memory.
class HostileServer {
public:
    struct Options {
        Misbehaviour how = Misbehaviour::Silent;
        qint64 bodyBytes = 2LL * 1024 * 1024 * 1024;
        int headerCount = 100'000;
    };

    explicit HostileServer(Options options);
    ~HostileServer();
    HostileServer(const HostileServer &) = delete;
    HostileServer &operator=(const HostileServer &) = delete;

    quint16 port() const { return m_port; }
    QString url(const QString &scheme = QStringLiteral("http"), const QString &path = QStringLiteral("/")) const;
    int connections() const { return m_counters->connections; }
    qint64 bytesSent() const { return m_counters->bytesSent; }
    int openConnections() const { return m_counters->open; }

    struct Counters {
        std::atomic<int> connections{0};
        std::atomic<int> open{0};
        std::atomic<qint64> bytesSent{0};
    };

private:
    QThread m_thread;
    QObject *m_listener = nullptr; // lives on m_thread
    std::shared_ptr<Counters> m_counters = std::make_shared<Counters>();
    quint16 m_port = 0;
};

} // namespace triptych::testing
