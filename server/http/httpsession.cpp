#include "server/http/detail/serverstate.h"
#include "server/http/detail/upgraderequest.h"
#include "server/http/problem.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <array>
#include <deque>

namespace triptych::http::detail {
namespace {

namespace bhttp = beast::http;
using Parser = bhttp::request_parser<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

// Bytes of an unread body we still swallow before closing, so the client reads our error instead of a reset.
constexpr std::size_t kLingerDiscardBytes = 32 * 1024 * 1024;
constexpr std::chrono::milliseconds kLingerTime{1000};

HttpRequest toHttpRequest(const bhttp::request<bhttp::string_body> &message, std::string remote) {
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    const auto question = request.target.find('?');
    request.path = percentDecode(std::string_view(request.target).substr(0, question));
    if (question != std::string::npos)
        request.query = request.target.substr(question + 1);
    for (const auto &field : message)
        request.headers.add(std::string(field.name_string()), std::string(field.value()));
    request.body = message.body();
    request.version = message.version();
    request.remoteAddress = std::move(remote);
    return request;
}

class HttpSession : public Session, public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket socket, ServerState &state)
        : m_stream(std::move(socket))
        , m_state(state) {
        beast::error_code ec;
        const auto endpoint = m_stream.socket().remote_endpoint(ec);
        if (!ec)
            m_remote = endpoint.address().to_string();
        // Small writes (SSE events, WebSocket messages, a GraphQL `complete` after its `next`) go out at once
        // instead of waiting up to 40 ms for the peer's delayed ACK (Nagle); whole answers are one write anyway.
        m_stream.socket().set_option(tcp::no_delay(true), ec);
        ++m_state.connections;
    }
    ~HttpSession() override {
        --m_state.connections;
        m_state.withdraw(m_id);
    }

    void start(bool overCapacity);
    void shutdown() override;

    // The streamed-answer side, used through SessionStream.
    bool queueChunk(std::string chunk);
    void endStream();
    bool streamOpen() const { return m_streamOpen.load(); }
    void setOnStreamClosed(std::function<void()> callback);

private:
    void readHeader();
    void onHeader(beast::error_code ec);
    void readBody();
    void onBody(beast::error_code ec);
    void handleRequest();
    void handleUpgrade(bhttp::request<bhttp::string_body> message);
    void sendResponse(HttpResponse response, bool keepAlive, bool headOnly, unsigned version);
    void sendError(int status, std::string detail, bool bodyUnread);
    void onWritten(bool close, beast::error_code ec);
    void startStream(HttpResponse response, unsigned version);
    void writeNextChunk();
    void watchForDisconnect();
    void streamClosed();
    void lingerAndClose();
    void closeNow();

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    ServerState &m_state;
    std::uint64_t m_id = 0;
    std::string m_remote;
    std::optional<Parser> m_parser;
    std::shared_ptr<void> m_inFlight; // the message being written
    bool m_waitingForRequest = false;
    bool m_closeAfterWrite = false;
    bool m_lingerAfterWrite = false;

    // Streaming state (strand-confined except where atomic or under m_streamMutex).
    std::atomic<bool> m_streamOpen{false};
    std::mutex m_streamMutex;
    std::deque<std::string> m_chunks;
    std::size_t m_queuedBytes = 0;
    bool m_streamEnding = false;
    bool m_writingChunk = false;
    std::function<void()> m_onStreamClosed;
    std::array<char, 512> m_discard{};

    friend void triptych::http::detail::startHttpSession(tcp::socket, ServerState &, bool);
};

class SessionStream : public ResponseStream {
public:
    explicit SessionStream(std::shared_ptr<HttpSession> session)
        : m_session(std::move(session)) {}
    bool write(std::string chunk) override { return m_session->queueChunk(std::move(chunk)); }
    void end() override { m_session->endStream(); }
    bool isOpen() const override { return m_session->streamOpen(); }
    void onClosed(std::function<void()> callback) override { m_session->setOnStreamClosed(std::move(callback)); }

private:
    std::shared_ptr<HttpSession> m_session;
};

