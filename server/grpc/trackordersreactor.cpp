#include "server/grpc/trackordersreactor.h"

#include "server/core/orderservice.h"
#include "server/core/servicecontext.h"
#include "server/grpc/callchecks.h"
#include "server/grpc/limits.h"
#include "server/grpc/protoconvert.h"
#include "server/grpc/rawmessage.h"
#include "server/grpc/statusmapping.h"
#include "server/grpc/streamopening.h"

#include <grpcpp/server_context.h>

namespace triptych::rpc {

TrackOrdersReactor::TrackOrdersReactor(RpcEnvironment env, grpc::CallbackServerContext &call)
    : StreamReactor(this, env, call, "TrackOrders") {}

TrackOrdersReactor *TrackOrdersReactor::start(RpcEnvironment env, grpc::CallbackServerContext &call) {
    auto *reactor = new TrackOrdersReactor(env, call);
    const auto self = reactor->m_self;
    std::lock_guard lock(self->mutex());
    if (auto refused = openStream(env, call, StreamAccess::Read, reactor->m_slot))
        reactor->finish(*refused);
    else
        reactor->StartRead(&reactor->m_read);
    return reactor;
}

Result<Order> TrackOrdersReactor::lookUp(const orders::v1::TrackRequest &request) const {
    if (request.order_id() <= 0)
        return invalidField("order_id", "must be a positive order id");
    return m_env.context.service.order(request.order_id());
}

void TrackOrdersReactor::OnReadDone(bool ok) {
    const auto self = m_self;
    std::unique_lock lock(self->mutex());
    if (m_finished)
        return;
    if (!ok) { // half-close: keep sending the watched orders' events, unless there are none
        if (m_watched.empty())
            finish(grpc::Status::OK);
        return;
    }
    m_request.Clear();
    if (auto unparsed = parseRequest(m_read, m_request, "request[" + std::to_string(m_requestsRead) + "]"))
        return finish(*unparsed);
    ++m_requestsRead;
    if (m_request.stop()) {
        m_stopRequested = true;
        return pump();
    }
    if (m_watched.size() >= limits::kMaxTrackedOrders)
        return finish(
            toGrpcStatus(exhausted("one call watches at most " + std::to_string(limits::kMaxTrackedOrders) + " orders",
                                   "TOO_MANY_TRACKED_ORDERS"),
                         std::chrono::milliseconds(0)));
    // The only read in flight is this one, so m_request is ours until the next StartRead; no lock for the SQL.
    lock.unlock();
    auto order = lookUp(m_request);
    lock.lock();
    if (m_finished)
        return;
    if (!order)
        return finish(toGrpcStatus(order.error()));
    watch(*order);
    StartRead(&m_read);
}

void TrackOrdersReactor::watch(const Order &order) {
    m_watched.insert(order.id);
    if (m_subscriptions.contains(order.userId))
        return;
    std::weak_ptr<Self> weak = m_self;
    m_subscriptions.emplace(order.userId, m_env.context.events.subscribe(
                                              [weak](const OrderEvent &event) {
                                                  Self::visit(weak, [&](auto &reactor) { reactor.onEvent(event); });
                                              },
                                              order.userId));
}

void TrackOrdersReactor::onEvent(const OrderEvent &event) {
    if (m_finished || m_stopRequested || !m_watched.contains(event.order.id))
        return;
    if (m_queue.size() >= limits::kMaxPendingEvents)
        return finish(toGrpcStatus(exhausted("the client reads too slowly: more than " +
                                                 std::to_string(limits::kMaxPendingEvents) + " events are waiting",
                                             "SLOW_CONSUMER"),
                                   std::chrono::milliseconds(0)));
    m_queue.push_back(event);
    pump();
}

void TrackOrdersReactor::pump() {
    if (m_finished || m_writing)
        return;
    if (m_queue.empty()) {
        if (m_stopRequested)
            finish(grpc::Status::OK);
        return;
    }
    m_message.Clear();
    toProto(m_queue.front(), m_message);
    m_queue.pop_front();
    serializeInto(m_message, m_written);
    m_writing = true;
    StartWrite(&m_written);
}

void TrackOrdersReactor::release() {
    m_subscriptions.clear();
    m_queue.clear();
}

} // namespace triptych::rpc
