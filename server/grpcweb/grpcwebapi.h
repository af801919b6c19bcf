#pragma once

namespace triptych {
struct ServiceContext;
namespace http {
class Router;
}
} // namespace triptych

namespace triptych::grpcweb {

// POST /orders.v1.OrderService/{method} in application/grpc-web[+proto] and application/grpc-web-text, and its CORS
// preflight (OPTIONS): the unary methods and StreamOrders over the same service layer as gRPC. The context must
// outlive the router.
void addRoutes(http::Router &router, ServiceContext &context);

} // namespace triptych::grpcweb