void HttpSession::start(bool overCapacity) {
    m_id = m_state.enroll(shared_from_this());
    net::dispatch(m_stream.get_executor(), [self = shared_from_this(), overCapacity] {
        if (overCapacity) {
            auto response = problemResponse(503, "The server has too many open connections; retry shortly.");
            response.headers.set("Retry-After", "1");
            self->sendResponse(std::move(response), false, false, 11);
            return;
        }
        self->readHeader();
    });
}

void HttpSession::shutdown() {
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] {
        self->m_closeAfterWrite = true;
        if (self->m_streamOpen)
            self->endStream();
        else if (self->m_waitingForRequest && self->m_buffer.size() == 0)
            self->closeNow();
    });
}

void HttpSession::readHeader() {
    if (m_state.stopping)
        return closeNow();
    m_parser.emplace();
    m_parser->header_limit(static_cast<std::uint32_t>(m_state.options.maxHeaderBytes));
    m_parser->body_limit(m_state.options.maxBodyBytes);
    m_waitingForRequest = true;
    m_stream.expires_after(m_buffer.size() > 0 ? m_state.options.readTimeout : m_state.options.idleTimeout);
    bhttp::async_read_header(m_stream, m_buffer, *m_parser,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
}

void HttpSession::onHeader(beast::error_code ec) {
    m_waitingForRequest = false;
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted || ec == net::error::eof)
        return closeNow();
    // A timed-out stream is already closed by Beast, so a slow or silent client just loses the connection.
    if (ec == beast::error::timeout)
        return closeNow();
    if (ec == bhttp::error::body_limit) // a Content-Length over the limit is refused while parsing the head
        return sendError(
            413, "The body is over the limit of " + std::to_string(m_state.options.maxBodyBytes) + " bytes.", true);
    if (ec == bhttp::error::header_limit)
        return sendError(431,
                         "The request's header fields are larger than " +
                             std::to_string(m_state.options.maxHeaderBytes) + " bytes.",
                         true);
    if (ec)
        return sendError(400, "Malformed HTTP request: " + ec.message() + ".", true);

    auto &message = m_parser->get();
    if (beast::websocket::is_upgrade(message))
        return handleUpgrade(m_parser->release());
    if (const auto length = m_parser->content_length(); length && *length > m_state.options.maxBodyBytes)
        return sendError(413,
                         "The body of " + std::to_string(*length) + " bytes is over the limit of " +
                             std::to_string(m_state.options.maxBodyBytes) + " bytes.",
                         true);
    if (beast::iequals(message[bhttp::field::expect], "100-continue")) {
        auto interim = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
        m_inFlight = interim;
        bhttp::async_write(m_stream, *interim, [self = shared_from_this()](beast::error_code writeError, std::size_t) {
            if (writeError)
                return self->closeNow();
            self->readBody();
        });
        return;
    }
    readBody();
}

void HttpSession::readBody() {
    if (m_parser->is_done())
        return handleRequest();
    m_stream.expires_after(m_state.options.readTimeout);
    bhttp::async_read(m_stream, m_buffer, *m_parser,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onBody(ec); });
}

void HttpSession::onBody(beast::error_code ec) {
    if (ec == bhttp::error::body_limit)
        return sendError(
            413, "The body is over the limit of " + std::to_string(m_state.options.maxBodyBytes) + " bytes.", true);
    if (ec == beast::error::timeout)
        return closeNow();
    if (ec == bhttp::error::end_of_stream || ec == net::error::eof || ec == net::error::operation_aborted)
        return closeNow();
    if (ec)
        return sendError(400, "Malformed HTTP request body: " + ec.message() + ".", true);
    handleRequest();
}

void HttpSession::handleRequest() {
    auto message = m_parser->release();
    const bool keepAlive = message.keep_alive() && !m_state.stopping;
    const bool headOnly = message.method() == bhttp::verb::head;
    const unsigned version = message.version();
    HttpRequest request = toHttpRequest(message, m_remote);
    HttpResponse response;
    try {
        response = m_state.router.dispatch(request);
    } catch (const std::exception &error) {
        response = problemResponse(500, std::string("The handler failed: ") + error.what());
    } catch (...) {
        response = problemResponse(500, "The handler failed.");
    }
    if (response.stream)
        return startStream(std::move(response), version);
    sendResponse(std::move(response), keepAlive, headOnly, version);
}

