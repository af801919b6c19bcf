#include "server/http/router.h"

#include "server/http/problem.h"

#include <algorithm>

namespace triptych::http {

std::vector<std::string> splitPath(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start)
            segments.emplace_back(path.substr(start, end - start));
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    return segments;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
    auto segments = splitPath(pattern);
    m_routes.push_back({std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

void Router::addWebSocket(std::string pattern, WebSocketAcceptor acceptor) {
    auto segments = splitPath(pattern);
    m_webSockets.push_back({std::move(segments), std::move(pattern), std::move(acceptor)});
}

bool Router::matches(const std::vector<std::string> &segments, const std::vector<std::string> &path,
                     std::map<std::string, std::string> *captures) {
    if (segments.size() != path.size())
        return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto &segment = segments[i];
        const bool isCapture = segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
        if (isCapture) {
            if (captures)
                (*captures)[segment.substr(1, segment.size() - 2)] = path[i];
        } else if (segment != path[i]) {
            return false;
        }
    }
    return true;
}

HttpResponse Router::dispatch(HttpRequest &request) const {
    const auto path = splitPath(request.path);
    const std::string_view method = request.method == "HEAD" ? std::string_view("GET") : request.method;
    std::vector<std::string> allowed;
    for (const auto &route : m_routes) {
        std::map<std::string, std::string> captures;
        if (!matches(route.segments, path, &captures))
            continue;
        if (route.method != method) {
            if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end())
                allowed.push_back(route.method);
            continue;
        }
        request.route = route.pattern;
        request.pathParams = std::move(captures);
        return runMiddlewares(request, route.handler, 0);
    }
    // Unrouted answers pass the middlewares too, so they are traced and rate limited like the others.
    const Handler refuse = [&allowed](HttpRequest &refused) { return notRouted(refused, allowed); };
    return runMiddlewares(request, refuse, 0);
}

HttpResponse Router::refuse(HttpRequest &request, HttpResponse answer) const {
    const Handler answered = [&answer](HttpRequest &) { return std::move(answer); };
    return runMiddlewares(request, answered, 0);
}

HttpResponse Router::notRouted(const HttpRequest &request, std::vector<std::string> allowed) {
    if (allowed.empty())
        return problemResponse(404, "No route matches " + request.path + "; GET /openapi.json lists the routes.");
    if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end())
        allowed.push_back("HEAD");
    std::string allow;
    for (const auto &name : allowed)
        allow += (allow.empty() ? "" : ", ") + name;
    auto response =
        problemResponse(405, request.method + " is not allowed on " + request.path + "; use " + allow + ".");
    response.headers.set("Allow", allow);
    return response;
}

HttpResponse Router::runMiddlewares(HttpRequest &request, const Handler &handler, std::size_t index) const {
    if (index == m_middlewares.size())
        return handler(request);
    return m_middlewares[index](request, [&](HttpRequest &next) { return runMiddlewares(next, handler, index + 1); });
}

const WebSocketAcceptor *Router::findWebSocket(HttpRequest &request) const {
    const auto path = splitPath(request.path);
    for (const auto &route : m_webSockets) {
        if (matches(route.segments, path, &request.pathParams)) {
            request.route = route.pattern;
            return &route.acceptor;
        }
    }
    return nullptr;
}

std::vector<RouteInfo> Router::routes() const {
    std::vector<RouteInfo> infos;
    for (const auto &route : m_routes)
        infos.push_back({route.method, route.pattern});
    return infos;
}

} // namespace triptych::http
