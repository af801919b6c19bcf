#include "server/grpc/streamordersreactor.h"

#include "server/core/orderservice.h"
#include "server/core/servicecontext.h"
#include "server/grpc/callchecks.h"
#include "server/grpc/limits.h"
#include "server/grpc/orderwire.h"
#include "server/grpc/rawmessage.h"
#include "server/grpc/statusmapping.h"
#include "server/grpc/streamopening.h"

#include "orders/v1/orders.pb.h"

#include <grpcpp/server_context.h>

#include <algorithm>

namespace triptych::rpc {

StreamOrdersReactor::StreamOrdersReactor(RpcEnvironment env, grpc::CallbackServerContext &call)
    : StreamReactor(this, env, call, "StreamOrders") {}

StreamOrdersReactor *StreamOrdersReactor::start(RpcEnvironment env, grpc::CallbackServerContext &call,
                                                const grpc::ByteBuffer &request) {
    auto *reactor = new StreamOrdersReactor(env, call);
    reactor->begin(call, request);
    return reactor;
}

void StreamOrdersReactor::begin(const grpc::CallbackServerContext &call, const grpc::ByteBuffer &bytes) {
    const auto self = m_self;
    std::unique_lock lock(self->mutex());
    // Only this handler thread touches the trace until the snapshot is taken: no reaction can run before we return.
    auto traceScope = m_trace.makeCurrent();
    m_trace.addRequestBytes(bytes.Length());
    if (auto refused = openStream(m_env, call, StreamAccess::Read, m_slot))
        return finish(*refused);
    orders::v1::StreamOrdersRequest request;
    if (auto unparsed = parseRequest(bytes, request))
        return finish(*unparsed);
    if (request.user_id() <= 0)
        return finish(toGrpcStatus(invalidField("user_id", "must be a positive user id")));
    if (request.interval_ms() < 0 || request.interval_ms() > limits::kMaxStreamIntervalMs)
        return finish(toGrpcStatus(invalidField(
            "interval_ms", "must be between 0 and " + std::to_string(limits::kMaxStreamIntervalMs) + " ms")));
    m_interval = std::chrono::milliseconds(request.interval_ms());
    m_follow = request.follow();
    if (m_follow) {
        // Subscribed before the snapshot is read, so no event between the two is lost.
        std::weak_ptr<Self> weak = m_self;
        m_subscription = m_env.context.events.subscribe(
            [weak](const OrderEvent &event) { Self::visit(weak, [&](auto &reactor) { reactor.onEvent(event); }); },
            request.user_id());
    }
    // The SQL read runs without the lock, so a publisher never waits for it.
    lock.unlock();
    auto orders = m_env.context.service.userOrders(request.user_id());
    lock.lock();
    if (m_finished)
        return;
    if (!orders)
        return finish(toGrpcStatus(orders.error()));
    takeSnapshot(std::move(*orders));
    pump();
}

void StreamOrdersReactor::takeSnapshot(std::vector<Order> orders) {
    m_snapshot = std::move(orders);
    m_snapshotTaken = true;
    // Events that arrived while the snapshot was read and that it already shows would be sent twice.
    std::erase_if(m_live, [&](const Order &event) {
        const auto it = std::lower_bound(m_snapshot.begin(), m_snapshot.end(), event.id,
                                         [](const Order &order, OrderId id) { return order.id < id; });
        return it != m_snapshot.end() && it->id == event.id && it->status == event.status;
    });
}

void StreamOrdersReactor::onEvent(const OrderEvent &event) {
    if (m_finished)
        return;
    if (m_live.size() >= limits::kMaxPendingEvents)
        return finish(toGrpcStatus(exhausted("the client reads too slowly: more than " +
                                                 std::to_string(limits::kMaxPendingEvents) + " events are waiting",
                                             "SLOW_CONSUMER"),
                                   std::chrono::milliseconds(0)));
    m_live.push_back(event.order);
    if (m_snapshotTaken)
        pump();
}

void StreamOrdersReactor::onTimer() {
    m_timerPending = false;
    pump();
}

void StreamOrdersReactor::pump() {
    if (m_finished || m_writing || m_timerPending)
        return;
    if (m_nextInSnapshot < m_snapshot.size()) {
        const auto now = http::Scheduler::Clock::now();
        if (m_nextInSnapshot > 0 && now < m_nextWriteAt) {
            m_timerPending = true;
            std::weak_ptr<Self> weak = m_self;
            m_env.scheduler.at(m_nextWriteAt, [weak] { Self::visit(weak, [](auto &reactor) { reactor.onTimer(); }); });
            return;
        }
        m_nextWriteAt = now + m_interval;
        // Back to back, the messages between the first and the last may share HTTP/2 frames and syscalls: gRPC
        // buffers them up to its write buffer size; the first goes out at once and the last flushes the rest.
        const std::size_t at = m_nextInSnapshot++;
        const bool buffer = m_interval.count() == 0 && at > 0 && at + 1 < m_snapshot.size();
        return write(m_snapshot[at], buffer);
    }
    if (!m_snapshot.empty()) {
        m_snapshot.clear(); // sent: free it while a follow stream stays open
        m_snapshot.shrink_to_fit();
    }
    if (!m_live.empty()) {
        const Order next = std::move(m_live.front());
        m_live.pop_front();
        return write(next);
    }
    if (!m_follow)
        finish(grpc::Status::OK);
}

void StreamOrdersReactor::write(const Order &order, bool buffer) {
    m_written = wire::orderMessage(order);
    if (m_trace.active())
        m_trace.addResponseBytes(m_written.Length());
    m_writing = true;
    StartWrite(&m_written, buffer ? grpc::WriteOptions().set_buffer_hint() : grpc::WriteOptions());
}

void StreamOrdersReactor::release() {
    m_subscription.reset();
    m_live.clear();
}

} // namespace triptych::rpc
