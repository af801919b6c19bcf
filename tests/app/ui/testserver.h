#pragma once

#include "app/session/serverstate.h"
#include "server/host/orderserver.h"

#include <memory>

// The embedded order server on free ports, started in-process for a widget test, with the state the window sees.
class TestServer {
public:
    bool start() {
        triptych::ServerOptions options;
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        m_server = std::make_unique<triptych::OrderServer>(options);
        if (!m_server->start().ok())
            return false;
        m_state.phase = triptych::session::ServerState::Phase::Running;
        m_state.httpPort = m_server->httpPort();
        m_state.grpcPort = m_server->grpcPort();
        m_state.settings.users = options.users;
        m_state.settings.token = QString::fromStdString(options.credentials.token);
        m_state.settings.apiKey = QString::fromStdString(options.credentials.apiKey);
        return true;
    }
    const triptych::session::ServerState &state() const { return m_state; }

private:
    std::unique_ptr<triptych::OrderServer> m_server;
    triptych::session::ServerState m_state;
};
