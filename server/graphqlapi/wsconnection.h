#pragma once

#include "server/core/eventbus.h"
#include "server/graphql/execution/subscription.h"
#include "server/graphqlapi/graphqlapi.h"
#include "server/graphqlapi/graphqlservice.h"
#include "server/http/httpmessage.h"
#include "server/tracing/tracecontext.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>

namespace triptych {
struct ServiceContext;
namespace http {
class Scheduler;
}
} // namespace triptych

namespace triptych::graphqlapi {

class GatewayClient;

// graphql-transport-ws close codes (the protocol's own, plus 4500 for what the server cannot handle).
namespace closecode {
inline constexpr std::uint16_t kBadRequest = 4400;
inline constexpr std::uint16_t kUnauthorized = 4401;
inline constexpr std::uint16_t kForbidden = 4403;
inline constexpr std::uint16_t kInitTimeout = 4408;
inline constexpr std::uint16_t kSubscriberExists = 4409;
inline constexpr std::uint16_t kTooManyInitRequests = 4429;
inline constexpr std::uint16_t kInternalError = 4500;
} // namespace closecode

// One graphql-transport-ws connection: connection_init/ack, ping/pong, subscribe/next/error/complete.
// Messages come one at a time from the front door; events and timers come from the scheduler, so the state is
// guarded by one mutex and EventBus handlers only hand events over.
class WsConnection : public http::WebSocketHandler, public std::enable_shared_from_this<WsConnection> {
public:
    // `upgrade`: the span of the upgrade request, parent of every operation's and event's span (none: each starts
    // a trace of its own, as when tracing is off).
    WsConnection(ServiceContext &context, const GraphqlService &service, const GraphqlApiOptions &options,
                 std::shared_ptr<http::Scheduler> scheduler, GatewayClient *gateway,
                 std::optional<tracing::TraceContext> upgrade);
    ~WsConnection() override;

    void onOpen(std::shared_ptr<http::WebSocketConnection> connection) override;
    void onMessage(std::string message, bool binary) override;
    void onClosed(std::uint16_t code) override;

private:
    struct Operation {
        std::unique_ptr<RequestContext> context;
        GraphqlRequest request;
        std::unique_ptr<graphql::Subscription> subscription;
        std::unique_ptr<EventBus::Subscription> events;
    };
    void handle(const graphql::Value &message);
    void onInit(const graphql::Value &message);
    void onSubscribe(const graphql::Value &message);
    void startSubscription(const std::string &id, std::unique_ptr<Operation> operation,
                           const PreparedOperation &prepared);
    void runOnce(const std::string &id, Operation &operation, const PreparedOperation &prepared);
    void onEvent(const std::string &id, const OrderEvent &event);
    void send(std::string message);
    void closeWith(std::uint16_t code, std::string reason);
    std::unique_ptr<RequestContext> makeContext() const;

    ServiceContext &m_context;
    const GraphqlService &m_service;
    const GraphqlApiOptions &m_options;
    std::shared_ptr<http::Scheduler> m_scheduler;
    GatewayClient *m_gateway;
    const std::optional<tracing::TraceContext> m_upgrade;

    std::recursive_mutex m_mutex; // recursive: a failed send closes from inside a locked step
    std::shared_ptr<http::WebSocketConnection> m_connection;
    bool m_initReceived = false;
    bool m_acknowledged = false;
    bool m_closed = false;
    bool m_authenticated = false;
    std::atomic<std::size_t> m_pendingEvents = 0; // counted on the publisher's thread, without the mutex
    std::map<std::string, std::unique_ptr<Operation>> m_operations;
};

} // namespace triptych::graphqlapi
