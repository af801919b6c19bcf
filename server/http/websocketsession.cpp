#include "server/http/detail/serverstate.h"
#include "server/http/detail/sessionsocket.h"
#include "server/http/detail/upgraderequest.h"
#include "server/json/utf8.h"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <deque>

namespace triptych::http::detail {
namespace {

namespace ws = beast::websocket;

// Bytes one read takes in at most, so a message over the limit is noticed within this much of it.
constexpr std::size_t kReadChunkBytes = 64 * 1024;

// A close frame's reason is UTF-8 of at most 123 bytes (RFC 6455 §5.5.1, §5.5): longer text is cut on a character
// boundary rather than refused (Beast's reason type throws beyond that, which left the socket never closing).
std::string closeReasonText(std::string_view reason) {
    constexpr std::size_t kMaxReasonBytes = 123;
    std::string text = json::toValidUtf8(reason);
    if (text.size() <= kMaxReasonBytes)
        return text;
    std::size_t cut = kMaxReasonBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    text.resize(cut);
    return text;
}

// NextLayer: beast::tcp_stream, or the TLS stream over it (WSS).
template <class NextLayer>
class WebSocketSession : public Session,
                         public WebSocketConnection,
                         public std::enable_shared_from_this<WebSocketSession<NextLayer>> {
public:
    WebSocketSession(NextLayer stream, ServerState &state, std::shared_ptr<WebSocketHandler> handler)
        : m_socket(std::move(stream))
        , m_state(state)
        , m_handler(std::move(handler)) {
        ++m_state.connections;
    }
    ~WebSocketSession() override {
        --m_state.connections;
        m_state.withdraw(m_id);
    }

    void start(std::shared_ptr<UpgradeRequest> upgrade, std::string subprotocol, Headers headers);
    void shutdown() override { close(static_cast<std::uint16_t>(ws::close_code::going_away), "server stopping"); }
    bool sendText(std::string message) override;
    void close(std::uint16_t code, std::string reason) override;

private:
    void read();
    void writeNext();
    void finish(std::uint16_t code);

    using std::enable_shared_from_this<WebSocketSession>::shared_from_this;

    ws::stream<NextLayer> m_socket;
    ServerState &m_state;
    std::shared_ptr<WebSocketHandler> m_handler;
    std::uint64_t m_id = 0;
    beast::flat_buffer m_buffer;

    std::mutex m_mutex; // guards the queue fields below, which other threads fill
    std::deque<std::string> m_queue;
    std::size_t m_queuedBytes = 0;
    bool m_open = false;
    bool m_closing = false;
    std::optional<ws::close_reason> m_pendingClose;
    bool m_writing = false;
    bool m_finished = false;
};

template <class NextLayer>
void WebSocketSession<NextLayer>::start(std::shared_ptr<UpgradeRequest> upgrade, std::string subprotocol,
                                        Headers headers) {
    m_id = m_state.enroll(shared_from_this());
    m_socket.set_option(ws::stream_base::timeout::suggested(beast::role_type::server));
    // The message limit is checked in read(), not by Beast, which answers an oversized frame with 1009 and then
    // closes while the client is still sending it: the client sees a reset (1006) instead of the 1009.
    m_socket.read_message_max(0);
    m_socket.set_option(ws::stream_base::decorator([subprotocol, headers](ws::response_type &response) {
        response.set(beast::http::field::server, "triptych");
        if (!subprotocol.empty())
            response.set(beast::http::field::sec_websocket_protocol, subprotocol);
        for (const auto &field : headers.fields())
            response.set(field.name, field.value);
    }));
    m_socket.async_accept(upgrade->message, [self = shared_from_this(), upgrade](beast::error_code ec) {
        if (ec)
            return self->finish(static_cast<std::uint16_t>(ws::close_code::abnormal));
        {
            std::lock_guard lock(self->m_mutex);
            self->m_open = true;
        }
        self->m_handler->onOpen(self);
        self->read();
    });
}

template <class NextLayer> void WebSocketSession<NextLayer>::read() {
    m_socket.async_read_some(m_buffer, kReadChunkBytes, [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) {
            const auto code = ec == ws::error::closed ? self->m_socket.reason().code
                                                      : static_cast<std::uint16_t>(ws::close_code::abnormal);
            return self->finish(code);
        }
        if (self->m_buffer.size() > self->m_state.options.maxBodyBytes) {
            // Beast's closing handshake reads and discards the rest of the message until the client's close frame
            // comes back, so the client reads the 1009 however much it still had to send.
            self->m_buffer.clear();
            self->m_buffer.shrink_to_fit();
            return self->close(static_cast<std::uint16_t>(ws::close_code::too_big),
                               "message over " + std::to_string(self->m_state.options.maxBodyBytes) + " bytes");
        }
        if (!self->m_socket.is_message_done())
            return self->read();
        std::string message = beast::buffers_to_string(self->m_buffer.data());
        self->m_buffer.consume(self->m_buffer.size());
        self->m_handler->onMessage(std::move(message), !self->m_socket.got_text());
        self->read();
    });
}

template <class NextLayer> bool WebSocketSession<NextLayer>::sendText(std::string message) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_open || m_closing)
            return false;
        if (m_queuedBytes + message.size() > m_state.options.maxStreamQueueBytes)
            return false;
        m_queuedBytes += message.size();
        m_queue.push_back(std::move(message));
    }
    net::dispatch(m_socket.get_executor(), [self = shared_from_this()] { self->writeNext(); });
    return true;
}

