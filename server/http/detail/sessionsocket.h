#pragma once

// Internal to server/http: the byte stream under one connection, plain TCP or TLS over it. The HTTP session reads
// and writes through it alike, so there is one copy of the HTTP code; the WebSocket session takes over the stream
// it holds (ws::stream over either).
#include "server/http/detail/serverstate.h"

#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <utility>
#include <variant>

namespace triptych::http::detail {

class SessionSocket {
public:
    using TlsStream = beast::ssl_stream<beast::tcp_stream>;
    using executor_type = beast::tcp_stream::executor_type;

    // With a context the connection speaks TLS, starting with the handshake.
    SessionSocket(tcp::socket socket, net::ssl::context *tls)
        : m_stream(tls ? Variant(std::in_place_type<TlsStream>, std::move(socket), *tls)
                       : Variant(std::in_place_type<beast::tcp_stream>, std::move(socket))) {}

    bool isTls() const { return std::holds_alternative<TlsStream>(m_stream); }
    executor_type get_executor() { return lowest().get_executor(); }

    // Asio's AsyncReadStream and AsyncWriteStream, so Beast's reads and writes take it as they take a tcp_stream.
    template <class Buffers, class Handler> void async_read_some(const Buffers &buffers, Handler &&handler) {
        std::visit([&](auto &stream) { stream.async_read_some(buffers, std::forward<Handler>(handler)); }, m_stream);
    }
    template <class Buffers, class Handler> void async_write_some(const Buffers &buffers, Handler &&handler) {
        std::visit([&](auto &stream) { stream.async_write_some(buffers, std::forward<Handler>(handler)); }, m_stream);
    }
    // The server side of the TLS handshake (a client certificate checked when the context asks for one).
    template <class Handler> void async_handshake(Handler &&handler) {
        std::get<TlsStream>(m_stream).async_handshake(net::ssl::stream_base::server, std::forward<Handler>(handler));
    }

    // The TCP layer's deadline covers every read and write above it, TLS records included.
    template <class Duration> void expires_after(Duration duration) { lowest().expires_after(duration); }
    void expires_never() { lowest().expires_never(); }
    tcp::socket &socket() { return lowest().socket(); }
    void close() { lowest().close(); }

    // Gives the stream away (to the WebSocket session): calls take(stream) with the tcp_stream or the TLS stream.
    template <class Take> void handOver(Take &&take) {
        std::visit([&](auto &stream) { take(std::move(stream)); }, m_stream);
    }

private:
    using Variant = std::variant<beast::tcp_stream, TlsStream>;

    beast::tcp_stream &lowest() {
        return std::visit([](auto &stream) -> beast::tcp_stream & { return beast::get_lowest_layer(stream); },
                          m_stream);
    }

    Variant m_stream;
};

} // namespace triptych::http::detail
