#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The plain C++ face of the HTTP front door: handlers see these types, never Beast's.
namespace triptych::http {

// Header fields in arrival order; names compare case-insensitively (RFC 9110 §5.1).
class Headers {
public:
    struct Field {
        std::string name;
        std::string value;
    };

    std::optional<std::string_view> find(std::string_view name) const;
    std::string_view value(std::string_view name) const { return find(name).value_or(std::string_view()); }
    bool contains(std::string_view name) const { return find(name).has_value(); }
    // Replaces every field of that name with one.
    void set(std::string_view name, std::string value);
    void add(std::string name, std::string value) { m_fields.push_back({std::move(name), std::move(value)}); }
    void remove(std::string_view name);
    const std::vector<Field> &fields() const { return m_fields; }

private:
    std::vector<Field> m_fields;
};

bool equalsIgnoringCase(std::string_view a, std::string_view b);
std::string percentDecode(std::string_view text);
// The path and query of a request target (RFC 9112 §3.2): an absolute-form target ("http://host:8080/a?b", which a
// server must accept) becomes "/a?b"; an origin-form one ("/a?b") is returned as it is.
std::string originForm(std::string_view target);

struct HttpRequest {
    std::string method; // as sent, e.g. "GET"
    std::string target; // path and query as sent
    std::string path;   // percent-decoded path
    std::string query;  // raw query string without '?'
    Headers headers;
    std::string body;
    std::string remoteAddress;
    unsigned version = 11;
    std::string route;                             // the matched route template, e.g. "/v1/users/{id}"
    std::map<std::string, std::string> pathParams; // captured from the template

    std::string_view header(std::string_view name) const { return headers.value(name); }
    // The first value of a query parameter, percent-decoded ('+' is a space, as forms send it).
    std::optional<std::string> queryParam(std::string_view name) const;
    std::string_view pathParam(const std::string &name) const;
};

// The sending side of a streamed answer (Server-Sent Events), owned by the connection. Thread-safe.
class ResponseStream {
public:
    virtual ~ResponseStream() = default;
    // Queues a chunk; false when the client has gone or is too slow (its queue is over the limit).
    virtual bool write(std::string chunk) = 0;
    // Ends the answer; the connection closes after the queued chunks.
    virtual void end() = 0;
    virtual bool isOpen() const = 0;
    // Called once, on a server thread, when the client leaves or the server stops.
    virtual void onClosed(std::function<void()> callback) = 0;
};

struct HttpResponse {
    int status = 200;
    Headers headers;
    std::string body;
    // For a streamed answer: the head goes out first (chunked), then this is called with the stream to write to.
    std::function<void(std::shared_ptr<ResponseStream>)> stream;
    // Forces the connection to close after this answer.
    bool closeConnection = false;

    static HttpResponse text(int status, std::string body, std::string contentType);
    static HttpResponse json(int status, std::string body) { return text(status, std::move(body), "application/json"); }
};

// The sending side of an accepted WebSocket, owned by the connection. Thread-safe.
class WebSocketConnection {
public:
    virtual ~WebSocketConnection() = default;
    // False when the socket is closed or its send queue is over the limit.
    virtual bool sendText(std::string message) = 0;
    virtual void close(std::uint16_t code, std::string reason) = 0;
};

// What a WebSocket endpoint does with its connection; calls come one at a time, on server threads.
class WebSocketHandler {
public:
    virtual ~WebSocketHandler() = default;
    virtual void onOpen(std::shared_ptr<WebSocketConnection> connection) = 0;
    virtual void onMessage(std::string message, bool binary) = 0;
    // The peer closed, the network failed, or the server stopped.
    virtual void onClosed(std::uint16_t code) = 0;
};

// The answer to an upgrade request: a handler and the chosen subprotocol, or an HTTP answer refusing it.
struct WebSocketAccept {
    std::shared_ptr<WebSocketHandler> handler;
    std::string subprotocol;
    Headers headers; // more fields of the 101 answer (traceresponse)
    HttpResponse refusal;
};

} // namespace triptych::http
