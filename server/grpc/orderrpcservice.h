#pragma once

#include "server/grpc/rpcenvironment.h"

#include "orders/v1/orders.grpc.pb.h"

#include <grpcpp/support/byte_buffer.h>

#include <string_view>

namespace triptych::rpc {

namespace detail {
using Api = orders::v1::OrderService;
// Every method raw (bytes in, bytes out; see rawmessage.h for why).
using RawOrderService = Api::WithRawCallbackMethod_GetUser<Api::WithRawCallbackMethod_GetUserOrders<
    Api::WithRawCallbackMethod_StreamOrders<Api::WithRawCallbackMethod_UploadOrders<
        Api::WithRawCallbackMethod_TrackOrders<Api::WithRawCallbackMethod_CreateOrder<
            Api::WithRawCallbackMethod_CancelOrder<Api::WithRawCallbackMethod_ListUsers<Api::Service>>>>>>>>;
} // namespace detail

// orders.v1.OrderService over the one service layer. Unary methods answer inline (a short SQL read or write);
// the streaming ones hand the call to a self-owned reactor. Requests are parsed here, not by gRPC, so that bytes
// that do not parse answer INVALID_ARGUMENT with BadRequest.
class OrderRpcService final : public detail::RawOrderService {
public:
    explicit OrderRpcService(RpcEnvironment environment)
        : m_env(environment) {}

    grpc::ServerUnaryReactor *GetUser(grpc::CallbackServerContext *call, const grpc::ByteBuffer *request,
                                      grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *GetUserOrders(grpc::CallbackServerContext *call, const grpc::ByteBuffer *request,
                                            grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *ListUsers(grpc::CallbackServerContext *call, const grpc::ByteBuffer *request,
                                        grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *CreateOrder(grpc::CallbackServerContext *call, const grpc::ByteBuffer *request,
                                          grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *CancelOrder(grpc::CallbackServerContext *call, const grpc::ByteBuffer *request,
                                          grpc::ByteBuffer *response) override;
    grpc::ServerWriteReactor<grpc::ByteBuffer> *StreamOrders(grpc::CallbackServerContext *call,
                                                             const grpc::ByteBuffer *request) override;
    grpc::ServerReadReactor<grpc::ByteBuffer> *UploadOrders(grpc::CallbackServerContext *call,
                                                            grpc::ByteBuffer *response) override;
    grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> *
    TrackOrders(grpc::CallbackServerContext *call) override;

private:
    // Parses the request, runs handle(call, request, response) in the call's span, serializes an OK answer; a
    // Response of grpc::ByteBuffer is the answer's bytes, which the handler writes itself.
    template <typename Request, typename Response, typename Handle>
    grpc::ServerUnaryReactor *unary(grpc::CallbackServerContext *call, std::string_view method,
                                    const grpc::ByteBuffer &bytes, grpc::ByteBuffer &answer, Handle handle);

    // The status each unary call finishes with; the response is filled when it is OK.
    grpc::Status getUser(grpc::CallbackServerContext &call, const orders::v1::GetUserRequest &request,
                         orders::v1::User &response);
    grpc::Status getUserOrders(grpc::CallbackServerContext &call, const orders::v1::UserRequest &request,
                               grpc::ByteBuffer &response);
    grpc::Status listUsers(grpc::CallbackServerContext &call, const orders::v1::ListUsersRequest &request,
                           orders::v1::UserList &response);
    grpc::Status createOrder(grpc::CallbackServerContext &call, const orders::v1::CreateOrderRequest &request,
                             orders::v1::Order &response);
    grpc::Status cancelOrder(grpc::CallbackServerContext &call, const orders::v1::CancelOrderRequest &request,
                             orders::v1::Order &response);

    RpcEnvironment m_env;
};

} // namespace triptych::rpc
