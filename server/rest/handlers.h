#pragma once

#include "server/core/servicecontext.h"
#include "server/http/httpmessage.h"
#include "server/rest/restroutes.h"
#include "server/tracing/tracer.h"

#include <memory>
#include <string>

// The REST handlers, one function per route, sharing the state addRoutes creates (internal to server/rest).
namespace triptych::http {
class Scheduler;
}

namespace triptych::rest {

struct RestState {
    ServiceContext &context;
    RestOptions options;
    std::shared_ptr<http::Scheduler> scheduler;
    std::string openApiDocument;
};

namespace handlers {

// Writes JSON under the trace's serialization span.
template <typename Write> std::string serialize(Write &&write) {
    std::string body;
    tracing::recordSerialization(
        "serialize JSON", [&] { body = write(); }, [&] { return body.size(); });
    return body;
}

http::HttpResponse listUsers(RestState &state, const http::HttpRequest &request);
http::HttpResponse getUser(RestState &state, const http::HttpRequest &request);
http::HttpResponse userOrders(RestState &state, const http::HttpRequest &request);
http::HttpResponse userOrdersV2(RestState &state, const http::HttpRequest &request);
http::HttpResponse friends(RestState &state, const http::HttpRequest &request);
http::HttpResponse getOrder(RestState &state, const http::HttpRequest &request);
http::HttpResponse createOrder(RestState &state, const http::HttpRequest &request);
http::HttpResponse cancelOrder(RestState &state, const http::HttpRequest &request);
http::HttpResponse orderStream(RestState &state, const http::HttpRequest &request);
http::HttpResponse dataset(RestState &state, const http::HttpRequest &request);
http::HttpResponse openApi(RestState &state, const http::HttpRequest &request);

} // namespace handlers

namespace mediatype {
inline constexpr std::string_view kJson = "application/json";
inline constexpr std::string_view kOrdersV2 = "application/vnd.orders.v2+json";
inline constexpr std::string_view kEventStream = "text/event-stream";
} // namespace mediatype

} // namespace triptych::rest
