#include "app/ui/serverhost.h"

#include "server/host/orderserver.h"

#include <array>
#include <utility>

namespace triptych::ui {

namespace {

// Tries the asked ports first, then a free one for whichever is taken: the app must come up even when another
// Triptych or service holds 8080 or 50051.
ServerState startServer(std::unique_ptr<OrderServer> &server, const ServerOptions &asked) {
    ServerState state;
    state.options = asked;
    const std::array<std::pair<bool, bool>, 4> fallbacks{{{false, false}, {true, false}, {false, true}, {true, true}}};
    QString lastError;
    for (const auto &[freeHttp, freeGrpc] : fallbacks) {
        if ((freeHttp && asked.httpPort == 0) || (freeGrpc && asked.grpcPort == 0))
            continue;
        ServerOptions options = asked;
        options.httpPort = freeHttp ? 0 : asked.httpPort;
        options.grpcPort = freeGrpc ? 0 : asked.grpcPort;
        auto candidate = std::make_unique<OrderServer>(options);
        const Status status = candidate->start();
        if (status.ok()) {
            server = std::move(candidate);
            state.phase = ServerState::Phase::Running;
            state.httpPort = server->httpPort();
            state.grpcPort = server->grpcPort();
            QStringList notes;
            if (freeHttp)
                notes << QStringLiteral("HTTP port %1 was taken, using %2").arg(asked.httpPort).arg(state.httpPort);
            if (freeGrpc)
                notes << QStringLiteral("gRPC port %1 was taken, using %2").arg(asked.grpcPort).arg(state.grpcPort);
            state.note = notes.join(QStringLiteral("; "));
            return state;
        }
        lastError = QString::fromStdString(status.error().message);
        if (status.error().reason != "ADDRESS_IN_USE")
            break;
    }
    state.phase = ServerState::Phase::Failed;
    state.error = lastError.isEmpty() ? QStringLiteral("the server did not start") : lastError;
    return state;
}

} // namespace

ServerHost::ServerHost(QObject *parent)
    : QObject(parent)
    , m_server(std::make_shared<std::unique_ptr<OrderServer>>())
    , m_relay(std::make_shared<client::ResultRelay>(this)) {
    m_pool.setMaxThreadCount(1);
}

ServerHost::~ServerHost() {
    m_relay->detach();
    stop();
    m_pool.waitForDone();
}

void ServerHost::start(const ServerOptions &options) {
    ServerState starting;
    starting.phase = ServerState::Phase::Starting;
    starting.options = options;
    publish(starting);
    auto server = m_server;
    auto relay = m_relay;
    m_pool.start([this, server, relay, options] {
        if (*server) {
            (*server)->stop();
            server->reset();
        }
        const ServerState state = startServer(*server, options);
        relay->post([this, state] { publish(state); });
    });
}

void ServerHost::stop() {
    auto server = m_server;
    auto relay = m_relay;
    ServerOptions options = m_state.options;
    m_pool.start([this, server, relay, options] {
        if (*server) {
            (*server)->stop();
            server->reset();
        }
        ServerState stopped;
        stopped.options = options;
        relay->post([this, stopped] { publish(stopped); });
    });
}

void ServerHost::publish(const ServerState &state) {
    m_state = state;
    Q_EMIT stateChanged(m_state);
}

} // namespace triptych::ui
