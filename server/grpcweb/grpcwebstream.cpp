#include "server/grpcweb/grpcwebstream.h"

#include "server/core/orderservice.h"
#include "server/core/servicecontext.h"
#include "server/grpc/limits.h"
#include "server/grpc/protoconvert.h"
#include "server/grpc/statusmapping.h"
#include "server/http/scheduler.h"

#include <algorithm>

namespace triptych::grpcweb {

std::optional<std::chrono::milliseconds> parseGrpcTimeout(std::string_view value) {
    if (value.size() < 2 || value.size() > 9)
        return std::nullopt;
    std::int64_t amount = 0;
    for (const char c : value.substr(0, value.size() - 1)) {
        if (c < '0' || c > '9')
            return std::nullopt;
        amount = amount * 10 + (c - '0');
    }
    using namespace std::chrono;
    switch (value.back()) {
    case 'H':
        return duration_cast<milliseconds>(hours(amount));
    case 'M':
        return duration_cast<milliseconds>(minutes(amount));
    case 'S':
        return duration_cast<milliseconds>(seconds(amount));
    case 'm':
        return milliseconds(amount);
    case 'u':
        return duration_cast<milliseconds>(microseconds(amount));
    case 'n':
        return duration_cast<milliseconds>(nanoseconds(amount));
    default:
        return std::nullopt;
    }
}

OrderFrameStream::OrderFrameStream(std::shared_ptr<http::Scheduler> scheduler, std::unique_ptr<WebCall> call,
                                   std::shared_ptr<void> slot)
    : m_scheduler(std::move(scheduler))
    , m_call(std::move(call))
    , m_slot(std::move(slot)) {}

http::HttpResponse OrderFrameStream::open(ServiceContext &context, std::shared_ptr<http::Scheduler> scheduler,
                                          std::unique_ptr<WebCall> call, const orders::v1::StreamOrdersRequest &request,
                                          std::string_view timeout, std::shared_ptr<void> slot) {
    const auto refuse = [&call](const grpc::Status &status) {
        auto response = call->head();
        response.body = call->finish(status);
        return response;
    };
    if (request.user_id() <= 0)
        return refuse(rpc::toGrpcStatus(rpc::invalidField("user_id", "must be a positive user id")));
    if (request.interval_ms() < 0 || request.interval_ms() > rpc::limits::kMaxStreamIntervalMs)
        return refuse(rpc::toGrpcStatus(rpc::invalidField(
            "interval_ms", "must be between 0 and " + std::to_string(rpc::limits::kMaxStreamIntervalMs) + " ms")));
    std::shared_ptr<OrderFrameStream> stream(
        new OrderFrameStream(std::move(scheduler), std::move(call), std::move(slot)));
    stream->m_interval = std::chrono::milliseconds(request.interval_ms());
    stream->m_follow = request.follow();
    if (stream->m_follow) {
        std::weak_ptr<OrderFrameStream> weak = stream;
        stream->m_subscription = context.events.subscribe(
            [weak](const OrderEvent &event) {
                if (auto self = weak.lock())
                    self->onEvent(event);
            },
            request.user_id());
    }
    Result<std::vector<Order>> orders = [&] {
        auto scope = stream->m_call->makeCurrent();
        return context.service.userOrders(request.user_id());
    }();
    std::lock_guard lock(stream->m_mutex);
    auto response = stream->m_call->head();
    if (!orders || stream->m_finished) {
        // Refused by the service, or too many events came while it read: a trailers-only answer.
        if (!stream->m_finished)
            stream->finish(rpc::toGrpcStatus(orders.error()));
        response.body = std::move(stream->m_refusal);
        return response;
    }
    stream->m_existing = std::move(*orders);
    response.stream = [stream, deadline = parseGrpcTimeout(timeout)](std::shared_ptr<http::ResponseStream> out) {
        stream->start(std::move(out), deadline);
    };
    return response;
}

void OrderFrameStream::start(std::shared_ptr<http::ResponseStream> out,
                             std::optional<std::chrono::milliseconds> deadline) {
    out->onClosed([self = shared_from_this()] { self->close(); });
    if (deadline) {
        std::weak_ptr<OrderFrameStream> weak = shared_from_this();
        m_scheduler->after(*deadline, [weak] {
            if (auto self = weak.lock())
                self->onDeadline();
        });
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return;
        m_out = std::move(out);
        if (m_interval.count() == 0) {
            // As fast as possible: every existing order in one chunk.
            std::string chunk;
            for (const auto &order : m_existing) {
                m_message.Clear();
                rpc::toProto(order, m_message);
                chunk += m_call->messageChunk(m_message.SerializeAsString());
            }
            m_nextExisting = m_existing.size();
            if (!chunk.empty() && !m_out->write(std::move(chunk)))
                return finish(grpc::Status::CANCELLED);
        }
    }
    sendNext();
}

void OrderFrameStream::sendNext() {
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return;
        if (m_nextExisting < m_existing.size()) {
            if (!writeOrder(m_existing[m_nextExisting++]))
                return;
            if (m_nextExisting < m_existing.size()) {
                std::weak_ptr<OrderFrameStream> weak = shared_from_this();
                m_scheduler->after(m_interval, [weak] {
                    if (auto self = weak.lock())
                        self->sendNext();
                });
                return;
            }
        }
    }
    goLive();
}

