#include "server/tls/tlsfront.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace triptych::tls {
namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

// A client that connects and never completes the handshake is dropped after this long.
constexpr std::chrono::seconds kHandshakeTimeout{10};
// After the server closed, how long the client may take to answer our close_notify before the socket is closed;
// many clients (Qt among them) never answer it, and the close is what ends a `Connection: close` answer for them.
constexpr std::chrono::milliseconds kCloseNotifyGrace{50};
constexpr std::size_t kRelayBufferBytes = 16 * 1024; // one TLS record

DomainError frontError(const std::string &message, const std::string &reason = "TLS_SETUP") {
    return DomainError{ErrorCode::Unavailable, message, {}, reason};
}

// One client connection: TLS towards the client, plain TCP towards the HTTP server, bytes relayed both ways.
// Everything runs on the connection's strand.
class Tunnel : public std::enable_shared_from_this<Tunnel> {
public:
    Tunnel(tcp::socket socket, ssl::context &context, std::uint16_t backendPort, std::atomic<std::uint64_t> &failed)
        : m_tls(std::move(socket), context)
        , m_plain(m_tls.get_executor())
        , m_timer(m_tls.get_executor())
        , m_backendPort(backendPort)
        , m_failed(failed) {}

    void start() {
        m_timer.expires_after(kHandshakeTimeout);
        m_timer.async_wait([self = shared_from_this()](error_code ec) {
            if (!ec)
                self->closeAll();
        });
        m_tls.async_handshake(ssl::stream_base::server, [self = shared_from_this()](error_code ec) {
            self->m_timer.cancel();
            if (ec) {
                ++self->m_failed;
                return self->closeAll();
            }
            self->connectBackend();
        });
    }

private:
    void connectBackend() {
        const tcp::endpoint backend(net::ip::make_address("127.0.0.1"), m_backendPort);
        m_plain.async_connect(backend, [self = shared_from_this()](error_code ec) {
            if (ec)
                return self->closeAll();
            error_code ignored;
            self->m_plain.set_option(tcp::no_delay(true), ignored);
            self->relayUp();
            self->relayDown();
        });
    }

    // Client → server. The client's close (or close_notify) half-closes the plain side, so a pipelined answer
    // still comes back.
    void relayUp() {
        m_tls.async_read_some(net::buffer(m_up), [self = shared_from_this()](error_code ec, std::size_t n) {
            if (ec) {
                error_code ignored;
                self->m_plain.shutdown(tcp::socket::shutdown_send, ignored);
                return;
            }
            net::async_write(self->m_plain, net::buffer(self->m_up, n), [self](error_code writeError, std::size_t) {
                if (writeError)
                    return self->closeAll();
                self->relayUp();
            });
        });
    }

    // Server → client. The server's close ends the TLS session with close_notify, then the connection.
    void relayDown() {
        m_plain.async_read_some(net::buffer(m_down), [self = shared_from_this()](error_code ec, std::size_t n) {
            if (ec) {
                self->m_tls.async_shutdown([self](error_code) { self->closeAll(); });
                self->m_timer.expires_after(kCloseNotifyGrace);
                self->m_timer.async_wait([self](error_code timerError) {
                    if (!timerError)
                        self->closeAll();
                });
                return;
            }
            net::async_write(self->m_tls, net::buffer(self->m_down, n), [self](error_code writeError, std::size_t) {
                if (writeError)
                    return self->closeAll();
                self->relayDown();
            });
        });
    }

    void closeAll() {
        error_code ignored;
        m_timer.cancel();
        m_tls.lowest_layer().close(ignored);
        m_plain.close(ignored);
    }

    ssl::stream<tcp::socket> m_tls;
    tcp::socket m_plain;
    net::steady_timer m_timer;
    std::uint16_t m_backendPort;
    std::atomic<std::uint64_t> &m_failed;
    std::array<char, kRelayBufferBytes> m_up{};
    std::array<char, kRelayBufferBytes> m_down{};
};

} // namespace

