#pragma once

#include "server/domain/limits.h"
#include "server/domain/result.h"
#include "server/http/router.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace boost::asio::ssl {
class context;
} // namespace boost::asio::ssl

namespace triptych::http {

struct HttpServerOptions {
    std::string bindAddress = "127.0.0.1";
    std::uint16_t port = 0; // 0 picks a free port
    int threads = 0;        // 0: one per core the process may run on (sched_getaffinity)
    std::size_t maxBodyBytes = limits::kMaxRequestBodyBytes;
    std::size_t maxHeaderBytes = limits::kMaxRequestHeaderBytes;
    std::chrono::milliseconds idleTimeout = limits::kHttpIdleTimeout; // for a request's first byte
    std::chrono::milliseconds readTimeout = limits::kHttpReadTimeout; // from its first byte to its last
    std::chrono::milliseconds writeTimeout = limits::kHttpWriteTimeout;
    int maxConnections = limits::kMaxHttpConnections;
    std::size_t maxStreamQueueBytes = limits::kMaxStreamQueueBytes;
    // Set: every connection speaks TLS (HTTPS, WSS), terminated here, so peers keep their own address
    // (server/tls's makeServerContext builds it; a client CA in it makes the handshake require a certificate).
    std::shared_ptr<boost::asio::ssl::context> tls;
};

// The HTTP/1.1 + WebSocket front door shared by REST and GraphQL (Boost.Beast inside, plain C++ outside):
// keep-alive and pipelining, `Expect: 100-continue`, header and body limits enforced while reading (413 before a big
// body is read), idle and read timeouts, a cap on open connections (reached, it closes idle and slow connections
// before refusing a new one), and a thread pool using every core.
class HttpServer {
public:
    HttpServer(Router router, HttpServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and starts serving; returns the port. A port in use is an error that names it.
    Result<std::uint16_t> start();
    // Stops accepting, ends streams, lets answers in progress finish (up to a grace period), joins the threads.
    void stop();
    std::uint16_t port() const;
    std::size_t openConnections() const;
    // Idle or slow connections closed to make room at the connection cap, since start.
    std::uint64_t evictedConnections() const;

    class Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace triptych::http
