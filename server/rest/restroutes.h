#pragma once

#include "server/rest/limits.h"

#include <chrono>

namespace triptych {
struct ServiceContext;
namespace http {
class Router;
}
} // namespace triptych

namespace triptych::rest {

struct RestOptions {
    // Tests shorten it to see heartbeats without waiting.
    std::chrono::milliseconds sseHeartbeat = limits::kSseHeartbeatInterval;
};

// Registers every REST route of the contract (/v1, /v2, the SSE stream, /debug/dataset) and GET /openapi.json.
// The context must outlive the router.
void addRoutes(http::Router &router, ServiceContext &context, RestOptions options = {});

} // namespace triptych::rest
