#pragma once

#include "server/graphqlapi/graphqlapi.h"
#include "server/graphqlapi/graphqlservice.h"
#include "server/http/httpmessage.h"

#include <memory>

namespace triptych {
struct ServiceContext;
namespace http {
class Scheduler;
}
} // namespace triptych

namespace triptych::graphqlapi {

class GatewayClient;

// The graphql-transport-ws subprotocol (the graphql-ws library's protocol) on ws://…/graphql.
inline constexpr std::string_view kTransportWsProtocol = "graphql-transport-ws";

// Accepts WebSocket upgrades that ask for graphql-transport-ws; each connection gets its own handler.
class GraphqlWebSockets {
public:
    GraphqlWebSockets(ServiceContext &context, const GraphqlService &service, const GraphqlApiOptions &options,
                      GatewayClient *gateway);
    ~GraphqlWebSockets();
    http::WebSocketAccept accept(const http::HttpRequest &request);

private:
    ServiceContext &m_context;
    const GraphqlService &m_service;
    const GraphqlApiOptions &m_options;
    GatewayClient *m_gateway;
    // Init timeouts and subscription events run here, never on the EventBus publisher's thread.
    std::shared_ptr<http::Scheduler> m_scheduler;
};

} // namespace triptych::graphqlapi
