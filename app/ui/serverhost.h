#pragma once

#include "app/client/resultrelay.h"
#include "server/host/serveroptions.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace triptych {
class OrderServer;
}

namespace triptych::ui {

// What the status line shows about the embedded server; a copy made on the server's worker thread.
struct ServerState {
    enum class Phase { Stopped, Starting, Running, Failed };
    Phase phase = Phase::Stopped;
    int httpPort = 0;
    int grpcPort = 0;
    ServerOptions options;
    QString error; // why it failed, in words
    QString note;  // e.g. "8080 was taken: using 41234"

    QString httpBaseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(httpPort); }
    QString grpcTarget() const { return QStringLiteral("127.0.0.1:%1").arg(grpcPort); }
};

// Owns the embedded OrderServer and starts, stops and restarts it on a worker thread, since opening the database
// and binding ports must never stall the window. Busy default ports fall back to free ones (API-CONTRACT.md).
class ServerHost : public QObject {
    Q_OBJECT
public:
    explicit ServerHost(QObject *parent = nullptr);
    ~ServerHost() override;

    void start(const ServerOptions &options);
    void restart(const ServerOptions &options) { start(options); }
    void stop();
    const ServerState &state() const { return m_state; }

Q_SIGNALS:
    void stateChanged(const triptych::ui::ServerState &state);

private:
    void publish(const ServerState &state);

    QThreadPool m_pool; // one thread: start and stop run in the order they were asked for
    std::shared_ptr<std::unique_ptr<OrderServer>> m_server; // touched only on m_pool's thread
    client::ResultRelayPtr m_relay;
    ServerState m_state;
};

} // namespace triptych::ui
