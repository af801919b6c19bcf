#include "server/http/detail/httpsession.h"
#include "server/http/detail/requestreading.h"
#include "server/http/detail/upgraderequest.h"
#include "server/http/problem.h"
#include "server/http/responsehead.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

namespace triptych::http::detail {
namespace {

// Bytes of an unread body we still swallow before closing, so the client reads our error instead of a reset.
constexpr std::size_t kLingerDiscardBytes = 32 * 1024 * 1024;
constexpr std::chrono::milliseconds kLingerTime{1000};
// What the first read of a request takes in at most; the parser reads the rest of the head from there.
constexpr std::size_t kFirstReadBytes = 4096;

} // namespace

void HttpSession::start(bool overCapacity) {
    m_id = m_state.enroll(shared_from_this());
    net::dispatch(m_stream.get_executor(), [self = shared_from_this(), overCapacity] {
        if (self->m_stream.isTls())
            return self->handshake(overCapacity);
        self->serve(overCapacity);
    });
}

void HttpSession::serve(bool overCapacity) {
    if (overCapacity) {
        auto response = problemResponse(503, "The server has too many open connections; retry shortly.");
        response.headers.set("Retry-After", "1");
        return sendResponse(std::move(response), false, false, 11);
    }
    readHeader();
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

void HttpSession::evict() {
    net::post(m_stream.get_executor(), [self = shared_from_this()] { self->closeNow(); });
}

void HttpSession::readHeader() {
    if (m_state.stopping)
        return closeNow();
    m_parser.emplace();
    limitParser(*m_parser, m_state.options);
    m_waitingForRequest = true;
    if (m_buffer.size() > 0) { // pipelined: the next request has begun
        m_evictability.enter(Evictability::Phase::ReadingHead);
        return readHead();
    }
    // Waiting for a request is bounded by the idle timeout; once its first byte is in, the read timeout runs.
    m_evictability.enter(Evictability::Phase::Idle);
    m_stream.expires_after(m_state.options.idleTimeout);
    m_stream.async_read_some(
        m_buffer.prepare(kFirstReadBytes),
        [self = shared_from_this()](beast::error_code ec, std::size_t bytes) { self->onFirstBytes(ec, bytes); });
}

void HttpSession::onFirstBytes(beast::error_code ec, std::size_t bytes) {
    if (ec || bytes == 0)
        return closeNow(); // idle timeout, the client left, or an eviction closed the socket
    m_buffer.commit(bytes);
    if (!m_evictability.move(Evictability::Phase::Idle, Evictability::Phase::ReadingHead))
        return closeNow();
    readHead();
}

void HttpSession::readHead() {
    // One deadline from the request's first byte to its last (head and body): a client trickling its head a byte
    // at a time is closed after the read timeout, not held for the idle timeout.
    m_stream.expires_after(m_state.options.readTimeout);
    bhttp::async_read_header(m_stream, m_buffer, *m_parser,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
}

void HttpSession::onHeader(beast::error_code ec) {
    m_waitingForRequest = false;
    if (!m_evictability.move(Evictability::Phase::ReadingHead, Evictability::Phase::Busy))
        return closeNow(); // evicted while its head came in
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
    if (response.stream && !headOnly)
        return startStream(std::move(response), version);
    // HEAD of a stream: the head GET would get, without a Content-Length the stream does not have (RFC 9110 §9.3.2,
    // §8.6); no body, so the connection stays usable.
    const bool unknownLength = response.stream != nullptr;
    response.stream = nullptr;
    sendResponse(std::move(response), keepAlive, headOnly, version, unknownLength);
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

void HttpSession::sendResponse(HttpResponse response, bool keepAlive, bool headOnly, unsigned version,
                               bool unknownLength) {
    if (!headOnly && !unknownLength &&
        writeWhole(response, version, !keepAlive || response.closeConnection || m_closeAfterWrite))
        return;
    auto message = std::make_shared<BeastResponse>(static_cast<bhttp::status>(response.status), version);
    setReason(*message, response.status);
    for (const auto &field : response.headers.fields())
        message->insert(field.name, field.value);
    if (!message->count(bhttp::field::server))
        message->set(bhttp::field::server, "triptych");
    const std::size_t length = response.body.size();
    message->body() = std::move(response.body);
    if (!unknownLength)
        message->prepare_payload();
    if (headOnly) {
        message->body().clear();
        if (!unknownLength)
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

// The common answer without Beast's field list: its head into a buffer the connection keeps, then head and body in
// one gathered write (one sendmsg). False when the answer needs Beast's rules (appendResponseHead) or goes over TLS.
bool HttpSession::writeWhole(HttpResponse &response, unsigned version, bool close) {
    if (m_stream.isTls())
        return false; // the direct send below writes to the TCP socket: over TLS, Beast's write through the stream
    m_head.clear();
    if (!appendResponseHead(m_head, response, version, close))
        return false;
    m_body = std::move(response.body);
    // Most answers fit the socket's send buffer: one non-blocking send writes them whole, without arming the write
    // timer and dispatching its completion. What it leaves goes on asynchronously under the write timeout.
    beast::error_code ec;
    auto &socket = m_stream.socket();
    if (!socket.non_blocking())
        socket.non_blocking(true, ec);
    const std::size_t sent = ec ? 0 : socket.send(std::array{net::buffer(m_head), net::buffer(m_body)}, 0, ec);
    if (ec == net::error::would_block || ec == net::error::try_again)
        ec = {};
    if (ec || sent == m_head.size() + m_body.size()) {
        std::string().swap(m_body); // a large body is not kept for the connection's life
        onWritten(close, ec);
        return true;
    }
    const std::size_t headSent = std::min(sent, m_head.size());
    const std::array rest{net::buffer(m_head) + headSent, net::buffer(m_body) + (sent - headSent)};
    m_stream.expires_after(m_state.options.writeTimeout);
    net::async_write(m_stream, rest, [self = shared_from_this(), close](beast::error_code writeError, std::size_t) {
        std::string().swap(self->m_body);
        self->onWritten(close, writeError);
    });
    return true;
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
    // Beast reports end_of_stream for a message only a close could delimit: here only the HEAD of a stream, which
    // has no body, so the connection stays usable.
    if (ec == bhttp::error::end_of_stream && !close)
        ec = {};
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

void startHttpSession(tcp::socket socket, ServerState &state, bool overCapacity) {
    std::make_shared<HttpSession>(SessionSocket(std::move(socket), state.options.tls.get()), state)
        ->start(overCapacity);
}

} // namespace triptych::http::detail
