#include "server/core/orderlifecycle.h"

#include "server/core/orderservice.h"

namespace triptych {

OrderLifecycle::OrderLifecycle(OrderService &service, EventBus &events, std::chrono::milliseconds step)
    : m_service(service)
    , m_step(step) {
    m_subscription = events.subscribe([this](const OrderEvent &event) { onEvent(event); });
    m_thread = std::thread([this] { run(); });
}

OrderLifecycle::~OrderLifecycle() {
    m_subscription.reset();
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void OrderLifecycle::onEvent(const OrderEvent &event) {
    // A new order, or one this lifecycle advanced, gets its next step scheduled; final ones drop out.
    if (isFinal(event.order.status))
        return;
    {
        std::lock_guard lock(m_mutex);
        m_queue.push({std::chrono::steady_clock::now() + m_step, event.order.id});
    }
    m_wake.notify_all();
}

void OrderLifecycle::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_queue.empty()) {
            m_wake.wait(lock);
            continue;
        }
        const auto dueAt = m_queue.top().at;
        if (std::chrono::steady_clock::now() < dueAt) {
            m_wake.wait_until(lock, dueAt);
            continue;
        }
        const OrderId order = m_queue.top().order;
        m_queue.pop();
        lock.unlock();
        // Publishing the change calls onEvent, which schedules the following step.
        m_service.advanceOrder(order);
        lock.lock();
    }
}

} // namespace triptych
