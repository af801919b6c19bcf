#include "server/core/orderservice.h"
#include "server/domain/timestamps.h"
#include "server/graphqlapi/errors.h"
#include "server/graphqlapi/requestcontext.h"
#include "server/graphqlapi/resolvers.h"

#include <functional>
#include <utility>

namespace triptych::graphqlapi {

using graphql::ObjectRef;
using graphql::Resolved;
using graphql::ResolveInfo;

namespace {

RequestContext &contextOf(const ResolveInfo &info) {
    return *static_cast<RequestContext *>(info.context);
}

using UserField = std::function<Resolved(const User &)>;

// The 30 scalar fields of the contract's User, each a plain read of the loaded row.
const std::vector<std::pair<const char *, UserField>> &userScalars() {
    static const std::vector<std::pair<const char *, UserField>> fields{
        {"id", [](const User &u) { return Resolved(u.id); }},
        {"name", [](const User &u) { return Resolved::view(u.name); }},
        {"email", [](const User &u) { return Resolved::view(u.email); }},
        {"avatarUrl", [](const User &u) { return Resolved::view(u.avatarUrl); }},
        {"bio", [](const User &u) { return Resolved::view(u.bio); }},
        {"phone", [](const User &u) { return Resolved::view(u.phone); }},
        {"locale", [](const User &u) { return Resolved::view(u.locale); }},
        {"timezone", [](const User &u) { return Resolved::view(u.timezone); }},
        {"company", [](const User &u) { return Resolved::view(u.company); }},
        {"jobTitle", [](const User &u) { return Resolved::view(u.jobTitle); }},
        {"website", [](const User &u) { return Resolved::view(u.website); }},
        {"street", [](const User &u) { return Resolved::view(u.street); }},
        {"city", [](const User &u) { return Resolved::view(u.city); }},
        {"postalCode", [](const User &u) { return Resolved::view(u.postalCode); }},
        {"country", [](const User &u) { return Resolved::view(u.country); }},
        {"dateOfBirth", [](const User &u) { return Resolved::view(u.dateOfBirth); }},
        {"createdAt", [](const User &u) { return Resolved(formatRfc3339(u.createdAt)); }},
        {"updatedAt", [](const User &u) { return Resolved(formatRfc3339(u.updatedAt)); }},
        {"lastLoginAt", [](const User &u) { return Resolved(formatRfc3339(u.lastLoginAt)); }},
        {"isActive", [](const User &u) { return Resolved(u.isActive); }},
        {"isVerified", [](const User &u) { return Resolved(u.isVerified); }},
        {"twoFactorEnabled", [](const User &u) { return Resolved(u.twoFactorEnabled); }},
        {"loyaltyTier", [](const User &u) { return Resolved::view(u.loyaltyTier); }},
        {"loyaltyPoints", [](const User &u) { return Resolved(u.loyaltyPoints); }},
        {"marketingOptIn", [](const User &u) { return Resolved(u.marketingOptIn); }},
        {"preferredCurrency", [](const User &u) { return Resolved::view(u.preferredCurrency); }},
        {"preferredLanguage", [](const User &u) { return Resolved::view(u.preferredLanguage); }},
        {"ordersCount", [](const User &u) { return Resolved(u.ordersCount); }},
        {"lifetimeValueCents", [](const User &u) { return Resolved(u.lifetimeValueCents); }},
        {"notes", [](const User &u) { return Resolved::view(u.notes); }},
    };
    return fields;
}

std::optional<OrderStatus> statusArg(const ResolveInfo &info) {
    const graphql::Value *status = info.arg("status");
    if (!status || status->isNull())
        return std::nullopt;
    return orderStatusFromString(status->asString());
}

Resolved userOrders(const ResolveInfo &info) {
    RequestContext &context = contextOf(info);
    const auto first = parseFirst(info.arg("first"));
    if (!first)
        return badUserInput("first must be between 0 and 100");
    const auto status = statusArg(info);
    const UserId id = static_cast<UserId>(info.parent.id);
    if (!context.dataLoader || context.gateway) { // no batch RPC exists: the gateway asks per user
        auto orders = fetchUserOrders(context, id, status, *first);
        return orders ? orderList(std::make_shared<const std::vector<Order>>(std::move(*orders)), *first)
                      : fieldError(orders.error());
    }
    return context.ordersLoader(status).loadShared(
        id, [first = *first](const std::shared_ptr<const OrdersResult> &orders) {
            return *orders ? orderList(std::shared_ptr<const std::vector<Order>>(orders, &**orders), first)
                           : fieldError(orders->error());
        });
}

Resolved userFriends(const ResolveInfo &info) {
    RequestContext &context = contextOf(info);
    const auto first = parseFirst(info.arg("first"));
    if (!first)
        return badUserInput("first must be between 0 and 100");
    const UserId id = static_cast<UserId>(info.parent.id);
    if (!context.dataLoader) {
        const UserId ids[] = {id}; // one statement per user: the N+1 the loader cures
        const auto friends = context.service.friendsOfUsers(ids);
        if (!friends)
            return fieldError(friends.error());
        const auto it = friends->find(id);
        return it == friends->end() ? userList({}, -1) : userList(it->second, *first);
    }
    return context.friendsLoader().load(id, [first = *first](const UsersResult &friends) {
        return friends ? userList(*friends, first) : fieldError(friends.error());
    });
}

Resolved orderUser(const ResolveInfo &info) {
    RequestContext &context = contextOf(info);
    const UserId id = info.parent.as<Order>()->userId;
    if (!context.dataLoader) {
        auto user = context.service.user(id);
        return user ? Resolved(userRef(std::make_shared<const User>(std::move(*user)))) : fieldError(user.error());
    }
    return context.usersLoader().load(id, [](const UserResult &user) {
        return user ? Resolved(userRef(std::make_shared<const User>(*user))) : fieldError(user.error());
    });
}

} // namespace

ObjectRef userRef(std::shared_ptr<const User> user) {
    const auto id = user->id;
    return ObjectRef{std::move(user), nullptr, id, "User"};
}

ObjectRef orderRef(std::shared_ptr<const Order> order) {
    const auto id = order->id;
    return ObjectRef{std::move(order), nullptr, id, "Order"};
}

Resolved orderList(std::shared_ptr<const std::vector<Order>> orders, int first) {
    const std::size_t count = first < 0 ? orders->size() : std::min<std::size_t>(orders->size(), first);
    std::vector<Resolved> items;
    items.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const Order &order = (*orders)[i];
        items.emplace_back(ObjectRef{std::shared_ptr<const void>(orders, &order), nullptr, order.id, "Order"});
    }
    return Resolved(std::move(items));
}

