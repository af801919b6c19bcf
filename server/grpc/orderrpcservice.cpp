#include "server/grpc/orderrpcservice.h"

#include "server/core/orderservice.h"
#include "server/core/servicecontext.h"
#include "server/domain/limits.h"
#include "server/grpc/callchecks.h"
#include "server/grpc/protoconvert.h"
#include "server/grpc/rawmessage.h"
#include "server/grpc/readmask.h"
#include "server/grpc/rpctrace.h"
#include "server/grpc/statusmapping.h"
#include "server/grpc/streamordersreactor.h"
#include "server/grpc/trackordersreactor.h"
#include "server/grpc/uploadordersreactor.h"

#include <google/protobuf/arena.h>

namespace triptych::rpc {
namespace {

grpc::ServerUnaryReactor *finishWith(grpc::CallbackServerContext *call, grpc::Status status) {
    auto *reactor = call->DefaultReactor();
    reactor->Finish(std::move(status));
    return reactor;
}

// Checks every unary call passes before its request is parsed: compression, rate limit.
std::optional<grpc::Status> precheck(const CallChecks &checks, grpc::CallbackServerContext &call) {
    CallChecks::mirrorCompression(call);
    return checks.admit(call);
}

std::optional<grpc::Status> checkId(std::int32_t id, const char *field, const char *what) {
    if (id > 0)
        return std::nullopt;
    return toGrpcStatus(invalidField(field, std::string("must be a positive ") + what + " id"));
}

// The serialization span of a unary answer: building the message from domain values and sizing it (the sizes are
// cached for the bytes written next; bench/grpc times that step alone).
template <typename Build> void serialize(Build &&build, const google::protobuf::Message &response) {
    tracing::recordSerialization("serialize protobuf", build, [&] { return response.ByteSizeLong(); });
}

} // namespace

template <typename Request, typename Response, typename Handle>
grpc::ServerUnaryReactor *OrderRpcService::unary(grpc::CallbackServerContext *call, std::string_view method,
                                                 const grpc::ByteBuffer &bytes, grpc::ByteBuffer &answer,
                                                 Handle handle) {
    // Request and answer on one arena: user 42's 1,000 orders become a few block allocations, all freed at once.
    google::protobuf::Arena arena;
    auto *request = google::protobuf::Arena::CreateMessage<Request>(&arena);
    auto *response = google::protobuf::Arena::CreateMessage<Response>(&arena);
    RpcTrace trace(m_env.context.tracer, *call, method);
    grpc::Status status;
    {
        auto scope = trace.makeCurrent();
        if (auto refused = precheck(m_env.checks, *call))
            status = *refused;
        else if (auto unparsed = parseRequest(bytes, *request))
            status = *unparsed;
        else
            status = (this->*handle)(*call, *request, *response);
    }
    if (status.ok())
        serializeInto(*response, answer);
    if (trace.active()) {
        trace.addRequestBytes(bytes.Length());
        if (status.ok())
            trace.addResponseBytes(answer.Length());
    }
    trace.finish(status);
    return finishWith(call, std::move(status));
}

grpc::Status OrderRpcService::getUser(grpc::CallbackServerContext &, const orders::v1::GetUserRequest &request,
                                      orders::v1::User &response) {
    if (auto invalid = checkId(request.user_id(), "user_id", "user"))
        return *invalid;
    const auto fields = readMaskFields(request.read_mask(), *orders::v1::User::descriptor()); // before any SQL
    if (!fields)
        return toGrpcStatus(fields.error());
    auto user = m_env.context.service.user(request.user_id());
    if (!user)
        return toGrpcStatus(user.error());
    serialize(
        [&] {
            orders::v1::User full;
            toProto(*user, full);
            moveMaskedFields(full, response, *fields);
        },
        response);
    return grpc::Status::OK;
}

grpc::Status OrderRpcService::getUserOrders(grpc::CallbackServerContext &, const orders::v1::UserRequest &request,
                                            orders::v1::OrderList &response) {
    if (auto invalid = checkId(request.user_id(), "user_id", "user"))
        return *invalid;
    auto orders = m_env.context.service.userOrders(request.user_id());
    if (!orders)
        return toGrpcStatus(orders.error());
    serialize([&] { toProto(*orders, response); }, response);
    return grpc::Status::OK;
}

grpc::Status OrderRpcService::listUsers(grpc::CallbackServerContext &, const orders::v1::ListUsersRequest &request,
                                        orders::v1::UserList &response) {
    const int first = request.first() == 0 ? triptych::limits::kDefaultPageSize : request.first();
    if (first < triptych::limits::kMinPageSize || first > triptych::limits::kMaxPageSize)
        return toGrpcStatus(invalidField("first", "must be from 1 to 100 (0: 20)"));
    const auto fields = readMaskFields(request.read_mask(), *orders::v1::User::descriptor()); // before any SQL
    if (!fields)
        return toGrpcStatus(fields.error());
    auto slice = m_env.context.service.usersAfter(0, first, false);
    if (!slice)
        return toGrpcStatus(slice.error());
    serialize(
        [&] {
            orders::v1::User full;
            for (const auto &user : slice->users) {
                full.Clear();
                toProto(user, full);
                moveMaskedFields(full, *response.add_users(), *fields);
            }
        },
        response);
    return grpc::Status::OK;
}

grpc::Status OrderRpcService::createOrder(grpc::CallbackServerContext &call,
                                          const orders::v1::CreateOrderRequest &request, orders::v1::Order &response) {
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

grpc::ServerUnaryReactor *OrderRpcService::GetUser(grpc::CallbackServerContext *call, const grpc::ByteBuffer *request,
                                                   grpc::ByteBuffer *response) {
    return unary<orders::v1::GetUserRequest, orders::v1::User>(call, "GetUser", *request, *response,
                                                               &OrderRpcService::getUser);
}

grpc::ServerUnaryReactor *OrderRpcService::GetUserOrders(grpc::CallbackServerContext *call,
                                                         const grpc::ByteBuffer *request, grpc::ByteBuffer *response) {
    return unary<orders::v1::UserRequest, orders::v1::OrderList>(call, "GetUserOrders", *request, *response,
                                                                 &OrderRpcService::getUserOrders);
}

grpc::ServerUnaryReactor *OrderRpcService::ListUsers(grpc::CallbackServerContext *call, const grpc::ByteBuffer *request,
                                                     grpc::ByteBuffer *response) {
    return unary<orders::v1::ListUsersRequest, orders::v1::UserList>(call, "ListUsers", *request, *response,
                                                                     &OrderRpcService::listUsers);
}

grpc::ServerUnaryReactor *OrderRpcService::CreateOrder(grpc::CallbackServerContext *call,
                                                       const grpc::ByteBuffer *request, grpc::ByteBuffer *response) {
    return unary<orders::v1::CreateOrderRequest, orders::v1::Order>(call, "CreateOrder", *request, *response,
                                                                    &OrderRpcService::createOrder);
}

grpc::ServerUnaryReactor *OrderRpcService::CancelOrder(grpc::CallbackServerContext *call,
                                                       const grpc::ByteBuffer *request, grpc::ByteBuffer *response) {
    return unary<orders::v1::CancelOrderRequest, orders::v1::Order>(call, "CancelOrder", *request, *response,
                                                                    &OrderRpcService::cancelOrder);
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *OrderRpcService::StreamOrders(grpc::CallbackServerContext *call,
                                                                          const grpc::ByteBuffer *request) {
    CallChecks::mirrorCompression(*call);
    return StreamOrdersReactor::start(m_env, *call, *request);
}

grpc::ServerReadReactor<grpc::ByteBuffer> *OrderRpcService::UploadOrders(grpc::CallbackServerContext *call,
                                                                         grpc::ByteBuffer *response) {
    CallChecks::mirrorCompression(*call);
    return UploadOrdersReactor::start(m_env, *call, *response);
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> *
OrderRpcService::TrackOrders(grpc::CallbackServerContext *call) {
    CallChecks::mirrorCompression(*call);
    return TrackOrdersReactor::start(m_env, *call);
}

} // namespace triptych::rpc
