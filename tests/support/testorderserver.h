#pragma once

#include "server/core/eventbus.h"
#include "server/host/orderserver.h"

#include <QString>

#include <memory>

namespace triptych::testing {

// The embedded order server in-process on free ports with a small data set, for tests that call it over the wire.
// The test links triptych::host.
class TestOrderServer {
public:
    bool start() {
        ServerOptions options;
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        m_server = std::make_unique<OrderServer>(options);
        return m_server->start().ok();
    }
    void stop() { m_server.reset(); }

    QString httpBase() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->httpPort()); }
    QString graphqlUrl() const { return httpBase() + QStringLiteral("/graphql"); }
    QString grpcTarget() const { return QStringLiteral("127.0.0.1:%1").arg(m_server->grpcPort()); }
    // Live subscriptions to order events (GraphQL subscriptions, SSE, gRPC follow streams).
    std::size_t eventSubscribers() const { return m_server->events()->subscriberCount(); }

private:
    std::unique_ptr<OrderServer> m_server;
};

} // namespace triptych::testing
