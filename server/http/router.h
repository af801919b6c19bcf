#pragma once

#include "server/http/httpmessage.h"

#include <functional>
#include <string>
#include <vector>

namespace triptych::http {

using Handler = std::function<HttpResponse(HttpRequest &)>;
// Runs around every routed request (tracing, rate limiting); calls next to go on.
using Middleware = std::function<HttpResponse(HttpRequest &, const Handler &next)>;
using WebSocketAcceptor = std::function<WebSocketAccept(const HttpRequest &)>;

struct RouteInfo {
    std::string method;
    std::string pattern;
};

// Maps method + path template ("/v1/users/{id}") to handlers. Unknown paths answer 404, known paths with another
// method 405 with `Allow`; HEAD is served by the GET handler without the body. Immutable once the server runs.
class Router {
public:
    void add(std::string method, std::string pattern, Handler handler);
    void addWebSocket(std::string pattern, WebSocketAcceptor acceptor);
    void addMiddleware(Middleware middleware) { m_middlewares.push_back(std::move(middleware)); }

    // Fills request.route and request.pathParams and runs the handler through the middlewares.
    HttpResponse dispatch(HttpRequest &request) const;
    // Passes an answer the front door gives before routing (400, 413, 431) through the middlewares, so it is
    // traced like any other; the request holds what could be read of it.
    HttpResponse refuse(HttpRequest &request, HttpResponse answer) const;
    // The acceptor for a WebSocket upgrade on this path, or null.
    const WebSocketAcceptor *findWebSocket(HttpRequest &request) const;
    std::vector<RouteInfo> routes() const;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments; // "{name}" segments capture
        Handler handler;
    };
    struct WebSocketRoute {
        std::vector<std::string> segments;
        std::string pattern;
        WebSocketAcceptor acceptor;
    };

    static bool matches(const std::vector<std::string> &segments, const std::vector<std::string> &path,
                        std::map<std::string, std::string> *captures);
    static HttpResponse notRouted(const HttpRequest &request, std::vector<std::string> allowed);
    HttpResponse runMiddlewares(HttpRequest &request, const Handler &handler, std::size_t index) const;

    std::vector<Route> m_routes;
    std::vector<WebSocketRoute> m_webSockets;
    std::vector<Middleware> m_middlewares;
};

std::vector<std::string> splitPath(std::string_view path);

} // namespace triptych::http
