#include "server/rest/orderstream.h"

#include "server/http/scheduler.h"
#include "server/rest/jsonwriter.h"
#include "server/rest/limits.h"

#include <algorithm>

namespace triptych::rest {

OrderStream::OrderStream(std::shared_ptr<http::Scheduler> scheduler, UserId userId, Pacing pacing)
    : m_scheduler(std::move(scheduler))
    , m_userId(userId)
    , m_pacing(pacing) {}

std::shared_ptr<OrderStream> OrderStream::subscribe(EventBus &events, std::shared_ptr<http::Scheduler> scheduler,
                                                    UserId userId, Pacing pacing) {
    std::shared_ptr<OrderStream> stream(new OrderStream(std::move(scheduler), userId, pacing));
    std::weak_ptr<OrderStream> weak = stream;
    stream->m_subscription = events.subscribe(
        [weak](const OrderEvent &event) {
            if (auto self = weak.lock())
                self->onEvent(event);
        },
        userId);
    return stream;
}

std::string OrderStream::frame(const Order &order) {
    std::string chunk = "event: order\ndata: ";
    chunk += json::order(order);
    chunk += "\n\n";
    return chunk;
}

std::string OrderStream::preamble(UserId userId) {
    return "retry: " + std::to_string(limits::kSseRetryMs) + "\n: orders of user " + std::to_string(userId) +
           ", then their live updates\n\n";
}

void OrderStream::setExisting(std::vector<Order> orders) {
    std::lock_guard lock(m_mutex);
    m_existing = std::move(orders);
}

void OrderStream::start(std::shared_ptr<http::ResponseStream> out) {
    out->onClosed([self = shared_from_this()] { self->close(); });
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return;
        m_out = std::move(out);
        std::string first = preamble(m_userId);
        if (m_pacing.interval.count() == 0) {
            // As fast as possible: every existing order in one chunk.
            for (const auto &order : m_existing)
                first += frame(order);
            m_nextExisting = m_existing.size();
        }
        if (!writeLocked(std::move(first)))
            return;
    }
    scheduleHeartbeat();
    sendNextExisting();
}

void OrderStream::sendNextExisting() {
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return;
        if (m_nextExisting < m_existing.size()) {
            if (!writeLocked(frame(m_existing[m_nextExisting++])))
                return;
            if (m_nextExisting < m_existing.size()) {
                std::weak_ptr<OrderStream> weak = shared_from_this();
                m_scheduler->after(m_pacing.interval, [weak] {
                    if (auto self = weak.lock())
                        self->sendNextExisting();
                });
                return;
            }
        }
    }
    goLive();
}

void OrderStream::goLive() {
    std::lock_guard lock(m_mutex);
    if (m_closed || m_live)
        return;
    m_live = true;
    for (const auto &event : m_early) {
        // An event already reflected in the existing orders (same order, same status) is not news.
        const auto found = std::lower_bound(m_existing.begin(), m_existing.end(), event.order.id,
                                            [](const Order &order, OrderId id) { return order.id < id; });
        if (found != m_existing.end() && found->id == event.order.id && found->status == event.order.status)
            continue;
        if (!writeLocked(frame(event.order)))
            return;
    }
    m_early.clear();
    m_existing.clear();
    m_existing.shrink_to_fit();
}

void OrderStream::onEvent(const OrderEvent &event) {
    std::lock_guard lock(m_mutex);
    if (m_closed)
        return;
    if (!m_live) {
        m_early.push_back(event);
        return;
    }
    writeLocked(frame(event.order));
}

void OrderStream::scheduleHeartbeat() {
    if (m_pacing.heartbeat.count() <= 0)
        return;
    std::weak_ptr<OrderStream> weak = shared_from_this();
    m_scheduler->after(m_pacing.heartbeat, [weak] {
        auto self = weak.lock();
        if (!self)
            return;
        {
            std::lock_guard lock(self->m_mutex);
            if (self->m_closed || !self->writeLocked(std::string(kHeartbeat)))
                return;
        }
        self->scheduleHeartbeat();
    });
}

bool OrderStream::writeLocked(std::string chunk) {
    if (m_closed || !m_out)
        return false;
    if (m_out->write(std::move(chunk)))
        return true;
    m_closed = true;
    return false;
}

void OrderStream::close() {
    std::unique_ptr<EventBus::Subscription> subscription;
    std::shared_ptr<http::ResponseStream> out;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        subscription = std::move(m_subscription);
        out = std::move(m_out);
        m_early.clear();
    }
    // Released outside the lock: unsubscribing waits for nothing, but never under our own mutex.
}

} // namespace triptych::rest
