#include "server/graphqlapi/requestcontext.h"

#include "server/core/orderservice.h"
#include "server/graphqlapi/gatewayclient.h"

namespace triptych::graphqlapi {
namespace {

// One value per key, in key order, from a batch answer keyed by user (or its error for every key).
template <class V, class Batch>
std::vector<Result<V>> perKey(const std::vector<UserId> &keys, Result<Batch> batch, V missing) {
    std::vector<Result<V>> values;
    values.reserve(keys.size());
    for (const UserId key : keys) {
        if (!batch) {
            values.emplace_back(batch.error());
            continue;
        }
        const auto it = batch->find(key); // keys are unique: each value moves out once
        values.emplace_back(it == batch->end() ? missing : std::move(it->second));
    }
    return values;
}

} // namespace

graphql::DataLoader<UserId, OrdersResult> &RequestContext::ordersLoader(std::optional<OrderStatus> status) {
    auto &slot = m_orders[status ? static_cast<int>(*status) : -1];
    if (!slot)
        slot =
            std::make_unique<graphql::DataLoader<UserId, OrdersResult>>([this, status](const std::vector<UserId> &ids) {
                return perKey<std::vector<Order>>(ids, service.ordersOfUsers(ids, status), {});
            });
    return *slot;
}

void RequestContext::resetLoaders() {
    m_orders.clear();
    m_friends.reset();
    m_users.reset();
}

graphql::DataLoader<UserId, UsersResult> &RequestContext::friendsLoader() {
    if (!m_friends)
        m_friends = std::make_unique<graphql::DataLoader<UserId, UsersResult>>([this](const std::vector<UserId> &ids) {
            return perKey<std::vector<User>>(ids, service.friendsOfUsers(ids), {});
        });
    return *m_friends;
}

graphql::DataLoader<UserId, UserResult> &RequestContext::usersLoader() {
    if (!m_users)
        m_users = std::make_unique<graphql::DataLoader<UserId, UserResult>>([this](const std::vector<UserId> &ids) {
            std::vector<UserResult> values;
            const auto users = service.usersByIds(ids);
            for (const UserId id : ids) {
                if (!users) {
                    values.emplace_back(users.error());
                    continue;
                }
                const auto it = std::find_if(users->begin(), users->end(), [id](const User &u) { return u.id == id; });
                values.emplace_back(it == users->end()
                                        ? UserResult(DomainError{ErrorCode::NotFound, "No user " + std::to_string(id)})
                                        : UserResult(*it));
            }
            return values;
        });
    return *m_users;
}

} // namespace triptych::graphqlapi

namespace triptych::graphqlapi {

UserResult fetchUser(RequestContext &context, UserId id) {
    if (context.gateway)
        return context.gateway->user(id);
    return context.service.user(id);
}

OrdersResult fetchUserOrders(RequestContext &context, UserId id, std::optional<OrderStatus> status, int) {
    if (context.gateway)
        return context.gateway->userOrders(id, status);
    // The batch query for one user is one statement (userOrders also checks the user exists: two).
    const UserId ids[] = {id};
    auto orders = context.service.ordersOfUsers(ids, status);
    if (!orders)
        return orders.error();
    const auto it = orders->find(id);
    return it == orders->end() ? std::vector<Order>{} : std::move(it->second);
}

Result<Order> createOrder(RequestContext &context, const CreateOrderInput &input) {
    if (context.gateway)
        return context.gateway->createOrder(input, context.authorization);
    return context.service.createOrder(input);
}

Result<Order> cancelOrder(RequestContext &context, OrderId id) {
    if (context.gateway)
        return context.gateway->cancelOrder(id, context.authorization);
    return context.service.cancelOrder(id);
}

} // namespace triptych::graphqlapi
