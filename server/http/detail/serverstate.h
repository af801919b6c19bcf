#pragma once

// Internal to server/http: the only headers that include Beast. Keep them out of everything else (compile time).
#include "server/http/httpserver.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace triptych::http::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

// Whether a connection may be closed to make room for another when the connection cap is reached, and since when:
// one waiting for a request (Idle) or still receiving a request's head (ReadingHead) may; one busy with a request
// may not. Its own strand moves it between phases; the acceptor claims it (Evicted) from another thread.
class Evictability {
public:
    using Clock = std::chrono::steady_clock;
    enum class Phase : std::uint8_t { Busy, Idle, ReadingHead, Evicted };

    // From Busy (no one else moves it then): starts the phase now.
    void enter(Phase phase) {
        m_since.store(Clock::now().time_since_epoch().count());
        m_phase.store(phase);
    }
    // Leaves an evictable phase; false when the acceptor claimed the connection first.
    bool move(Phase from, Phase to) {
        if (to != Phase::Busy)
            m_since.store(Clock::now().time_since_epoch().count());
        return m_phase.compare_exchange_strong(from, to);
    }
    // Since when it may be evicted, or nullopt.
    std::optional<Clock::time_point> since() const {
        const Phase phase = m_phase.load();
        if (phase != Phase::Idle && phase != Phase::ReadingHead)
            return std::nullopt;
        return Clock::time_point(Clock::duration(m_since.load()));
    }
    // The acceptor's side: true when the connection was still evictable and is now its to close.
    bool claim() {
        Phase phase = m_phase.load();
        while (phase == Phase::Idle || phase == Phase::ReadingHead)
            if (m_phase.compare_exchange_weak(phase, Phase::Evicted))
                return true;
        return false;
    }

private:
    std::atomic<Phase> m_phase{Phase::Busy};
    std::atomic<Clock::rep> m_since{0};
};

// Something the server must be able to wind down when it stops.
class Session {
public:
    virtual ~Session() = default;
    // Thread-safe; the session ends its work politely and closes.
    virtual void shutdown() = 0;
    // Null for connections that are never evicted (WebSockets).
    virtual Evictability *evictability() { return nullptr; }
    // Closes a connection whose evictability was claimed; thread-safe.
    virtual void evict() {}
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

    std::atomic<std::uint64_t> evictions{0};

    std::uint64_t enroll(const std::shared_ptr<Session> &session);
    void withdraw(std::uint64_t id);
    std::vector<std::shared_ptr<Session>> liveSessions();
    // At the connection cap: closes the connection that has waited for a request, or been receiving a head, the
    // longest, so that a client with a whole request is served instead of slow or silent ones. False when every
    // connection is busy.
    bool evictOne();

private:
    std::mutex m_mutex;
    std::uint64_t m_nextId = 1;
    struct Enrolled {
        std::weak_ptr<Session> session;
        // Read under m_mutex without locking the session: a session withdraws (under m_mutex) in its destructor
        // before its members go, so the pointer is valid while it is in the map.
        Evictability *evictability;
    };
    std::map<std::uint64_t, Enrolled> m_sessions;
};

// Starts serving one accepted connection (HTTP first; it may upgrade itself to a WebSocket).
void startHttpSession(tcp::socket socket, ServerState &state, bool overCapacity);

// Continues an upgraded connection as a WebSocket (over TLS when the connection speaks it).
struct UpgradeRequest;
class SessionSocket;
void startWebSocketSession(SessionSocket stream, ServerState &state, std::shared_ptr<UpgradeRequest> upgrade,
                           WebSocketAccept accept);

} // namespace triptych::http::detail
