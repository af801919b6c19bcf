#pragma once

#include "server/domain/domain.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace triptych {

// Publishes every new order and status change to the streaming parts of all three styles.
// Handlers run on the publisher's thread and must not block: they hand the event to their own executor.
class EventBus {
public:
    using Handler = std::function<void(const OrderEvent &)>;

    // Unsubscribes when destroyed. After that no new call of the handler starts; one already running may finish,
    // so a handler reaches its owner through a weak_ptr.
    class Subscription {
    public:
        Subscription(std::weak_ptr<EventBus *> bus, std::uint64_t id)
            : m_bus(std::move(bus))
            , m_id(id) {}
        ~Subscription();
        Subscription(const Subscription &) = delete;
        Subscription &operator=(const Subscription &) = delete;

    private:
        std::weak_ptr<EventBus *> m_bus;
        std::uint64_t m_id;
    };

    EventBus();
    ~EventBus();
    EventBus(const EventBus &) = delete;
    EventBus &operator=(const EventBus &) = delete;

    // Every event, or only those of one user's orders when userId is set.
    [[nodiscard]] std::unique_ptr<Subscription> subscribe(Handler handler, std::optional<UserId> userId = {});
    void publish(const OrderEvent &event);
    std::size_t subscriberCount() const;

private:
    void unsubscribe(std::uint64_t id);

    struct Entry {
        std::optional<UserId> userId;
        std::shared_ptr<Handler> handler;
    };
    mutable std::mutex m_mutex;
    std::map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_nextId = 1;
    // Lets a Subscription outlive the bus safely: it checks this before unsubscribing.
    std::shared_ptr<EventBus *> m_self;
};

} // namespace triptych
