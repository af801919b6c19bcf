#include "server/host/httproutes.h"

#include "server/core/ratelimiter.h"
#include "server/core/servicecontext.h"
#include "server/domain/credentials.h"
#include "server/graphqlapi/graphqlapi.h"
#include "server/grpc/grpcapi.h"
#include "server/grpc/streamslots.h"
#include "server/grpcweb/grpcwebapi.h"
#include "server/host/httptracing.h"
#include "server/host/responsecache.h"
#include "server/http/problem.h"
#include "server/rest/problems.h"
#include "server/rest/restroutes.h"

namespace triptych {
namespace {

// --rate-limit for every HTTP route (REST and GraphQL alike): 429 with Retry-After in whole seconds (RFC 9110).
http::Middleware rateLimit(RateLimiter &limiter) {
    return [&limiter](http::HttpRequest &request, const http::Handler &next) {
        const auto decision = limiter.admit(request.remoteAddress);
        if (decision.allowed)
            return next(request);
        const auto seconds = std::max<long long>(1, (decision.retryAfter.count() + 999) / 1000);
        auto response = http::problemResponse(429, "More than " + std::to_string(limiter.perSecond()) +
                                                       " requests per second from this address; retry after " +
                                                       std::to_string(seconds) + " s.");
        response.headers.set("Retry-After", std::to_string(seconds));
        return response;
    };
}

// /debug/* shows every user's data and every request's spans. On loopback whoever reaches the port is a user of this
// machine; on any other address it needs the credentials that writes need.
http::Middleware debugAccess(const Credentials &credentials) {
    return [&credentials](http::HttpRequest &request, const http::Handler &next) {
        if (request.path != "/debug" && !request.path.starts_with("/debug/"))
            return next(request);
        const auto authorization = request.headers.find("Authorization");
        const auto apiKey = request.headers.find("X-API-Key");
        if ((authorization && credentials.acceptsAuthorization(*authorization)) ||
            (apiKey && credentials.acceptsApiKey(*apiKey)))
            return next(request);
        http::Problem problem{401,
                              "The server listens on an address other than loopback, so /debug/ needs credentials: "
                              "send `Authorization: Bearer <token>` or `X-API-Key: <key>`.",
                              {},
                              std::string(rest::problemtype::kUnauthenticated)};
        auto response = http::problemResponse(problem);
        response.headers.set("WWW-Authenticate", authorization || apiKey
                                                     ? R"(Bearer realm="triptych", error="invalid_token")"
                                                     : R"(Bearer realm="triptych")");
        return response;
    };
}

} // namespace

bool isLoopbackAddress(std::string_view address) {
    return address.starts_with("127.") || address == "::1" || address == "localhost" ||
           address.starts_with("::ffff:127.");
}

std::shared_ptr<rpc::StreamSlots> makeStreamSlots() {
    const auto limits = rpc::defaultGrpcApiOptions();
    return std::make_shared<rpc::StreamSlots>(rpc::StreamSlots::Shares{
        limits.maxConcurrentStreams, limits.maxStreamsPerConnection, limits.maxStreamsPerAddress});
}

http::Router buildHttpRoutes(ServiceContext &context, const ServerOptions &options,
                             std::function<std::uint16_t()> grpcPort, std::shared_ptr<rpc::StreamSlots> streamSlots) {
    http::Router router;
    router.addMiddleware(httpTracing(context.tracer));
    if (context.rateLimiter.enabled())
        router.addMiddleware(rateLimit(context.rateLimiter));
    if (!isLoopbackAddress(options.bindAddress))
        router.addMiddleware(debugAccess(context.credentials));
    if (options.responseCache) // last: a cached answer is still traced, rate limited and access checked
        router.addMiddleware(ResponseCache::middleware(std::make_shared<ResponseCache>(context.events)));
    router.add("GET", "/healthz", [](http::HttpRequest &) {
        auto response = http::HttpResponse::json(200, R"({"status":"ok"})");
        response.headers.set("Cache-Control", "no-store");
        return response;
    });
    addTraceRoutes(router, context.tracer);
    rest::addRoutes(router, context);
    graphqlapi::GraphqlApiOptions graphql;
    graphql.dataLoader = options.dataLoader;
    if (options.gateway)
        graphql.gatewayGrpcPort = std::move(grpcPort);
    graphqlapi::addRoutes(router, context, std::move(graphql));
    if (!streamSlots)
        streamSlots = makeStreamSlots();
    grpcweb::addRoutes(router, context,
                       std::move(streamSlots)); // gRPC-Web (docs/grpc.md) on the HTTP port, as Envoy's filter serves it
    return router;
}

} // namespace triptych
