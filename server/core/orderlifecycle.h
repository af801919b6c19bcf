#pragma once

#include "server/core/eventbus.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace triptych {

class OrderService;

// Moves each order created while it runs PENDING → PAID → SHIPPED → DELIVERED, one step every `step`
// (--lifecycle-ms). Off unless started, so tests and outside checkers see no change they did not make.
class OrderLifecycle {
public:
    OrderLifecycle(OrderService &service, EventBus &events, std::chrono::milliseconds step);
    ~OrderLifecycle();
    OrderLifecycle(const OrderLifecycle &) = delete;
    OrderLifecycle &operator=(const OrderLifecycle &) = delete;

private:
    struct Due {
        std::chrono::steady_clock::time_point at;
        OrderId order;
        bool operator>(const Due &other) const { return at > other.at; }
    };

    void onEvent(const OrderEvent &event);
    void run();

    OrderService &m_service;
    std::chrono::milliseconds m_step;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> m_queue;
    bool m_stopping = false;
    std::unique_ptr<EventBus::Subscription> m_subscription;
    std::thread m_thread;
};

} // namespace triptych
