#pragma once

#include <QString>

namespace triptych::session {

// The embedded server's options as the window shows and edits them, in Qt values; ServerHost turns them into the
// server's own options, so nothing above session/ sees a server header.
struct ServerSettings {
    int httpPort = 8080;
    int grpcPort = 50051;
    int users = 0;              // how many users the generated data set has; 0: the server's default
    QString token;              // the bearer token writes need; empty: the server's default ("demo-token")
    QString apiKey;             // the X-API-Key value; empty: the server's default ("demo-key")
    int rateLimitPerSecond = 0; // per client address, all styles together; 0: off
    int lifecycleStepMs = 0;    // orders move PENDING → … → DELIVERED one step per this; 0: off
    bool tracing = true;        // spans, traceresponse and Server-Timing for every call
    bool dataLoader = true;     // GraphQL batches User.orders (off: the N+1 problem inside the server)
    bool gateway = false;       // GraphQL resolvers call the gRPC service over loopback
    int dbLatencyMs = 0;        // each SQL statement first waits this long, as over a network; 0: none
    bool tls = false;           // HTTPS + WSS and gRPC over TLS, with a CA generated at start (docs/contract.md)
    bool tlsClientCertificates = false; // TLS mode: require client certificates (the generated client pair)

    bool operator==(const ServerSettings &) const = default;
};

// Where a comparison sends its calls and with which credentials: the embedded server, or any server of the contract.
struct Endpoints {
    QString httpBase = QStringLiteral("http://127.0.0.1:8080"); // no trailing slash
    QString grpcTarget = QStringLiteral("127.0.0.1:50051");     // host:port
    QString token = QStringLiteral("demo-token");
    QString apiKey = QStringLiteral("demo-key");
};

// What the window shows about the embedded server; a copy made when the server started, stopped or failed.
struct ServerState {
    enum class Phase { Stopped, Starting, Running, Failed };
    Phase phase = Phase::Stopped;
    int httpPort = 0;
    int grpcPort = 0;
    ServerSettings settings; // as the server runs with them: credentials filled in
    QString error;           // why it failed, in words
    QString note;            // e.g. "HTTP port 8080 was taken, using 41234"; while starting: why it restarts
    QString tlsCaFile;       // TLS mode: the generated CA, trusted for this server only
    QString tlsClientCertificateFile;
    QString tlsClientKeyFile;

    QString httpBaseUrl() const {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(settings.tls ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(httpPort);
    }
    QString grpcTarget() const { return QStringLiteral("127.0.0.1:%1").arg(grpcPort); }
    Endpoints endpoints() const { return {httpBaseUrl(), grpcTarget(), settings.token, settings.apiKey}; }
};

} // namespace triptych::session
