#include "server/core/orderservice.h"
#include "server/http/representation.h"
#include "server/rest/handlers.h"
#include "server/rest/jsonwriter.h"
#include "server/rest/orderstream.h"
#include "server/rest/problems.h"
#include "server/rest/requestparsing.h"

// The order routes (read, create, cancel, stream) and the documents (/debug/dataset, /openapi.json).
namespace triptych::rest::handlers {
namespace {

http::HttpResponse noSuch(std::string_view what, const http::HttpRequest &request) {
    return notFoundProblem("No " + std::string(what) + " has the id '" + std::string(request.pathParam("id")) +
                           "'; ids are whole numbers from 1.");
}

http::HttpResponse orderAnswer(int status, const Order &order) {
    auto response = http::HttpResponse::json(status, json::order(order));
    response.headers.set("Cache-Control", std::string(http::cachecontrol::kNever));
    return response;
}

http::HttpResponse streamHead() {
    http::HttpResponse response;
    response.headers.set("Content-Type", std::string(mediatype::kEventStream));
    response.headers.set("Cache-Control", std::string(http::cachecontrol::kNever));
    // Tells buffering proxies (nginx) to pass events through at once.
    response.headers.set("X-Accel-Buffering", "no");
    return response;
}

} // namespace

http::HttpResponse getOrder(RestState &state, const http::HttpRequest &request) {
    const auto id = parseId(request.pathParam("id"));
    if (!id)
        return noSuch("order", request);
    auto order = state.context.service.order(*id);
    if (!order)
        return problemFor(order.error());
    return http::representResource(request,
                                   http::HttpResponse::json(200, serialize([&] { return json::order(*order); })),
                                   http::cachecontrol::kResource);
}

http::HttpResponse createOrder(RestState &state, const http::HttpRequest &request) {
    if (auto refusal = checkCredentials(request, state.context.credentials))
        return std::move(*refusal);
    const auto userId = parseId(request.pathParam("id"));
    if (!userId)
        return noSuch("user", request);
    auto parsed = parseCreateOrder(request, *userId);
    if (auto *refusal = std::get_if<http::HttpResponse>(&parsed))
        return std::move(*refusal);
    auto created = state.context.service.createOrder(std::get<CreateOrderInput>(parsed));
    if (!created)
        return problemFor(created.error());
    auto response = orderAnswer(201, *created);
    response.headers.set("Location", "/v1/orders/" + std::to_string(created->id));
    return response;
}

http::HttpResponse cancelOrder(RestState &state, const http::HttpRequest &request) {
    if (auto refusal = checkCredentials(request, state.context.credentials))
        return std::move(*refusal);
    const auto id = parseId(request.pathParam("id"));
    if (!id)
        return noSuch("order", request);
    auto cancelled = state.context.service.cancelOrder(*id);
    if (!cancelled)
        return problemFor(cancelled.error());
    return orderAnswer(200, *cancelled);
}

http::HttpResponse orderStream(RestState &state, const http::HttpRequest &request) {
    const auto id = parseId(request.pathParam("id"));
    if (!id)
        return noSuch("user", request);
    std::vector<FieldViolation> violations;
    const int intervalMs = queryInt(request, "interval_ms", 0, 0, limits::kMaxSseIntervalMs, violations);
    if (!violations.empty())
        return validationProblem(std::move(violations));
    // Subscribe first, then read: an order created in between is seen at least once.
    auto stream = OrderStream::subscribe(state.context.events, state.scheduler, *id,
                                         {std::chrono::milliseconds(intervalMs), state.options.sseHeartbeat});
    auto orders = state.context.service.userOrders(*id);
    if (!orders)
        return problemFor(orders.error());
    auto response = streamHead();
    if (request.method == "HEAD")
        return response;
    stream->setExisting(std::move(*orders));
    response.stream = [stream](std::shared_ptr<http::ResponseStream> out) { stream->start(std::move(out)); };
    return response;
}

http::HttpResponse dataset(RestState &state, const http::HttpRequest &request) {
    auto snapshot = state.context.service.snapshot();
    if (!snapshot)
        return problemFor(snapshot.error());
    return http::representResource(request,
                                   http::HttpResponse::json(200, serialize([&] { return json::dataset(*snapshot); })),
                                   http::cachecontrol::kResource);
}

http::HttpResponse openApi(RestState &state, const http::HttpRequest &request) {
    return http::representResource(request, http::HttpResponse::json(200, state.openApiDocument),
                                   http::cachecontrol::kDocument);
}

} // namespace triptych::rest::handlers
