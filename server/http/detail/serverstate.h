#pragma once

// Internal to server/http: the only headers that include Beast. Keep them out of everything else (compile time).
#include "server/http/httpserver.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>

namespace triptych::http::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

// Something the server must be able to wind down when it stops.
class Session {
public:
    virtual ~Session() = default;
    // Thread-safe; the session ends its work politely and closes.
    virtual void shutdown() = 0;
};

// What every connection shares: the routes, the limits, and the registry used to stop them all.
struct ServerState {
    ServerState(const Router &r, const HttpServerOptions &o)
        : router(r)
        , options(o) {}

    const Router &router;
    const HttpServerOptions &options;
    std::atomic<int> connections{0};
    std::atomic<bool> stopping{false};

    std::uint64_t enroll(const std::shared_ptr<Session> &session);
    void withdraw(std::uint64_t id);
    std::vector<std::shared_ptr<Session>> liveSessions();

private:
    std::mutex m_mutex;
    std::uint64_t m_nextId = 1;
    std::map<std::uint64_t, std::weak_ptr<Session>> m_sessions;
};

// Starts serving one accepted connection (HTTP first; it may upgrade itself to a WebSocket).
void startHttpSession(tcp::socket socket, ServerState &state, bool overCapacity);

// Continues an upgraded connection as a WebSocket.
struct UpgradeRequest;
void startWebSocketSession(beast::tcp_stream stream, ServerState &state, std::shared_ptr<UpgradeRequest> upgrade,
                           WebSocketAccept accept);

} // namespace triptych::http::detail