class TlsFront::Impl {
public:
    Impl(TlsMaterial material, TlsFrontOptions options)
        : m_material(std::move(material))
        , m_options(std::move(options)) {}

    Status configure();
    void accept();

    TlsMaterial m_material;
    TlsFrontOptions m_options;
    ssl::context m_context{ssl::context::tls_server};
    net::io_context m_io;
    tcp::acceptor m_acceptor{m_io};
    std::vector<std::thread> m_threads;
    std::uint16_t m_port = 0;
    std::atomic<std::uint64_t> m_failed{0};
};

Status TlsFront::Impl::configure() {
    error_code ec;
    m_context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                              ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1,
                          ec);
    const auto &server = m_material.server;
    m_context.use_certificate_chain(net::buffer(server.certificatePem), ec);
    if (ec)
        return frontError("the TLS certificate cannot be used: " + ec.message());
    m_context.use_private_key(net::buffer(server.keyPem), ssl::context::pem, ec);
    if (ec)
        return frontError("the TLS key cannot be used (does it belong to the certificate?): " + ec.message());
    if (!m_material.clientCaPem.empty()) {
        m_context.add_certificate_authority(net::buffer(m_material.clientCaPem), ec);
        if (ec)
            return frontError("the client CA cannot be used: " + ec.message());
        m_context.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
    }
    // HTTP/1.1 only: the HTTP server behind speaks no HTTP/2, so ALPN offers nothing else.
    SSL_CTX_set_alpn_select_cb(
        m_context.native_handle(),
        [](SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *in, unsigned inLength,
           void *) {
            static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
            unsigned char *selected = nullptr;
            if (SSL_select_next_proto(&selected, outLength, http11, sizeof http11, in, inLength) !=
                OPENSSL_NPN_NEGOTIATED)
                return SSL_TLSEXT_ERR_NOACK;
            *out = selected;
            return SSL_TLSEXT_ERR_OK;
        },
        nullptr);
    return Done{};
}

void TlsFront::Impl::accept() {
    m_acceptor.async_accept(net::make_strand(m_io), [this](error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !m_acceptor.is_open())
            return;
        if (!ec) {
            error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            std::make_shared<Tunnel>(std::move(socket), m_context, m_options.backendPort, m_failed)->start();
        }
        accept();
    });
}

TlsFront::TlsFront(TlsMaterial material, TlsFrontOptions options)
    : m_impl(std::make_unique<Impl>(std::move(material), std::move(options))) {}

TlsFront::~TlsFront() {
    stop();
}

Result<std::uint16_t> TlsFront::start() {
    if (auto configured = m_impl->configure(); !configured)
        return configured.error();
    error_code ec;
    const auto address = net::ip::make_address(m_impl->m_options.bindAddress, ec);
    if (ec)
        return frontError("cannot listen on '" + m_impl->m_options.bindAddress + "': " + ec.message());
    const tcp::endpoint endpoint(address, m_impl->m_options.port);
    auto &acceptor = m_impl->m_acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return frontError("port " + std::to_string(m_impl->m_options.port) + ": " + ec.message(), "ADDRESS_IN_USE");
    m_impl->m_port = acceptor.local_endpoint().port();
    m_impl->accept();
    for (int i = 0; i < std::max(1, m_impl->m_options.threads); ++i)
        m_impl->m_threads.emplace_back([io = &m_impl->m_io] { io->run(); });
    return m_impl->m_port;
}

void TlsFront::stop() {
    if (m_impl->m_threads.empty())
        return;
    net::post(m_impl->m_io, [impl = m_impl.get()] {
        error_code ignored;
        impl->m_acceptor.close(ignored);
    });
    // Relayed connections end with the io_context: stopping it drops their handlers and closes their sockets.
    m_impl->m_io.stop();
    for (auto &thread : m_impl->m_threads)
        thread.join();
    m_impl->m_threads.clear();
}

std::uint16_t TlsFront::port() const {
    return m_impl->m_port;
}

std::uint64_t TlsFront::failedHandshakes() const {
    return m_impl->m_failed.load();
}

} // namespace triptych::tls
