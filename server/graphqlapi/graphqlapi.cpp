#include "server/graphqlapi/graphqlapi.h"

#include "server/core/servicecontext.h"
#include "server/graphqlapi/gatewayclient.h"
#include "server/graphqlapi/graphqlhttp.h"
#include "server/graphqlapi/graphqlws.h"
#include "server/http/router.h"

namespace triptych::graphqlapi {
namespace {

// Everything the routes share; owned by the route handlers, alive as long as the router.
struct GraphqlApi {
    GraphqlApi(ServiceContext &context, GraphqlApiOptions apiOptions)
        : options(std::move(apiOptions))
        , gateway(options.gatewayGrpcPort ? std::make_unique<GatewayClient>(options.gatewayGrpcPort) : nullptr)
        , http(context, service, persisted, options.dataLoader, gateway.get())
        , ws(context, service, options, gateway.get()) {}
    GraphqlApiOptions options;
    std::unique_ptr<GatewayClient> gateway;
    GraphqlService service;
    PersistedQueries persisted;
    GraphqlHttp http;
    GraphqlWebSockets ws;
};

} // namespace

void addRoutes(http::Router &router, ServiceContext &context, GraphqlApiOptions options) {
    auto api = std::make_shared<GraphqlApi>(context, std::move(options));
    router.add("POST", "/graphql", [api](http::HttpRequest &request) { return api->http.post(request); });
    router.add("GET", "/graphql", [api](http::HttpRequest &request) { return api->http.get(request); });
    router.add("GET", "/graphql/schema.graphql",
               [api](http::HttpRequest &request) { return api->http.schema(request); });
    router.addWebSocket("/graphql", [api](const http::HttpRequest &request) { return api->ws.accept(request); });
}

} // namespace triptych::graphqlapi
