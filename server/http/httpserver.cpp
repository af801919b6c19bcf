#include "server/http/httpserver.h"

#include "server/http/detail/serverstate.h"

#include <boost/asio/strand.hpp>

#include <algorithm>

#include <sched.h>
#include <thread>
#include <vector>

namespace triptych::http {
namespace detail {

std::uint64_t ServerState::enroll(const std::shared_ptr<Session> &session) {
    std::lock_guard lock(m_mutex);
    const auto id = m_nextId++;
    m_sessions.emplace(id, Enrolled{session, session->evictability()});
    return id;
}

void ServerState::withdraw(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    m_sessions.erase(id);
}

std::vector<std::shared_ptr<Session>> ServerState::liveSessions() {
    std::lock_guard lock(m_mutex);
    std::vector<std::shared_ptr<Session>> live;
    for (const auto &[id, enrolled] : m_sessions) {
        if (auto session = enrolled.session.lock())
            live.push_back(std::move(session));
    }
    return live;
}

bool ServerState::evictOne() {
    // A scan for the oldest (no sort: under a slowloris this runs for every accept); a connection that became busy
    // between the scan and the claim is skipped and the scan runs again.
    for (int attempt = 0; attempt < 4; ++attempt) {
        std::shared_ptr<Session> oldest;
        {
            std::lock_guard lock(m_mutex);
            const Enrolled *found = nullptr;
            Evictability::Clock::time_point oldestSince = Evictability::Clock::time_point::max();
            for (const auto &[id, enrolled] : m_sessions) {
                const auto since = enrolled.evictability ? enrolled.evictability->since() : std::nullopt;
                if (since && *since < oldestSince) {
                    oldestSince = *since;
                    found = &enrolled;
                }
            }
            if (!found)
                return false;
            oldest = found->session.lock();
        }
        if (oldest && oldest->evictability()->claim()) {
            oldest->evict();
            ++evictions;
            return true;
        }
    }
    return false;
}

} // namespace detail

using namespace detail;

namespace {

// The cores this process may run on (taskset, cgroup cpusets), not the machine's: more threads than that only hand
// each request from one thread to another on the same core (futex wake-ups, context switches).
int usableCores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace

class HttpServer::Impl {
public:
    Impl(Router router, HttpServerOptions options)
        : m_router(std::move(router))
        , m_options(std::move(options))
        , m_state(m_router, m_options)
        , m_threadCount(m_options.threads > 0 ? m_options.threads : usableCores())
        , m_io(m_threadCount) // a hint of 1 lets Asio skip waking other threads for work posted from its own
        , m_acceptor(net::make_strand(m_io)) {}

    Result<std::uint16_t> start();
    void stop();
    void accept();

    Router m_router;
    HttpServerOptions m_options;
    ServerState m_state;
    int m_threadCount;
    net::io_context m_io;
    tcp::acceptor m_acceptor;
    std::vector<std::thread> m_threads;
    std::uint16_t m_port = 0;
    bool m_running = false;
};

Result<std::uint16_t> HttpServer::Impl::start() {
    beast::error_code ec;
    const auto address = net::ip::make_address(m_options.bindAddress, ec);
    if (ec)
        return DomainError{ErrorCode::InvalidArgument, "'" + m_options.bindAddress + "' is not an IP address"};
    const tcp::endpoint endpoint(address, m_options.port);
    m_acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        m_acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        m_acceptor.bind(endpoint, ec);
    if (!ec)
        m_acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        const std::string where = m_options.bindAddress + ":" + std::to_string(m_options.port);
        const auto code = ec == net::error::address_in_use ? ErrorCode::Unavailable : ErrorCode::Internal;
        return DomainError{code,
                           "cannot listen on " + where + ": " + ec.message(),
                           {},
                           ec == net::error::address_in_use ? "ADDRESS_IN_USE" : "LISTEN_FAILED"};
    }
    m_port = m_acceptor.local_endpoint().port();
    accept();
    for (int i = 0; i < m_threadCount; ++i)
        m_threads.emplace_back([this] { m_io.run(); });
    m_running = true;
    return m_port;
}

void HttpServer::Impl::accept() {
    m_acceptor.async_accept(net::make_strand(m_io), [this](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !m_acceptor.is_open())
            return;
        if (!ec) {
            const bool overCapacity = m_state.connections.load() >= m_options.maxConnections && !m_state.evictOne();
            startHttpSession(std::move(socket), m_state, overCapacity);
        }
        accept();
    });
}

void HttpServer::Impl::stop() {
    if (!m_running)
        return;
    m_running = false;
    m_state.stopping = true;
    net::post(m_acceptor.get_executor(), [this] {
        beast::error_code ignored;
        m_acceptor.close(ignored);
    });
    for (const auto &session : m_state.liveSessions())
        session->shutdown();
    // Give answers in flight and stream endings a moment, then stop whatever is left.
    const auto deadline = std::chrono::steady_clock::now() + limits::kServerStopGrace;
    while (m_state.connections.load() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    m_io.stop();
    for (auto &thread : m_threads)
        thread.join();
    m_threads.clear();
}

HttpServer::HttpServer(Router router, HttpServerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(router), std::move(options))) {}

HttpServer::~HttpServer() {
    stop();
}

Result<std::uint16_t> HttpServer::start() {
    return m_impl->start();
}

void HttpServer::stop() {
    m_impl->stop();
}

std::uint16_t HttpServer::port() const {
    return m_impl->m_port;
}

std::size_t HttpServer::openConnections() const {
    return static_cast<std::size_t>(std::max(0, m_impl->m_state.connections.load()));
}

std::uint64_t HttpServer::evictedConnections() const {
    return m_impl->m_state.evictions.load();
}

} // namespace triptych::http
