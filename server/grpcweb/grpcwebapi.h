#pragma once

#include <memory>

namespace triptych {
struct ServiceContext;
namespace http {
class Router;
}
namespace rpc {
class StreamSlots;
}
} // namespace triptych

namespace triptych::grpcweb {

// POST /orders.v1.OrderService/{method} in application/grpc-web[+proto] and application/grpc-web-text, and its CORS
// preflight (OPTIONS): the unary methods and StreamOrders over the same service layer as gRPC. The context must
// outlive the router. StreamOrders takes one of `slots`, the gRPC server's, for its whole life; a unary call whose
// grpc-timeout passes answers DEADLINE_EXCEEDED, as over gRPC.
void addRoutes(http::Router &router, ServiceContext &context, std::shared_ptr<rpc::StreamSlots> slots);

} // namespace triptych::grpcweb
