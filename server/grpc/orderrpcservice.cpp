#include "server/grpc/orderrpcservice.h"

#include "server/core/servicecontext.h"
#include "server/grpc/callchecks.h"
#include "server/grpc/rawmessage.h"
#include "server/grpc/rpctrace.h"
#include "server/grpc/streamordersreactor.h"
#include "server/grpc/trackordersreactor.h"
#include "server/grpc/unaryhandlers.h"
#include "server/grpc/uploadordersreactor.h"

#include <google/protobuf/arena.h>

#include <type_traits>

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

} // namespace

template <typename Request, typename Response, typename Handle>
grpc::ServerUnaryReactor *OrderRpcService::unary(grpc::CallbackServerContext *call, std::string_view method,
                                                 const grpc::ByteBuffer &bytes, grpc::ByteBuffer &answer,
                                                 Handle handle) {
    // Request and answer on one arena: user 42's 1,000 orders become a few block allocations, all freed at once.
    google::protobuf::Arena arena;
    auto *request = google::protobuf::Arena::CreateMessage<Request>(&arena);
    constexpr bool raw = std::is_same_v<Response, grpc::ByteBuffer>;
    Response *response = nullptr;
    if constexpr (raw)
        response = &answer;
    else
        response = google::protobuf::Arena::CreateMessage<Response>(&arena);
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
    if constexpr (!raw)
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
    return rpc::getUser(m_env.context, request, response);
}

grpc::Status OrderRpcService::getUserOrders(grpc::CallbackServerContext &, const orders::v1::UserRequest &request,
                                            grpc::ByteBuffer &response) {
    return rpc::getUserOrdersWire(m_env.context, request, response);
}

grpc::Status OrderRpcService::listUsers(grpc::CallbackServerContext &, const orders::v1::ListUsersRequest &request,
                                        orders::v1::UserList &response) {
    return rpc::listUsers(m_env.context, request, response);
}

grpc::Status OrderRpcService::createOrder(grpc::CallbackServerContext &call,
                                          const orders::v1::CreateOrderRequest &request, orders::v1::Order &response) {
    if (auto refused = m_env.checks.authorize(call))
        return *refused;
    return rpc::createOrder(m_env.context, request, response);
}

grpc::Status OrderRpcService::cancelOrder(grpc::CallbackServerContext &call,
                                          const orders::v1::CancelOrderRequest &request, orders::v1::Order &response) {
    if (auto refused = m_env.checks.authorize(call))
        return *refused;
    return rpc::cancelOrder(m_env.context, request, response);
}

grpc::ServerUnaryReactor *OrderRpcService::GetUser(grpc::CallbackServerContext *call, const grpc::ByteBuffer *request,
                                                   grpc::ByteBuffer *response) {
    return unary<orders::v1::GetUserRequest, orders::v1::User>(call, "GetUser", *request, *response,
                                                               &OrderRpcService::getUser);
}

grpc::ServerUnaryReactor *OrderRpcService::GetUserOrders(grpc::CallbackServerContext *call,
                                                         const grpc::ByteBuffer *request, grpc::ByteBuffer *response) {
    return unary<orders::v1::UserRequest, grpc::ByteBuffer>(call, "GetUserOrders", *request, *response,
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
