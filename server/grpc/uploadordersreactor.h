#pragma once

#include "server/domain/domain.h"
#include "server/grpc/rpcenvironment.h"
#include "server/grpc/rpctrace.h"
#include "server/grpc/streamslots.h"

#include "orders/v1/orders.pb.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <mutex>
#include <vector>

namespace grpc {
class CallbackServerContext;
}

namespace triptych::rpc {

// UploadOrders: collects the client's items and, once it half-closes, creates the valid ones in one service call;
// the summary reports the rest by index. A cancelled or timed-out upload creates nothing. Owns itself.
class UploadOrdersReactor final : public grpc::ServerReadReactor<grpc::ByteBuffer> {
public:
    // Items arrive as bytes and are parsed here: one that does not parse ends the call with INVALID_ARGUMENT (gRPC's
    // typed reader would take it for the end of the stream and upload the items before it).
    static UploadOrdersReactor *start(RpcEnvironment env, grpc::CallbackServerContext &call,
                                      grpc::ByteBuffer &response);

    void OnReadDone(bool ok) override;
    void OnCancel() override;
    void OnDone() override;

private:
    UploadOrdersReactor(RpcEnvironment env, grpc::CallbackServerContext &call, grpc::ByteBuffer &response);
    // Under m_mutex.
    void upload();
    void finish(grpc::Status status);

    RpcEnvironment m_env;
    grpc::CallbackServerContext &m_call; // a failed read is a half-close only when the call is not cancelled
    grpc::ByteBuffer &m_response;
    RpcTrace m_trace;
    std::mutex m_mutex; // OnReadDone and OnCancel may run at once on different threads
    StreamSlots::Slot m_slot;
    grpc::ByteBuffer m_read;
    orders::v1::CreateOrderRequest m_request;
    std::vector<CreateOrderInput> m_items;
    bool m_finished = false;
};

} // namespace triptych::rpc
