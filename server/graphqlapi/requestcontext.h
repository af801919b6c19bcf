#pragma once

#include "server/domain/domain.h"
#include "server/domain/result.h"
#include "server/graphql/execution/dataloader.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace triptych {
class OrderService;
}

namespace triptych::graphqlapi {

class GatewayClient;

using OrdersResult = Result<std::vector<Order>>;
using UsersResult = Result<std::vector<User>>;
using UserResult = Result<User>;

// Everything resolvers need for one request (or one WebSocket operation): the service, the caller's rights
// and the request's DataLoaders, made on first use so a query that needs none pays nothing.
struct RequestContext {
    explicit RequestContext(OrderService &orderService)
        : service(orderService) {}
    OrderService &service;
    GatewayClient *gateway = nullptr; // --gateway: the gRPC client resolvers call instead of the service
    bool dataLoader = true;           // --dataloader on|off
    bool authenticated = false;
    std::string authorization; // forwarded to gRPC in gateway mode ("Bearer <token>")

    graphql::DataLoader<UserId, OrdersResult> &ordersLoader(std::optional<OrderStatus> status);
    graphql::DataLoader<UserId, UsersResult> &friendsLoader();
    graphql::DataLoader<UserId, UserResult> &usersLoader();
    // Each subscription event is a new execution: it must not see the previous event's cached rows.
    void resetLoaders();

private:
    std::map<int, std::unique_ptr<graphql::DataLoader<UserId, OrdersResult>>> m_orders; // by status (-1: any)
    std::unique_ptr<graphql::DataLoader<UserId, UsersResult>> m_friends;
    std::unique_ptr<graphql::DataLoader<UserId, UserResult>> m_users;
};

} // namespace triptych::graphqlapi

namespace triptych::graphqlapi {

// The calls that go over gRPC in gateway mode (the RPCs orders.v1.OrderService has); the service otherwise.
UserResult fetchUser(RequestContext &context, UserId id);
OrdersResult fetchUserOrders(RequestContext &context, UserId id, std::optional<OrderStatus> status, int first);
Result<Order> createOrder(RequestContext &context, const CreateOrderInput &input);
Result<Order> cancelOrder(RequestContext &context, OrderId id);

} // namespace triptych::graphqlapi
