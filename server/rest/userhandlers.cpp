#include "server/core/orderservice.h"
#include "server/domain/limits.h"
#include "server/http/representation.h"
#include "server/rest/cursor.h"
#include "server/rest/handlers.h"
#include "server/rest/jsonwriter.h"
#include "server/rest/problems.h"
#include "server/rest/requestparsing.h"

#include <algorithm>
#include <cctype>
#include <limits>

// The user routes: /v1/users, /v1/users/{id}, /v1/users/{id}/orders (v1 and v2), /v1/users/{id}/friends.
namespace triptych::rest::handlers {
namespace {

http::HttpResponse jsonResource(const http::HttpRequest &request, std::string body,
                                std::string_view contentType = mediatype::kJson, bool variesOnAccept = false) {
    return http::representResource(request, http::HttpResponse::text(200, std::move(body), std::string(contentType)),
                                   http::cachecontrol::kResource, variesOnAccept);
}

std::optional<UserId> userIdOf(const http::HttpRequest &request) {
    return parseId(request.pathParam("id"));
}

http::HttpResponse noSuchUser(const http::HttpRequest &request) {
    return notFoundProblem("No user has the id '" + std::string(request.pathParam("id")) +
                           "'; user ids are whole numbers from 1.");
}

bool asksForV2(const http::HttpRequest &request) {
    std::string accept(request.header("Accept"));
    std::transform(accept.begin(), accept.end(), accept.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return accept.find(mediatype::kOrdersV2) != std::string::npos;
}

// ?status= filters by an OrderStatus name (any letter case); empty means no filter.
std::optional<OrderStatus> statusFilter(const http::HttpRequest &request, std::vector<FieldViolation> &violations) {
    auto text = request.queryParam("status");
    if (!text || text->empty())
        return std::nullopt;
    std::transform(text->begin(), text->end(), text->begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    auto status = orderStatusFromString(*text);
    if (!status)
        violations.push_back({"status", "must be one of PENDING, PAID, SHIPPED, DELIVERED, CANCELLED"});
    return status;
}

// The v2 page: keyset paging after the cursor's order id; answered as application/json unless the client asked
// for the v2 media type by name.
http::HttpResponse ordersV2Page(RestState &state, const http::HttpRequest &request, UserId id, bool namedV2) {
    std::vector<FieldViolation> violations;
    const int limit = queryInt(request, "limit", triptych::limits::kDefaultPageSize, triptych::limits::kMinPageSize,
                               triptych::limits::kMaxPageSize, violations);
    OrderId after = 0;
    if (const auto text = request.queryParam("cursor"); text && !text->empty()) {
        const auto decoded = cursor::decode(*text);
        if (decoded)
            after = *decoded;
        else
            violations.push_back({"cursor", "is not a cursor of this server; pass next_cursor back unchanged"});
    }
    if (!violations.empty())
        return validationProblem(std::move(violations));
    auto slice = state.context.service.userOrdersAfter(id, after, limit);
    if (!slice)
        return problemFor(slice.error());
    std::optional<std::string> next;
    if (slice->hasNextPage && !slice->orders.empty())
        next = cursor::encode(slice->orders.back().id);
    return jsonResource(request, serialize([&] { return json::ordersV2(slice->orders, next); }),
                        namedV2 ? mediatype::kOrdersV2 : mediatype::kJson, true);
}

} // namespace

http::HttpResponse listUsers(RestState &state, const http::HttpRequest &request) {
    std::vector<FieldViolation> violations;
    const int limit = queryInt(request, "limit", triptych::limits::kDefaultPageSize, triptych::limits::kMinPageSize,
                               triptych::limits::kMaxPageSize, violations);
    const int offset = queryInt(request, "offset", 0, 0, std::numeric_limits<int>::max(), violations);
    if (!violations.empty())
        return validationProblem(std::move(violations));
    auto page = state.context.service.listUsers(limit, offset);
    if (!page)
        return problemFor(page.error());
    return jsonResource(request, serialize([&] { return json::userPage(*page); }));
}

http::HttpResponse getUser(RestState &state, const http::HttpRequest &request) {
    const auto id = userIdOf(request);
    if (!id)
        return noSuchUser(request);
    auto user = state.context.service.user(*id);
    if (!user)
        return problemFor(user.error());
    return jsonResource(request, serialize([&] { return json::user(*user); }));
}

http::HttpResponse userOrders(RestState &state, const http::HttpRequest &request) {
    const auto id = userIdOf(request);
    if (!id)
        return noSuchUser(request);
    if (asksForV2(request))
        return ordersV2Page(state, request, *id, true);
    std::vector<FieldViolation> violations;
    const auto status = statusFilter(request, violations);
    if (!violations.empty())
        return validationProblem(std::move(violations));
    auto orders = state.context.service.userOrders(*id, status);
    if (!orders)
        return problemFor(orders.error());
    return jsonResource(request, serialize([&] { return json::orders(*orders); }), mediatype::kJson, true);
}

http::HttpResponse userOrdersV2(RestState &state, const http::HttpRequest &request) {
    const auto id = userIdOf(request);
    if (!id)
        return noSuchUser(request);
    return ordersV2Page(state, request, *id, asksForV2(request));
}

http::HttpResponse friends(RestState &state, const http::HttpRequest &request) {
    const auto id = userIdOf(request);
    if (!id)
        return noSuchUser(request);
    auto users = state.context.service.friends(*id);
    if (!users)
        return problemFor(users.error());
    return jsonResource(request, serialize([&] { return json::users(*users); }));
}

} // namespace triptych::rest::handlers
