#pragma once

namespace triptych {

namespace tracing {
class Tracer;
}

class OrderService;
class EventBus;
class RateLimiter;
struct Credentials;

// What every transport (REST, GraphQL, gRPC) needs of the server; owned by the host, alive while it runs.
struct ServiceContext {
    OrderService &service;
    EventBus &events;
    const Credentials &credentials;
    RateLimiter &rateLimiter;
    tracing::Tracer &tracer;
};

} // namespace triptych
