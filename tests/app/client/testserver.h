#pragma once

#include "server/host/orderserver.h"

#include <QString>

#include <memory>

namespace triptych::testing {

// The real order server in-process on free ports, with a small data set so the suite stays fast.
inline std::unique_ptr<OrderServer> startTestServer() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    auto server = std::make_unique<OrderServer>(options);
    if (!server->start().ok())
        return nullptr;
    return server;
}

inline QString httpBase(const OrderServer &server) {
    return QStringLiteral("http://127.0.0.1:%1").arg(server.httpPort());
}

inline QString grpcTarget(const OrderServer &server) {
    return QStringLiteral("127.0.0.1:%1").arg(server.grpcPort());
}

} // namespace triptych::testing
