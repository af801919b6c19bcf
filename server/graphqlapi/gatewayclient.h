#pragma once

#include "server/domain/domain.h"
#include "server/domain/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace triptych::graphqlapi {

// --gateway (backend for frontend): the resolvers' calls that orders.v1.OrderService offers go over a loopback
// gRPC channel, each with a client span whose context travels as `traceparent` metadata, so one trace shows
// GraphQL → gRPC client → gRPC server → SQL. The channel is made on first use (the gRPC port is known by then).
class GatewayClient {
public:
    explicit GatewayClient(std::function<std::uint16_t()> grpcPort);
    ~GatewayClient();

    Result<User> user(UserId id);
    Result<std::vector<Order>> userOrders(UserId id, std::optional<OrderStatus> status);
    Result<Order> createOrder(const CreateOrderInput &input, const std::string &authorization);
    Result<Order> cancelOrder(OrderId id, const std::string &authorization);

private:
    struct Stub;
    Stub *stub();
    std::function<std::uint16_t()> m_grpcPort;
    std::once_flag m_once;
    std::unique_ptr<Stub> m_stub;
};

} // namespace triptych::graphqlapi
