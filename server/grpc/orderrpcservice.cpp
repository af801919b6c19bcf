#include "server/grpc/orderrpcservice.h"

#include "server/core/orderservice.h"
#include "server/core/servicecontext.h"
#include "server/grpc/callchecks.h"
#include "server/grpc/protoconvert.h"
#include "server/grpc/readmask.h"
#include "server/grpc/rpctrace.h"
#include "server/grpc/statusmapping.h"
#include "server/grpc/streamordersreactor.h"
#include "server/grpc/trackordersreactor.h"
#include "server/grpc/uploadordersreactor.h"

namespace triptych::rpc {
namespace {

grpc::ServerUnaryReactor *finishWith(grpc::CallbackServerContext *call, grpc::Status status) {
    auto *reactor = call->DefaultReactor();
    reactor->Finish(std::move(status));
    return reactor;
}

// Runs one unary call inside its transport span and finishes it with the status handle() answers.
template <typename Handle>
grpc::ServerUnaryReactor *answer(tracing::Tracer &tracer, grpc::CallbackServerContext *call, std::string_view method,
                                 const google::protobuf::Message &request, const google::protobuf::Message &response,
                                 Handle &&handle) {
    RpcTrace trace(tracer, *call, method);
    grpc::Status status;
    {
        auto scope = trace.makeCurrent();
        status = handle();
    }
    if (trace.active()) {
        trace.addRequestBytes(request.ByteSizeLong());
        // Every OK answer was built through serialize(), which sized it: sizing 1,000 orders again would cost as
        // much as the rest of the trace.
        if (status.ok())
            trace.addResponseBytes(response.GetCachedSize());
    }
    trace.finish(status);
    return finishWith(call, std::move(status));
}

// Checks shared by every unary call: compression, rate limit, message size.
std::optional<grpc::Status> precheck(const CallChecks &checks, grpc::CallbackServerContext &call,
                                     const google::protobuf::Message &request) {
    CallChecks::mirrorCompression(call);
    if (auto refused = checks.admit(call))
        return refused;
    return CallChecks::checkSize(request);
}

std::optional<grpc::Status> checkId(std::int32_t id, const char *field, const char *what) {
    if (id > 0)
        return std::nullopt;
    return toGrpcStatus(invalidField(field, std::string("must be a positive ") + what + " id"));
}

// The serialization span of a unary answer: building the message from domain values and sizing it. gRPC writes the
// bytes after the handler returns, reusing nothing of this but the message (bench/grpc times that step alone).
template <typename Build> void serialize(Build &&build, const google::protobuf::Message &response) {
    tracing::recordSerialization("serialize protobuf", build, [&] { return response.ByteSizeLong(); });
}

} // namespace

grpc::Status OrderRpcService::getUser(grpc::CallbackServerContext &call, const orders::v1::GetUserRequest &request,
                                      orders::v1::User &response) {
    if (auto refused = precheck(m_env.checks, call, request))
        return *refused;
    if (auto invalid = checkId(request.user_id(), "user_id", "user"))
        return *invalid;
    orders::v1::User probe; // the mask is checked before any SQL
    if (auto masked = applyReadMask(request.read_mask(), probe); !masked)
        return toGrpcStatus(masked.error());
    auto user = m_env.context.service.user(request.user_id());
    if (!user)
        return toGrpcStatus(user.error());
    serialize(
        [&] {
            toProto(*user, response);
            (void)applyReadMask(request.read_mask(), response); // checked above
        },
        response);
    return grpc::Status::OK;
}

grpc::Status OrderRpcService::getUserOrders(grpc::CallbackServerContext &call, const orders::v1::UserRequest &request,
                                            orders::v1::OrderList &response) {
    if (auto refused = precheck(m_env.checks, call, request))
        return *refused;
    if (auto invalid = checkId(request.user_id(), "user_id", "user"))
        return *invalid;
    auto orders = m_env.context.service.userOrders(request.user_id());
    if (!orders)
        return toGrpcStatus(orders.error());
    serialize([&] { toProto(*orders, response); }, response);
    return grpc::Status::OK;
}

grpc::Status OrderRpcService::createOrder(grpc::CallbackServerContext &call,
                                          const orders::v1::CreateOrderRequest &request, orders::v1::Order &response) {
    if (auto refused = precheck(m_env.checks, call, request))
        return *refused;
    if (auto refused = m_env.checks.authorize(call))
        return *refused;
    auto created = m_env.context.service.createOrder(fromProto(request));
    if (!created)
        return toGrpcStatus(created.error());
    serialize([&] { toProto(*created, response); }, response);
    return grpc::Status::OK;
}

grpc::Status OrderRpcService::cancelOrder(grpc::CallbackServerContext &call,
                                          const orders::v1::CancelOrderRequest &request, orders::v1::Order &response) {
    if (auto refused = precheck(m_env.checks, call, request))
        return *refused;
    if (auto refused = m_env.checks.authorize(call))
        return *refused;
    if (auto invalid = checkId(request.order_id(), "order_id", "order"))
        return *invalid;
    auto cancelled = m_env.context.service.cancelOrder(request.order_id());
    if (!cancelled)
        return toGrpcStatus(cancelled.error());
    serialize([&] { toProto(*cancelled, response); }, response);
    return grpc::Status::OK;
}

grpc::ServerUnaryReactor *OrderRpcService::GetUser(grpc::CallbackServerContext *call,
                                                   const orders::v1::GetUserRequest *request,
                                                   orders::v1::User *response) {
    return answer(m_env.context.tracer, call, "GetUser", *request, *response,
                  [&] { return getUser(*call, *request, *response); });
}

grpc::ServerUnaryReactor *OrderRpcService::GetUserOrders(grpc::CallbackServerContext *call,
                                                         const orders::v1::UserRequest *request,
                                                         orders::v1::OrderList *response) {
    return answer(m_env.context.tracer, call, "GetUserOrders", *request, *response,
                  [&] { return getUserOrders(*call, *request, *response); });
}

grpc::ServerUnaryReactor *OrderRpcService::CreateOrder(grpc::CallbackServerContext *call,
                                                       const orders::v1::CreateOrderRequest *request,
                                                       orders::v1::Order *response) {
    return answer(m_env.context.tracer, call, "CreateOrder", *request, *response,
                  [&] { return createOrder(*call, *request, *response); });
}

grpc::ServerUnaryReactor *OrderRpcService::CancelOrder(grpc::CallbackServerContext *call,
                                                       const orders::v1::CancelOrderRequest *request,
                                                       orders::v1::Order *response) {
    return answer(m_env.context.tracer, call, "CancelOrder", *request, *response,
                  [&] { return cancelOrder(*call, *request, *response); });
}

grpc::ServerWriteReactor<orders::v1::Order> *
OrderRpcService::StreamOrders(grpc::CallbackServerContext *call, const orders::v1::StreamOrdersRequest *request) {
    CallChecks::mirrorCompression(*call);
    return StreamOrdersReactor::start(m_env, *call, *request);
}

grpc::ServerReadReactor<orders::v1::CreateOrderRequest> *
OrderRpcService::UploadOrders(grpc::CallbackServerContext *call, orders::v1::UploadSummary *response) {
    CallChecks::mirrorCompression(*call);
    return UploadOrdersReactor::start(m_env, *call, *response);
}

grpc::ServerBidiReactor<orders::v1::TrackRequest, orders::v1::OrderEvent> *
OrderRpcService::TrackOrders(grpc::CallbackServerContext *call) {
    CallChecks::mirrorCompression(*call);
    return TrackOrdersReactor::start(m_env, *call);
}

} // namespace triptych::rpc
