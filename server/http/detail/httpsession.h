#pragma once

// Internal to server/http: one HTTP/1.1 connection. httpsession.cpp reads requests and writes answers;
// httpsessionstream.cpp writes streamed answers (Server-Sent Events).
#include "server/http/detail/requestreading.h"
#include "server/http/detail/serverstate.h"
#include "server/http/detail/sessionsocket.h"
#include "server/http/problem.h"

#include <boost/beast/http.hpp>

#include <array>
#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace triptych::http::detail {

using BeastResponse = bhttp::response<bhttp::string_body>;

// The status line says what the problem+json title says (RFC 9110's names: "Content Too Large", not Beast's older
// "Payload Too Large").
template <class Message> void setReason(Message &message, int status) {
    if (const auto phrase = reasonPhrase(status); phrase != "Unknown")
        message.reason(phrase);
}

class HttpSession : public Session, public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(SessionSocket stream, ServerState &state)
        : m_stream(std::move(stream))
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
    Evictability *evictability() override { return &m_evictability; }
    void evict() override;

    // The streamed-answer side, used through SessionStream.
    bool queueChunk(std::string chunk);
    void endStream();
    bool streamOpen() const { return m_streamOpen.load(); }
    void setOnStreamClosed(std::function<void()> callback);

private:
    void serve(bool overCapacity);
    void handshake(bool overCapacity); // TLS: before the first request (httpsessiontls.cpp)
    void readHeader();
    void onFirstBytes(beast::error_code ec, std::size_t bytes);
    void readHead();
    void onHeader(beast::error_code ec);
    void readBody();
    void onBody(beast::error_code ec);
    void handleRequest();
    void handleUpgrade(bhttp::request<bhttp::string_body> message);
    void sendResponse(HttpResponse response, bool keepAlive, bool headOnly, unsigned version,
                      bool unknownLength = false);
    bool writeWhole(HttpResponse &response, unsigned version, bool close);
    void sendError(int status, std::string detail, bool bodyUnread);
    void onWritten(bool close, beast::error_code ec);
    void startStream(HttpResponse response, unsigned version);
    void writeNextChunk();
    void watchForDisconnect();
    void streamClosed();
    void lingerAndClose();
    void closeNow();

    SessionSocket m_stream;
    beast::flat_buffer m_buffer;
    ServerState &m_state;
    std::uint64_t m_id = 0;
    std::string m_remote;
    std::optional<Parser> m_parser;
    std::shared_ptr<void> m_inFlight; // the message being written
    bool m_waitingForRequest = false;
    Evictability m_evictability;
    bool m_closeAfterWrite = false;
    bool m_lingerAfterWrite = false;
    std::string m_head; // the head of the answer being written by writeWhole, its capacity kept between answers
    std::string m_body; // that answer's body

    // Streaming state (strand-confined except where atomic or under m_streamMutex).
    std::atomic<bool> m_streamOpen{false};
    std::mutex m_streamMutex;
    std::deque<std::string> m_chunks;
    std::size_t m_queuedBytes = 0;
    bool m_streamEnding = false;
    bool m_writingChunk = false; // the stream's head or one of its chunks is being written
    std::function<void()> m_onStreamClosed;
    std::array<char, 512> m_discard{};
};

// The sending side of a streamed answer, handed to the route's producer.
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

} // namespace triptych::http::detail
