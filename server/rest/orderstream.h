#pragma once

#include "server/core/eventbus.h"
#include "server/domain/domain.h"
#include "server/http/httpmessage.h"

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace triptych::http {
class Scheduler;
}

namespace triptych::rest {

// One client's `GET /v1/users/{id}/orders/stream`: the user's existing orders as `event: order` frames,
// interval apart, then one frame per later event of the user's orders, with heartbeat comments, until the client
// leaves or the server stops. It subscribes before the existing orders are read, so no event falls in between.
class OrderStream : public std::enable_shared_from_this<OrderStream> {
public:
    struct Pacing {
        std::chrono::milliseconds interval{0};
        std::chrono::milliseconds heartbeat{0};
    };

    static std::shared_ptr<OrderStream> subscribe(EventBus &events, std::shared_ptr<http::Scheduler> scheduler,
                                                  UserId userId, Pacing pacing);
    // The user's orders as they were just after subscribing, in ascending id order.
    void setExisting(std::vector<Order> orders);
    // Called on a server thread once the answer's head is out.
    void start(std::shared_ptr<http::ResponseStream> out);

    static std::string frame(const Order &order);
    static std::string preamble(UserId userId);
    static constexpr std::string_view kHeartbeat = ": heartbeat\n\n";

private:
    OrderStream(std::shared_ptr<http::Scheduler> scheduler, UserId userId, Pacing pacing);

    void onEvent(const OrderEvent &event);
    void sendNextExisting();
    // Sends the events that arrived while the existing orders went out, then follows events live.
    void goLive();
    void scheduleHeartbeat();
    void close();
    // Writes under m_mutex; a refused write (client gone or too slow) closes the stream for good.
    bool writeLocked(std::string chunk);

    std::shared_ptr<http::Scheduler> m_scheduler;
    UserId m_userId;
    Pacing m_pacing;
    std::unique_ptr<EventBus::Subscription> m_subscription;

    std::mutex m_mutex;
    std::shared_ptr<http::ResponseStream> m_out;
    std::vector<Order> m_existing;
    std::size_t m_nextExisting = 0;
    std::deque<OrderEvent> m_early; // events that came before going live
    bool m_live = false;
    bool m_closed = false;
};

} // namespace triptych::rest