void HttpSession::handleUpgrade(bhttp::request<bhttp::string_body> message) {
    HttpRequest request = toHttpRequest(message, m_remote);
    const auto *acceptor = m_state.router.findWebSocket(request);
    if (!acceptor)
        return sendResponse(problemResponse(404, "No WebSocket endpoint at " + request.path + "."), false, false, 11);
    WebSocketAccept accept;
    try {
        accept = (*acceptor)(request);
    } catch (...) {
        accept.refusal = problemResponse(500, "The WebSocket endpoint failed.");
    }
    if (!accept.handler) {
        if (accept.refusal.status < 400)
            accept.refusal = problemResponse(400, "The WebSocket upgrade was refused.");
        return sendResponse(std::move(accept.refusal), false, false, message.version());
    }
    auto upgrade = std::make_shared<UpgradeRequest>(UpgradeRequest{std::move(message)});
    m_stream.expires_never();
    startWebSocketSession(std::move(m_stream), m_state, std::move(upgrade), std::move(accept));
}

void HttpSession::sendResponse(HttpResponse response, bool keepAlive, bool headOnly, unsigned version) {
    auto message = std::make_shared<BeastResponse>(static_cast<bhttp::status>(response.status), version);
    for (const auto &field : response.headers.fields())
        message->insert(field.name, field.value);
    if (!message->count(bhttp::field::server))
        message->set(bhttp::field::server, "triptych");
    const std::size_t length = response.body.size();
    message->body() = std::move(response.body);
    message->prepare_payload();
    if (headOnly) {
        message->body().clear();
        message->content_length(length);
    }
    const bool close = !keepAlive || response.closeConnection || m_closeAfterWrite;
    message->keep_alive(!close);
    m_inFlight = message;
    m_stream.expires_after(m_state.options.writeTimeout);
    bhttp::async_write(m_stream, *message, [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
        self->onWritten(close, ec);
    });
}

void HttpSession::sendError(int status, std::string detail, bool bodyUnread) {
    m_lingerAfterWrite = bodyUnread;
    // The head is known when only the body was refused; after a malformed or oversized head nothing is.
    HttpRequest request =
        m_parser && m_parser->is_header_done() ? toHttpRequest(m_parser->get(), m_remote) : HttpRequest{};
    request.body.clear(); // a refused body is not the request's
    request.remoteAddress = m_remote;
    HttpResponse response;
    try {
        response = m_state.router.refuse(request, problemResponse(status, std::move(detail)));
    } catch (...) {
        response = problemResponse(status, "The request was refused.");
    }
    sendResponse(std::move(response), false, false, 11);
}

void HttpSession::onWritten(bool close, beast::error_code ec) {
    m_inFlight.reset();
    if (ec)
        return closeNow();
    if (close)
        return m_lingerAfterWrite ? lingerAndClose() : closeNow();
    readHeader();
}

void HttpSession::lingerAndClose() {
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    m_stream.expires_after(kLingerTime);
    auto discarded = std::make_shared<std::size_t>(0);
    auto drain = std::make_shared<std::function<void()>>();
    *drain = [self = shared_from_this(), discarded, drain] {
        self->m_stream.async_read_some(net::buffer(self->m_discard),
                                       [self, discarded, drain](beast::error_code ec, std::size_t n) {
                                           *discarded += n;
                                           if (ec || *discarded > kLingerDiscardBytes) {
                                               self->closeNow();
                                               *drain = nullptr; // breaks the self-reference
                                               return;
                                           }
                                           (*drain)();
                                       });
    };
    (*drain)();
}

void HttpSession::closeNow() {
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    m_stream.close();
}

// ---- Streamed answers (Server-Sent Events): chunked transfer, a bounded queue, disconnect detection ----