void OrderFrameStream::goLive() {
    std::lock_guard lock(m_mutex);
    if (m_finished || m_live)
        return;
    if (!m_follow)
        return finish(grpc::Status::OK);
    m_live = true;
    for (const auto &order : m_early) {
        // An event the existing orders already show (same order, same status) would be sent twice.
        const auto found = std::lower_bound(m_existing.begin(), m_existing.end(), order.id,
                                            [](const Order &existing, OrderId id) { return existing.id < id; });
        if (found != m_existing.end() && found->id == order.id && found->status == order.status)
            continue;
        if (!writeOrder(order))
            return;
    }
    m_early.clear();
    m_existing.clear();
    m_existing.shrink_to_fit();
}

void OrderFrameStream::onEvent(const OrderEvent &event) {
    std::lock_guard lock(m_mutex);
    if (m_finished)
        return;
    if (!m_live) {
        if (m_early.size() >= rpc::limits::kMaxPendingEvents)
            return finish(rpc::toGrpcStatus(rpc::exhausted("the client reads too slowly: more than " +
                                                               std::to_string(rpc::limits::kMaxPendingEvents) +
                                                               " events are waiting",
                                                           "SLOW_CONSUMER"),
                                            std::chrono::milliseconds(0)));
        m_early.push_back(event.order);
        return;
    }
    writeOrder(event.order);
}

void OrderFrameStream::onDeadline() {
    std::lock_guard lock(m_mutex);
    if (!m_finished)
        finish(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "the call's grpc-timeout passed"));
}

bool OrderFrameStream::writeOrder(const Order &order) {
    m_message.Clear();
    rpc::toProto(order, m_message);
    if (m_out && m_out->write(m_call->messageChunk(m_message.SerializeAsString())))
        return true;
    // The client left or reads too slowly: nothing more can reach it.
    finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client left"));
    return false;
}

void OrderFrameStream::finish(const grpc::Status &status) {
    if (m_finished)
        return;
    m_finished = true;
    m_slot.reset(); // the call has ended: its slot is free for the next stream
    auto trailers = m_call->finish(status);
    m_early.clear();
    if (!m_out) {
        m_refusal = std::move(trailers); // not started yet: open() answers it
        return;
    }
    m_out->write(std::move(trailers));
    m_out->end();
}

void OrderFrameStream::close() {
    std::unique_ptr<EventBus::Subscription> subscription;
    {
        std::lock_guard lock(m_mutex);
        if (!m_finished)
            finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client left"));
        m_out.reset();
        subscription = std::move(m_subscription);
    }
    // Released outside the lock: a publisher may be waiting for it in onEvent.
}

} // namespace triptych::grpcweb
