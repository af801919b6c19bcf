#include "server/core/orderservice.h"
#include "server/graphqlapi/errors.h"
#include "server/graphqlapi/requestcontext.h"
#include "server/graphqlapi/resolvers.h"

#include <charconv>

namespace triptych::graphqlapi {

using graphql::ObjectRef;
using graphql::Resolved;
using graphql::ResolveInfo;

namespace {

constexpr std::string_view kCursorPrefix = "users:";
constexpr std::string_view kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

RequestContext &contextOf(const ResolveInfo &info) {
    return *static_cast<RequestContext *>(info.context);
}

// Whether the selection asks for totalCount (a fragment spread counts as "maybe": counting is only extra work).
bool selectsTotalCount(const std::vector<graphql::SelectionNode> &selections) {
    for (const auto &selection : selections) {
        if (selection.kind == graphql::SelectionKind::FragmentSpread)
            return true;
        if (selection.kind == graphql::SelectionKind::InlineFragment && selectsTotalCount(selection.selectionSet))
            return true;
        if (selection.kind == graphql::SelectionKind::Field && selection.name == "totalCount")
            return true;
    }
    return false;
}

Resolved queryUser(const ResolveInfo &info) {
    const auto id = parseId(info.arg("id"));
    if (!id)
        return badUserInput("id must be a number");
    if (*id == 0)
        return Resolved();
    auto user = fetchUser(contextOf(info), *id);
    if (!user)
        return user.error().code == ErrorCode::NotFound ? Resolved() : fieldError(user.error());
    return userRef(std::make_shared<const User>(std::move(*user)));
}

Resolved queryUsers(const ResolveInfo &info) {
    const auto first = parseFirst(info.arg("first"));
    if (!first)
        return badUserInput("first must be between 0 and 100");
    UserId after = 0;
    if (const graphql::Value *cursor = info.arg("after"); cursor && !cursor->isNull()) {
        const auto decoded = decodeUserCursor(cursor->asString());
        if (!decoded)
            return badUserInput("after is not a cursor this server gave out");
        after = *decoded;
    }
    const int count = *first < 0 ? 20 : *first;
    auto slice = contextOf(info).service.usersAfter(after, count, selectsTotalCount(info.fieldNode.selectionSet));
    if (!slice)
        return fieldError(slice.error());
    return Resolved(ObjectRef{std::make_shared<const UserSlice>(std::move(*slice)), nullptr, 0, "UserConnection"});
}

Resolved queryOrder(const ResolveInfo &info) {
    const auto id = parseId(info.arg("id"));
    if (!id)
        return badUserInput("id must be a number");
    if (*id == 0)
        return Resolved();
    auto order = contextOf(info).service.order(*id);
    if (!order)
        return order.error().code == ErrorCode::NotFound ? Resolved() : fieldError(order.error());
    return orderRef(std::make_shared<const Order>(std::move(*order)));
}

Resolved unauthenticated() {
    return Resolved::error("Mutations need credentials: Authorization: Bearer <token> or X-API-Key",
                           codeExtensions(code::kUnauthenticated));
}

Resolved mutationCreateOrder(const ResolveInfo &info) {
    RequestContext &context = contextOf(info);
    if (!context.authenticated)
        return unauthenticated();
    const graphql::Value *input = info.arg("input");
    const auto userId = parseId(input->find("userId"));
    if (!userId || *userId == 0)
        return badUserInput("input.userId must name a user");
    const std::int64_t quantity = input->find("quantity")->asInt();
    CreateOrderInput create{*userId, input->find("product")->asString(), static_cast<std::int32_t>(quantity)};
    auto order = createOrder(context, create);
    return order ? Resolved(orderRef(std::make_shared<const Order>(std::move(*order)))) : fieldError(order.error());
}

Resolved mutationCancelOrder(const ResolveInfo &info) {
    RequestContext &context = contextOf(info);
    if (!context.authenticated)
        return unauthenticated();
    const auto id = parseId(info.arg("id"));
    if (!id)
        return badUserInput("id must be a number");
    auto order = cancelOrder(context, *id == 0 ? -1 : *id);
    return order ? Resolved(orderRef(std::make_shared<const Order>(std::move(*order)))) : fieldError(order.error());
}

// CreateSourceEventStream of orderUpdates: checks the user; the transport subscribes to the EventBus.
Resolved subscribeOrderUpdates(const ResolveInfo &info) {
    const auto id = parseId(info.arg("userId"));
    if (!id)
        return badUserInput("userId must be a number");
    const auto user = contextOf(info).service.user(*id == 0 ? -1 : *id);
    if (!user)
        return fieldError(user.error());
    return Resolved(ObjectRef{nullptr, nullptr, *id, kOrderStreamType});
}

} // namespace

std::string encodeUserCursor(UserId id) {
    const std::string text = std::string(kCursorPrefix) + std::to_string(id);
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (const unsigned char c : text) {
        bits = (bits << 8) | c;
        count += 8;
        while (count >= 6) {
            count -= 6;
            out += kBase64Url[(bits >> count) & 0x3F];
        }
    }
    if (count > 0)
        out += kBase64Url[(bits << (6 - count)) & 0x3F];
    return out;
}

std::optional<UserId> decodeUserCursor(std::string_view cursor) {
    std::string text;
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : cursor) {
        const auto index = kBase64Url.find(c);
        if (index == std::string_view::npos)
            return std::nullopt;
        bits = (bits << 6) | static_cast<std::uint32_t>(index);
        count += 6;
        if (count >= 8) {
            count -= 8;
            text += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    if (text.size() <= kCursorPrefix.size() || text.compare(0, kCursorPrefix.size(), kCursorPrefix) != 0)
        return std::nullopt;
    UserId id = 0;
    const char *begin = text.data() + kCursorPrefix.size();
    const auto [end, error] = std::from_chars(begin, text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id < 0 || encodeUserCursor(id) != cursor)
        return std::nullopt;
    return id;
}

void bindQueryFields(graphql::Schema &schema) {
    schema.bind("Query", "user", queryUser);
    schema.bind("Query", "users", queryUsers);
    schema.bind("Query", "order", queryOrder);
}

void bindMutationFields(graphql::Schema &schema) {
    schema.bind("Mutation", "createOrder", mutationCreateOrder);
    schema.bind("Mutation", "cancelOrder", mutationCancelOrder);
}

void bindSubscriptionFields(graphql::Schema &schema) {
    schema.bindSubscribe("orderUpdates", subscribeOrderUpdates);
    schema.bind("Subscription", "orderUpdates", [](const ResolveInfo &info) {
        return Resolved(ObjectRef{info.parent.data, nullptr, 0, "OrderEvent"});
    });
}

} // namespace triptych::graphqlapi