void HttpSession::startStream(HttpResponse response, unsigned version) {
    auto head =
        std::make_shared<bhttp::response<bhttp::empty_body>>(static_cast<bhttp::status>(response.status), version);
    for (const auto &field : response.headers.fields())
        head->insert(field.name, field.value);
    head->set(bhttp::field::server, "triptych");
    head->chunked(true);
    head->keep_alive(false);
    auto serializer = std::make_shared<bhttp::response_serializer<bhttp::empty_body>>(*head);
    m_inFlight = std::make_shared<std::pair<decltype(head), decltype(serializer)>>(head, serializer);
    m_streamOpen = true;
    m_stream.expires_after(m_state.options.writeTimeout);
    bhttp::async_write_header(
        m_stream, *serializer,
        [self = shared_from_this(), producer = std::move(response.stream)](beast::error_code ec, std::size_t) {
            self->m_inFlight.reset();
            if (ec)
                return self->streamClosed();
            self->m_stream.expires_never();
            self->watchForDisconnect();
            try {
                producer(std::make_shared<SessionStream>(self));
            } catch (...) {
                self->endStream();
            }
        });
}

bool HttpSession::queueChunk(std::string chunk) {
    if (chunk.empty())
        return m_streamOpen;
    {
        std::lock_guard lock(m_streamMutex);
        if (!m_streamOpen || m_streamEnding)
            return false;
        if (m_queuedBytes + chunk.size() > m_state.options.maxStreamQueueBytes) {
            // A client that cannot keep up loses the stream rather than the server its memory.
            m_streamEnding = true;
            m_chunks.clear();
            m_queuedBytes = 0;
        } else {
            m_queuedBytes += chunk.size();
            m_chunks.push_back(std::move(chunk));
        }
    }
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->writeNextChunk(); });
    return true;
}

void HttpSession::endStream() {
    {
        std::lock_guard lock(m_streamMutex);
        if (!m_streamOpen)
            return;
        m_streamEnding = true;
    }
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->writeNextChunk(); });
}

void HttpSession::setOnStreamClosed(std::function<void()> callback) {
    std::lock_guard lock(m_streamMutex);
    if (!m_streamOpen) {
        m_onStreamClosed = nullptr;
        net::post(m_stream.get_executor(), std::move(callback));
        return;
    }
    m_onStreamClosed = std::move(callback);
}

void HttpSession::writeNextChunk() {
    if (m_writingChunk || !m_streamOpen)
        return;
    std::shared_ptr<std::string> data;
    bool last = false;
    {
        std::lock_guard lock(m_streamMutex);
        if (!m_chunks.empty()) {
            data = std::make_shared<std::string>(std::move(m_chunks.front()));
            m_chunks.pop_front();
            m_queuedBytes -= data->size();
        } else if (m_streamEnding) {
            last = true;
        } else {
            return;
        }
    }
    m_writingChunk = true;
    m_stream.expires_after(m_state.options.writeTimeout);
    auto done = [self = shared_from_this(), data, last](beast::error_code ec, std::size_t) {
        self->m_writingChunk = false;
        if (ec || last)
            return self->streamClosed();
        self->m_stream.expires_never();
        self->writeNextChunk();
    };
    if (last)
        net::async_write(m_stream, bhttp::make_chunk_last(), std::move(done));
    else
        net::async_write(m_stream, bhttp::make_chunk(net::buffer(*data)), std::move(done));
}

void HttpSession::watchForDisconnect() {
    // The client sends nothing on a stream; a read that ends means it has gone.
    m_stream.async_read_some(net::buffer(m_discard), [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec)
            return self->streamClosed();
        self->watchForDisconnect();
    });
}

void HttpSession::streamClosed() {
    std::function<void()> callback;
    {
        std::lock_guard lock(m_streamMutex);
        if (!m_streamOpen)
            return;
        m_streamOpen = false;
        m_chunks.clear();
        callback = std::move(m_onStreamClosed);
    }
    closeNow();
    if (callback)
        callback();
}

} // namespace

void startHttpSession(tcp::socket socket, ServerState &state, bool overCapacity) {
    std::make_shared<HttpSession>(std::move(socket), state)->start(overCapacity);
}

} // namespace triptych::http::detail
