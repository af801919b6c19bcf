#pragma once

#include "server/core/eventbus.h"
#include "server/domain/domain.h"
#include "server/domain/result.h"
#include "server/grpc/rpcenvironment.h"
#include "server/grpc/streamreactor.h"

#include "orders/v1/orders.pb.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <deque>
#include <map>
#include <memory>
#include <set>

namespace grpc {
class CallbackServerContext;
}

namespace triptych::rpc {

// TrackOrders: each request adds an order to watch and its later events come back as OrderEvent; `stop` ends the
// call with OK once the events already due are sent. A half-close keeps the watches running until the deadline or
// a cancel (or ends at once when nothing is watched). One EventBus subscription per user of a watched order.
class TrackOrdersReactor final
    : public StreamReactor<TrackOrdersReactor, grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>> {
public:
    static TrackOrdersReactor *start(RpcEnvironment env, grpc::CallbackServerContext &call);

    void OnReadDone(bool ok) override;

private:
    friend StreamReactor;
    TrackOrdersReactor(RpcEnvironment env, grpc::CallbackServerContext &call);
    // Under the lifeline's mutex.
    void watch(const Order &order);
    void onEvent(const OrderEvent &event);
    void pump();
    void release();
    // Outside the lock: validates the request and looks the order up (so its spans are not made the call's children).
    Result<Order> lookUp(const orders::v1::TrackRequest &request) const;

    grpc::ByteBuffer m_read; // a TrackRequest's bytes, parsed here (see rawmessage.h)
    std::size_t m_requestsRead = 0;
    orders::v1::TrackRequest m_request;
    std::set<OrderId> m_watched;
    std::map<UserId, std::unique_ptr<EventBus::Subscription>> m_subscriptions;
    std::deque<OrderEvent> m_queue;
    orders::v1::OrderEvent m_message;
    grpc::ByteBuffer m_written; // alive until OnWriteDone
    bool m_stopRequested = false;
};

} // namespace triptych::rpc
