#pragma once

#include "app/ui/serverhost.h"
#include "server/host/orderserver.h"

#include <memory>

// The embedded order server on free ports, started in-process for a widget test (DESIGN.md §4).
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
        m_state.phase = triptych::ui::ServerState::Phase::Running;
        m_state.httpPort = m_server->httpPort();
        m_state.grpcPort = m_server->grpcPort();
        m_state.options = options;
        return true;
    }
    const triptych::ui::ServerState &state() const { return m_state; }

private:
    std::unique_ptr<triptych::OrderServer> m_server;
    triptych::ui::ServerState m_state;
};
