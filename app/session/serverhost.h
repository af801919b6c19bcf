#pragma once

#include "app/client/resultrelay.h"
#include "app/session/serverstate.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace triptych {
class OrderServer;
}

namespace triptych::session {

// The facade over the embedded OrderServer: starts, stops and restarts it on a worker thread, since opening the
// database and binding ports must never stall the window. Busy default ports fall back to free ones
// (docs/app.md). The only class of the app that sees the server's own types.
class ServerHost : public QObject {
    Q_OBJECT
public:
    explicit ServerHost(QObject *parent = nullptr);
    ~ServerHost() override;

    // Keeps freed memory in the process for the embedded server's next request, as triptych-server does
    // (server/host/malloctuning.h); call first thing in main().
    static void keepFreedMemoryForReuse();

    // `reason` says why while it starts (the status line shows it), e.g. "DataLoader off for this question".
    void start(const ServerSettings &settings, const QString &reason = {});
    // As start(), but a port asked as 0 (any free one) keeps the port the running server has: the panes' URLs, an
    // outside client's and the user's notes stay valid across a restart.
    void restart(ServerSettings settings, const QString &reason = {});
    void stop();
    const ServerState &state() const { return m_state; }

Q_SIGNALS:
    void stateChanged(const triptych::session::ServerState &state);

private:
    void publish(const ServerState &state);

    QThreadPool m_pool; // one thread: start and stop run in the order they were asked for
    std::shared_ptr<std::unique_ptr<OrderServer>> m_server; // touched only on m_pool's thread
    client::ResultRelayPtr m_relay;
    ServerState m_state;
};

} // namespace triptych::session
