#pragma once

#include "orders/v1/orders.pb.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/status.h>

namespace triptych {
struct ServiceContext;
}

// The unary methods' work once the transport's checks have passed (rate limit, credentials for writes), shared by
// gRPC (OrderRpcService) and gRPC-Web (server/grpcweb), so both answer the same values and the same errors.
// Each answers the status; the response is filled when it is OK.
namespace triptych::rpc {

grpc::Status getUser(ServiceContext &context, const orders::v1::GetUserRequest &request, orders::v1::User &response);
grpc::Status getUserOrders(ServiceContext &context, const orders::v1::UserRequest &request,
                           orders::v1::OrderList &response);
// The same answer as wire bytes written straight from the orders (orderwire.h), for gRPC's raw method.
grpc::Status getUserOrdersWire(ServiceContext &context, const orders::v1::UserRequest &request,
                               grpc::ByteBuffer &response);
grpc::Status listUsers(ServiceContext &context, const orders::v1::ListUsersRequest &request,
                       orders::v1::UserList &response);
grpc::Status createOrder(ServiceContext &context, const orders::v1::CreateOrderRequest &request,
                         orders::v1::Order &response);
grpc::Status cancelOrder(ServiceContext &context, const orders::v1::CancelOrderRequest &request,
                         orders::v1::Order &response);

} // namespace triptych::rpc