template <class NextLayer> void WebSocketSession<NextLayer>::close(std::uint16_t code, std::string reason) {
    ws::close_reason frame(static_cast<ws::close_code>(code));
    frame.reason = closeReasonText(reason);
    {
        std::lock_guard lock(m_mutex);
        if (m_closing)
            return;
        m_closing = true;
        m_pendingClose = std::move(frame);
    }
    net::dispatch(m_socket.get_executor(), [self = shared_from_this()] { self->writeNext(); });
}

template <class NextLayer> void WebSocketSession<NextLayer>::writeNext() {
    if (m_writing || m_finished)
        return;
    std::shared_ptr<std::string> data;
    std::optional<ws::close_reason> closing;
    {
        std::lock_guard lock(m_mutex);
        if (!m_open)
            return;
        if (!m_queue.empty()) {
            data = std::make_shared<std::string>(std::move(m_queue.front()));
            m_queue.pop_front();
            m_queuedBytes -= data->size();
        } else if (m_pendingClose) {
            closing = std::exchange(m_pendingClose, std::nullopt);
        } else {
            return;
        }
    }
    m_writing = true;
    if (closing) {
        // Queued messages go out first; the close frame follows them.
        m_socket.async_close(*closing, [self = shared_from_this(), code = closing->code](beast::error_code) {
            self->m_writing = false;
            self->finish(code);
        });
        return;
    }
    m_socket.text(true);
    m_socket.async_write(net::buffer(*data), [self = shared_from_this(), data](beast::error_code ec, std::size_t) {
        self->m_writing = false;
        if (ec)
            return self->finish(static_cast<std::uint16_t>(ws::close_code::abnormal));
        self->writeNext();
    });
}

template <class NextLayer> void WebSocketSession<NextLayer>::finish(std::uint16_t code) {
    if (m_finished)
        return;
    m_finished = true;
    {
        std::lock_guard lock(m_mutex);
        m_open = false;
        m_closing = true;
        m_queue.clear();
    }
    beast::error_code ignored;
    beast::get_lowest_layer(m_socket).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(m_socket).close();
    m_handler->onClosed(code);
}

} // namespace

void startWebSocketSession(SessionSocket stream, ServerState &state, std::shared_ptr<UpgradeRequest> upgrade,
                           WebSocketAccept accept) {
    stream.handOver([&](auto next) {
        using Connection = WebSocketSession<decltype(next)>;
        auto session = std::make_shared<Connection>(std::move(next), state, std::move(accept.handler));
        session->start(std::move(upgrade), std::move(accept.subprotocol), std::move(accept.headers));
    });
}

} // namespace triptych::http::detail