Resolved userList(const std::vector<User> &users, int first) {
    const std::size_t count = first < 0 ? users.size() : std::min<std::size_t>(users.size(), first);
    auto all = std::make_shared<const std::vector<User>>(users.begin(), users.begin() + count);
    std::vector<Resolved> items;
    items.reserve(count);
    for (const User &user : *all)
        items.emplace_back(ObjectRef{std::shared_ptr<const void>(all, &user), nullptr, user.id, "User"});
    return Resolved(std::move(items));
}

void bindUserFields(graphql::Schema &schema) {
    for (const auto &[name, read] : userScalars())
        schema.bind("User", name, [read = read](const ResolveInfo &info) { return read(*info.parent.as<User>()); });
    schema.bind("User", "orders", userOrders);
    schema.bind("User", "friends", userFriends);
}

void bindOrderFields(graphql::Schema &schema) {
    const auto order = [](const ResolveInfo &info) { return info.parent.as<Order>(); };
    schema.bind("Order", "id", [=](const ResolveInfo &i) { return Resolved(order(i)->id); });
    schema.bind("Order", "userId", [=](const ResolveInfo &i) { return Resolved(order(i)->userId); });
    schema.bind("Order", "product", [=](const ResolveInfo &i) { return Resolved::view(order(i)->product); });
    schema.bind("Order", "quantity", [=](const ResolveInfo &i) { return Resolved(order(i)->quantity); });
    schema.bind("Order", "totalCents", [=](const ResolveInfo &i) { return Resolved(order(i)->totalCents); });
    // Deprecated, kept for the clients that still ask for it (docs/graphql-api.md).
    schema.bind("Order", "totalDollars",
                [=](const ResolveInfo &i) { return Resolved(double(order(i)->totalCents) / 100.0); });
    schema.bind("Order", "status",
                [=](const ResolveInfo &i) { return Resolved::view(triptych::toString(order(i)->status)); });
    schema.bind("Order", "createdAt",
                [=](const ResolveInfo &i) { return Resolved(formatRfc3339(order(i)->createdAt)); });
    schema.bind("Order", "user", orderUser);

    const auto event = [](const ResolveInfo &info) { return info.parent.as<OrderEvent>(); };
    schema.bind("OrderEvent", "order", [=](const ResolveInfo &i) {
        const OrderEvent *e = event(i);
        return Resolved(
            ObjectRef{std::shared_ptr<const void>(i.parent.data, &e->order), nullptr, e->order.id, "Order"});
    });
    schema.bind("OrderEvent", "previousStatus", [=](const ResolveInfo &i) {
        const OrderEvent *e = event(i);
        return e->previousStatus ? Resolved::view(triptych::toString(*e->previousStatus)) : Resolved();
    });
    schema.bind("OrderEvent", "at", [=](const ResolveInfo &i) { return Resolved(formatRfc3339(event(i)->at)); });
}

void bindConnectionFields(graphql::Schema &schema) {
    const auto slice = [](const ResolveInfo &info) { return info.parent.as<UserSlice>(); };
    schema.bind("UserConnection", "edges", [=](const ResolveInfo &i) {
        std::vector<Resolved> edges;
        for (const User &user : slice(i)->users)
            edges.emplace_back(
                ObjectRef{std::shared_ptr<const void>(i.parent.data, &user), nullptr, user.id, "UserEdge"});
        return Resolved(std::move(edges));
    });
    schema.bind("UserConnection", "pageInfo", [](const ResolveInfo &i) {
        return Resolved(ObjectRef{i.parent.data, nullptr, 0, "PageInfo"});
    });
    schema.bind("UserConnection", "totalCount", [=](const ResolveInfo &i) { return Resolved(slice(i)->totalCount); });
    schema.bind("UserEdge", "cursor",
                [](const ResolveInfo &i) { return Resolved(encodeUserCursor(static_cast<UserId>(i.parent.id))); });
    schema.bind("UserEdge", "node", [](const ResolveInfo &i) {
        return Resolved(ObjectRef{i.parent.data, nullptr, i.parent.id, "User"});
    });
    schema.bind("PageInfo", "hasNextPage", [=](const ResolveInfo &i) { return Resolved(slice(i)->hasNextPage); });
    schema.bind("PageInfo", "endCursor", [=](const ResolveInfo &i) {
        const auto &users = slice(i)->users;
        return users.empty() ? Resolved() : Resolved(encodeUserCursor(users.back().id));
    });
}

} // namespace triptych::graphqlapi
