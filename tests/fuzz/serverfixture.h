#pragma once

// The order server's parts without sockets, for the fuzz targets of its HTTP and WebSocket front: a small data set
// in a temporary SQLite database, the service layer, tracing on, and credentials no fuzzer will guess (so no input
// writes, and the database stays the size it started).
#include "server/core/eventbus.h"
#include "server/core/orderservice.h"
#include "server/core/ratelimiter.h"
#include "server/core/servicecontext.h"
#include "server/domain/credentials.h"
#include "server/store/database.h"
#include "server/tracing/tracer.h"

#include <cstdlib>
#include <memory>
#include <random>

namespace triptych::fuzz {

struct ServerFixture {
    ServerFixture() {
        auto opened = store::Database::open({{}, 60});
        if (!opened)
            std::abort();
        database = std::move(*opened);
        service = std::make_unique<OrderService>(*database, events);
        std::random_device random;
        credentials.token = "fuzz-" + std::to_string(random()) + std::to_string(random());
        credentials.apiKey = "fuzz-" + std::to_string(random()) + std::to_string(random());
        context = std::make_unique<ServiceContext>(ServiceContext{*service, events, credentials, rateLimiter, tracer});
    }

    std::unique_ptr<store::Database> database;
    EventBus events;
    std::unique_ptr<OrderService> service;
    Credentials credentials;
    RateLimiter rateLimiter{0};
    tracing::Tracer tracer{true};
    std::unique_ptr<ServiceContext> context;
};

} // namespace triptych::fuzz
