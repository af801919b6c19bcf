#include "server/core/eventbus.h"

#include <vector>

namespace triptych {

EventBus::EventBus()
    : m_self(std::make_shared<EventBus *>(this)) {}

EventBus::~EventBus() = default;

EventBus::Subscription::~Subscription() {
    if (auto bus = m_bus.lock())
        (*bus)->unsubscribe(m_id);
}

std::unique_ptr<EventBus::Subscription> EventBus::subscribe(Handler handler, std::optional<UserId> userId) {
    std::lock_guard lock(m_mutex);
    const std::uint64_t id = m_nextId++;
    m_entries.emplace(id, Entry{userId, std::make_shared<Handler>(std::move(handler))});
    return std::make_unique<Subscription>(m_self, id);
}

void EventBus::unsubscribe(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    m_entries.erase(id);
}

void EventBus::publish(const OrderEvent &event) {
    std::vector<std::shared_ptr<Handler>> targets;
    {
        std::lock_guard lock(m_mutex);
        targets.reserve(m_entries.size());
        for (const auto &[id, entry] : m_entries) {
            if (!entry.userId || *entry.userId == event.order.userId)
                targets.push_back(entry.handler);
        }
    }
    // Outside the lock, so a handler may subscribe or unsubscribe.
    for (const auto &handler : targets)
        (*handler)(event);
}

std::size_t EventBus::subscriberCount() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

} // namespace triptych
