#pragma once

#include "server/graphqlapi/limits.h"

#include <chrono>
#include <cstdint>
#include <functional>

namespace triptych {
struct ServiceContext;
namespace http {
class Router;
}
} // namespace triptych

namespace triptych::graphqlapi {

struct GraphqlApiOptions {
    bool dataLoader = true; // --dataloader on|off: off shows the N+1 problem
    // --gateway: resolvers call orders.v1.OrderService on this loopback port (asked on first use, since the
    // gRPC server may start after the HTTP routes are built); empty: call OrderService directly.
    std::function<std::uint16_t()> gatewayGrpcPort;
    std::chrono::milliseconds connectionInitTimeout = limits::kConnectionInitTimeout; // tests shorten it
};

// Registers POST/GET /graphql, GET /graphql/schema.graphql and the graphql-transport-ws WebSocket on /graphql.
// The context must outlive the router.
void addRoutes(http::Router &router, ServiceContext &context, GraphqlApiOptions options = {});

} // namespace triptych::graphqlapi
