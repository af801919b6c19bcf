#pragma once

#include "server/core/eventbus.h"
#include "server/domain/domain.h"
#include "server/grpcweb/grpcwebcall.h"
#include "server/http/httpmessage.h"

#include "orders/v1/orders.pb.h"

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace triptych {
struct ServiceContext;
namespace http {
class Scheduler;
}
} // namespace triptych

namespace triptych::grpcweb {

// grpc-timeout ("<up to 8 digits><H|M|S|m|u|n>", gRPC over HTTP/2); nothing when absent or malformed.
std::optional<std::chrono::milliseconds> parseGrpcTimeout(std::string_view value);

// StreamOrders over gRPC-Web: the user's orders as message frames interval_ms apart, then (with follow) the Order of
// every later event of them, then the trailer frame — OK, or DEADLINE_EXCEEDED when grpc-timeout passes first.
// Subscribes before the orders are read, so no event falls in between (as the gRPC reactor and the SSE stream do).
class OrderFrameStream : public std::enable_shared_from_this<OrderFrameStream> {
public:
    // The answer: a trailers-only error, or the head of the stream that this object then writes. `slot` holds the
    // call's stream slot (server/grpc's StreamSlots), given back when the call ends.
    static http::HttpResponse open(ServiceContext &context, std::shared_ptr<http::Scheduler> scheduler,
                                   std::unique_ptr<WebCall> call, const orders::v1::StreamOrdersRequest &request,
                                   std::string_view timeout, std::shared_ptr<void> slot);

private:
    OrderFrameStream(std::shared_ptr<http::Scheduler> scheduler, std::unique_ptr<WebCall> call,
                     std::shared_ptr<void> slot);

    void start(std::shared_ptr<http::ResponseStream> out, std::optional<std::chrono::milliseconds> deadline);
    void sendNext();
    void goLive();
    void onEvent(const OrderEvent &event);
    void onDeadline();
    void close();
    // Everything below runs under m_mutex.
    bool writeOrder(const Order &order);
    void finish(const grpc::Status &status);

    std::shared_ptr<http::Scheduler> m_scheduler;
    std::unique_ptr<WebCall> m_call;
    std::shared_ptr<void> m_slot; // released by finish()
    std::unique_ptr<EventBus::Subscription> m_subscription;
    std::chrono::milliseconds m_interval{0};
    bool m_follow = false;

    std::mutex m_mutex;
    std::shared_ptr<http::ResponseStream> m_out;
    std::vector<Order> m_existing;
    std::size_t m_nextExisting = 0;
    std::deque<Order> m_early; // events before the existing orders were all sent
    bool m_live = false;
    bool m_finished = false;
    std::string m_refusal; // the trailer frame of a call that ended before its stream started
    orders::v1::Order m_message;
};

} // namespace triptych::grpcweb
