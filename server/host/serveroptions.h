#pragma once

#include "server/domain/credentials.h"
#include "server/domain/limits.h"
#include "server/tls/tlsoptions.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace triptych {

// Everything `triptych-server --help` offers; the app sets the same fields.
struct ServerOptions {
    std::string bindAddress = "127.0.0.1";
    std::uint16_t httpPort = 8080;
    std::uint16_t grpcPort = 50051;
    int users = limits::kDefaultUsers;
    std::string databasePath; // empty: a fresh temporary database for this run
    Credentials credentials;
    std::chrono::milliseconds lifecycleStep{0}; // 0: orders stay as they are created
    int httpThreads = 0;                        // 0: one per core the process may run on
    int rateLimitPerSecond = 0;                 // per client address, all styles together; 0: off
    bool tracing = true;                        // spans, traceresponse and Server-Timing for every call
    std::string otlpEndpoint;                   // also export spans as OTLP/HTTP JSON to this collector URL
    bool dataLoader = true;                     // GraphQL batches User.orders/friends, Order.user (off: N+1)
    bool gateway = false;                       // GraphQL resolvers call the gRPC service over loopback
    bool responseCache = false;                 // HTTP answers kept until the next write (ResponseCache)
    std::chrono::milliseconds dbLatency{0};     // each SQL statement waits this long, as over a network; 0: none
    tls::TlsOptions tls;                        // HTTPS + WSS on the HTTP port, gRPC over TLS (docs/contract.md)
    // Bytes waiting for one slow SSE / WebSocket client before it is dropped (WebSocket: close 4500); not a
    // command-line option, tests make it small to reach the limit quickly.
    std::size_t streamQueueBytes = limits::kMaxStreamQueueBytes;
    // How often free heap memory goes back to the kernel (MemoryTrimmer); 0: never.
    std::chrono::milliseconds memoryTrimInterval = limits::kMemoryTrimInterval;
};

} // namespace triptych
