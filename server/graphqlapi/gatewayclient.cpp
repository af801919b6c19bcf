#include "server/graphqlapi/gatewayclient.h"

#include "orders/v1/orders.grpc.pb.h"
#include "server/tracing/tracer.h"

#include <grpcpp/grpcpp.h>

#include <chrono>

namespace triptych::graphqlapi {
namespace {

// Every gateway call gives up after this long (loopback; a stuck call must not hold a server thread forever).
constexpr std::chrono::seconds kGatewayDeadline{10};

ErrorCode fromGrpc(grpc::StatusCode code) {
    switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
        return ErrorCode::InvalidArgument;
    case grpc::StatusCode::NOT_FOUND:
        return ErrorCode::NotFound;
    case grpc::StatusCode::FAILED_PRECONDITION:
        return ErrorCode::FailedPrecondition;
    case grpc::StatusCode::UNAUTHENTICATED:
        return ErrorCode::Unauthenticated;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
        return ErrorCode::ResourceExhausted;
    case grpc::StatusCode::UNAVAILABLE:
        return ErrorCode::Unavailable;
    default:
        return ErrorCode::Internal;
    }
}

Order toDomain(const orders::v1::Order &o) {
    Order order{o.id(), o.user_id(), o.product(), o.quantity(), o.total_cents()};
    order.status = orderStatusFromString(orders::v1::OrderStatus_Name(o.status())).value_or(OrderStatus::Pending);
    order.createdAt = o.created_at().seconds();
    return order;
}

User toDomain(const orders::v1::User &u) {
    User user;
    user.id = u.id();
    user.name = u.name(), user.email = u.email(), user.avatarUrl = u.avatar_url(), user.bio = u.bio();
    user.phone = u.phone(), user.locale = u.locale(), user.timezone = u.timezone(), user.company = u.company();
    user.jobTitle = u.job_title(), user.website = u.website(), user.street = u.street(), user.city = u.city();
    user.postalCode = u.postal_code(), user.country = u.country(), user.dateOfBirth = u.date_of_birth();
    user.createdAt = u.created_at().seconds(), user.updatedAt = u.updated_at().seconds();
    user.lastLoginAt = u.last_login_at().seconds(), user.isActive = u.is_active(), user.isVerified = u.is_verified();
    user.twoFactorEnabled = u.two_factor_enabled(), user.loyaltyTier = u.loyalty_tier();
    user.loyaltyPoints = u.loyalty_points(), user.marketingOptIn = u.marketing_opt_in();
    user.preferredCurrency = u.preferred_currency(), user.preferredLanguage = u.preferred_language();
    user.ordersCount = u.orders_count(), user.lifetimeValueCents = u.lifetime_value_cents(), user.notes = u.notes();
    return user;
}

// A client span for one RPC, and the call's metadata carrying its context.
struct ClientCall {
    explicit ClientCall(std::string_view method)
        : span(std::string("orders.v1.OrderService/") + std::string(method), tracing::SpanKind::Client) {
        span.set("rpc.system", std::string("grpc"));
        span.set("rpc.service", std::string("orders.v1.OrderService"));
        span.set("rpc.method", std::string(method));
        context.set_deadline(std::chrono::system_clock::now() + kGatewayDeadline);
        if (const tracing::TraceContext *current = tracing::currentContext())
            context.AddMetadata("traceparent",
                                tracing::formatTraceparent(current->traceId, current->spanId, current->flags));
    }
    DomainError failed(const grpc::Status &status) {
        span.set("rpc.grpc.status_code", static_cast<std::int64_t>(status.error_code()));
        span.fail(status.error_message());
        return DomainError{fromGrpc(status.error_code()), status.error_message()};
    }
    tracing::ScopedSpan span;
    grpc::ClientContext context;
};

} // namespace

struct GatewayClient::Stub {
    std::unique_ptr<orders::v1::OrderService::Stub> stub;
};

GatewayClient::GatewayClient(std::function<std::uint16_t()> grpcPort)
    : m_grpcPort(std::move(grpcPort)) {}

GatewayClient::~GatewayClient() = default;

GatewayClient::Stub *GatewayClient::stub() {
    std::call_once(m_once, [this] {
        auto channel =
            grpc::CreateChannel("127.0.0.1:" + std::to_string(m_grpcPort()), grpc::InsecureChannelCredentials());
        m_stub = std::make_unique<Stub>(Stub{orders::v1::OrderService::NewStub(channel)});
    });
    return m_stub.get();
}

Result<User> GatewayClient::user(UserId id) {
    ClientCall call("GetUser");
    orders::v1::GetUserRequest request;
    request.set_user_id(id);
    orders::v1::User reply;
    const auto status = stub()->stub->GetUser(&call.context, request, &reply);
    if (!status.ok())
        return call.failed(status);
    return toDomain(reply);
}

Result<std::vector<Order>> GatewayClient::userOrders(UserId id, std::optional<OrderStatus> status) {
    ClientCall call("GetUserOrders");
    orders::v1::UserRequest request;
    request.set_user_id(id);
    orders::v1::OrderList reply;
    const auto grpcStatus = stub()->stub->GetUserOrders(&call.context, request, &reply);
    if (!grpcStatus.ok())
        return call.failed(grpcStatus);
    std::vector<Order> orders;
    for (const auto &order : reply.orders())
        if (!status || toDomain(order).status == *status)
            orders.push_back(toDomain(order));
    return orders;
}

Result<Order> GatewayClient::createOrder(const CreateOrderInput &input, const std::string &authorization) {
    ClientCall call("CreateOrder");
    call.context.AddMetadata("authorization", authorization);
    orders::v1::CreateOrderRequest request;
    request.set_user_id(input.userId);
    request.set_product(input.product);
    request.set_quantity(input.quantity);
    orders::v1::Order reply;
    const auto status = stub()->stub->CreateOrder(&call.context, request, &reply);
    if (!status.ok())
        return call.failed(status);
    return toDomain(reply);
}

Result<Order> GatewayClient::cancelOrder(OrderId id, const std::string &authorization) {
    ClientCall call("CancelOrder");
    call.context.AddMetadata("authorization", authorization);
    orders::v1::CancelOrderRequest request;
    request.set_order_id(id);
    orders::v1::Order reply;
    const auto status = stub()->stub->CancelOrder(&call.context, request, &reply);
    if (!status.ok())
        return call.failed(status);
    return toDomain(reply);
}

} // namespace triptych::graphqlapi
