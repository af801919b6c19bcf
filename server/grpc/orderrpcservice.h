#pragma once

#include "server/grpc/arenaallocator.h"
#include "server/grpc/rpcenvironment.h"

#include "orders/v1/orders.grpc.pb.h"

namespace triptych::rpc {

// orders.v1.OrderService over the one service layer. Unary methods answer inline (a short SQL read or write);
// the streaming ones hand the call to a self-owned reactor.
class OrderRpcService final : public orders::v1::OrderService::CallbackService {
public:
    explicit OrderRpcService(RpcEnvironment environment)
        : m_env(environment) {
        SetMessageAllocatorFor_GetUserOrders(&m_orderListAllocator);
    }

    grpc::ServerUnaryReactor *GetUser(grpc::CallbackServerContext *call, const orders::v1::GetUserRequest *request,
                                      orders::v1::User *response) override;
    grpc::ServerUnaryReactor *GetUserOrders(grpc::CallbackServerContext *call, const orders::v1::UserRequest *request,
                                            orders::v1::OrderList *response) override;
    grpc::ServerUnaryReactor *CreateOrder(grpc::CallbackServerContext *call,
                                          const orders::v1::CreateOrderRequest *request,
                                          orders::v1::Order *response) override;
    grpc::ServerUnaryReactor *CancelOrder(grpc::CallbackServerContext *call,
                                          const orders::v1::CancelOrderRequest *request,
                                          orders::v1::Order *response) override;
    grpc::ServerWriteReactor<orders::v1::Order> *StreamOrders(grpc::CallbackServerContext *call,
                                                              const orders::v1::StreamOrdersRequest *request) override;
    grpc::ServerReadReactor<orders::v1::CreateOrderRequest> *UploadOrders(grpc::CallbackServerContext *call,
                                                                          orders::v1::UploadSummary *response) override;
    grpc::ServerBidiReactor<orders::v1::TrackRequest, orders::v1::OrderEvent> *
    TrackOrders(grpc::CallbackServerContext *call) override;

private:
    // The status each unary call finishes with; the response is filled when it is OK.
    grpc::Status getUser(grpc::CallbackServerContext &call, const orders::v1::GetUserRequest &request,
                         orders::v1::User &response);
    grpc::Status getUserOrders(grpc::CallbackServerContext &call, const orders::v1::UserRequest &request,
                               orders::v1::OrderList &response);
    grpc::Status createOrder(grpc::CallbackServerContext &call, const orders::v1::CreateOrderRequest &request,
                             orders::v1::Order &response);
    grpc::Status cancelOrder(grpc::CallbackServerContext &call, const orders::v1::CancelOrderRequest &request,
                             orders::v1::Order &response);

    RpcEnvironment m_env;
    ArenaAllocator<orders::v1::UserRequest, orders::v1::OrderList> m_orderListAllocator;
};

} // namespace triptych::rpc
