#pragma once

#include "server/core/eventbus.h"
#include "server/domain/domain.h"
#include "server/grpc/rpcenvironment.h"
#include "server/grpc/streamreactor.h"
#include "server/http/scheduler.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <deque>
#include <memory>
#include <vector>

namespace grpc {
class CallbackServerContext;
}

namespace triptych::rpc {

// StreamOrders: the user's orders interval_ms apart (pacing on the scheduler), then, with follow, the Order of every
// later event of them until the client leaves, cancels or its deadline passes. Owns itself; deleted in OnDone.
class StreamOrdersReactor final
    : public StreamReactor<StreamOrdersReactor, grpc::ServerWriteReactor<grpc::ByteBuffer>> {
public:
    // `request`: the bytes of a StreamOrdersRequest, parsed here (see rawmessage.h).
    static StreamOrdersReactor *start(RpcEnvironment env, grpc::CallbackServerContext &call,
                                      const grpc::ByteBuffer &request);

private:
    friend StreamReactor;
    StreamOrdersReactor(RpcEnvironment env, grpc::CallbackServerContext &call);
    // Everything below runs under the lifeline's mutex.
    void begin(const grpc::CallbackServerContext &call, const grpc::ByteBuffer &bytes);
    void takeSnapshot(std::vector<Order> orders);
    void onEvent(const OrderEvent &event);
    void onTimer();
    void pump();
    // buffer: gRPC may hold the message until a later one or its write buffer fills (WriteOptions' buffer hint).
    void write(const Order &order, bool buffer = false);
    void release();

    std::unique_ptr<EventBus::Subscription> m_subscription;
    std::vector<Order> m_snapshot;
    std::size_t m_nextInSnapshot = 0;
    bool m_snapshotTaken = false;
    std::deque<Order> m_live; // events after the snapshot, in order
    std::chrono::milliseconds m_interval{0};
    http::Scheduler::Clock::time_point m_nextWriteAt{};
    bool m_follow = false;
    bool m_timerPending = false;
    grpc::ByteBuffer m_written; // alive until OnWriteDone, as gRPC requires
};

} // namespace triptych::rpc
