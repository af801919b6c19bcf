#include "server/rest/restroutes.h"

#include "server/http/representation.h"
#include "server/http/router.h"
#include "server/http/scheduler.h"
#include "server/rest/handlers.h"
#include "server/rest/openapi.h"
#include "server/rest/problems.h"

namespace triptych::rest {
namespace {

using HandlerFunction = http::HttpResponse (*)(RestState &, const http::HttpRequest &);

// Every REST handler runs through this: no exception leaves it, and every answer but a stream is gzipped when the
// client accepts it.
http::Handler guarded(std::shared_ptr<RestState> state, HandlerFunction function) {
    return [state = std::move(state), function](http::HttpRequest &request) {
        http::HttpResponse response;
        try {
            response = function(*state, request);
        } catch (const std::exception &error) {
            response = problemFor(DomainError{ErrorCode::Internal, std::string("the handler failed: ") + error.what()});
        } catch (...) {
            response = problemFor(DomainError{ErrorCode::Internal, "the handler failed"});
        }
        http::compressIfAccepted(request, response);
        return response;
    };
}

} // namespace

void addRoutes(http::Router &router, ServiceContext &context, RestOptions options) {
    auto state = std::make_shared<RestState>(
        RestState{context, options, std::make_shared<http::Scheduler>(), openApiDocument()});
    const struct {
        const char *method;
        const char *pattern;
        HandlerFunction function;
    } routes[] = {
        {"GET", "/v1/users", handlers::listUsers},
        {"GET", "/v1/users/{id}", handlers::getUser},
        {"GET", "/v1/users/{id}/orders", handlers::userOrders},
        {"POST", "/v1/users/{id}/orders", handlers::createOrder},
        {"GET", "/v1/users/{id}/orders/stream", handlers::orderStream},
        {"GET", "/v1/users/{id}/friends", handlers::friends},
        {"GET", "/v1/orders/{id}", handlers::getOrder},
        {"POST", "/v1/orders/{id}/cancel", handlers::cancelOrder},
        {"GET", "/v2/users/{id}/orders", handlers::userOrdersV2},
        {"GET", "/debug/dataset", handlers::dataset},
        {"GET", "/openapi.json", handlers::openApi},
    };
    for (const auto &route : routes)
        router.add(route.method, route.pattern, guarded(state, route.function));
}

} // namespace triptych::rest
