#include "server/graphqlapi/wsconnection.h"

#include "server/core/servicecontext.h"
#include "server/domain/credentials.h"
#include "server/graphql/json.h"
#include "server/graphqlapi/limits.h"
#include "server/graphqlapi/resolvers.h"
#include "server/http/scheduler.h"
#include "server/tracing/tracer.h"

namespace triptych::graphqlapi {
namespace {

using graphql::Value;

std::string quoted(const std::string &text) {
    return graphql::toJsonString(Value::fromString(text));
}

std::string message(std::string_view type, const std::string &id, const std::string &payload) {
    std::string out = "{\"id\":" + quoted(id) + ",\"type\":\"" + std::string(type) + "\"";
    if (!payload.empty())
        out += ",\"payload\":" + payload;
    return out + "}";
}

const std::string *stringMember(const Value &object, std::string_view name) {
    const Value *member = object.find(name);
    return member && member->kind() == Value::Kind::String ? &member->asString() : nullptr;
}

} // namespace

WsConnection::WsConnection(ServiceContext &context, const GraphqlService &service, const GraphqlApiOptions &options,
                           std::shared_ptr<http::Scheduler> scheduler, GatewayClient *gateway,
                           std::optional<tracing::TraceContext> upgrade)
    : m_context(context)
    , m_service(service)
    , m_options(options)
    , m_scheduler(std::move(scheduler))
    , m_gateway(gateway)
    , m_upgrade(std::move(upgrade)) {}

WsConnection::~WsConnection() = default;

void WsConnection::onOpen(std::shared_ptr<http::WebSocketConnection> connection) {
    {
        std::lock_guard lock(m_mutex);
        m_connection = std::move(connection);
    }
    m_scheduler->after(m_options.connectionInitTimeout, [weak = weak_from_this()] {
        if (auto self = weak.lock()) {
            std::lock_guard lock(self->m_mutex);
            if (!self->m_initReceived)
                self->closeWith(closecode::kInitTimeout, "Connection initialisation timeout");
        }
    });
}

void WsConnection::onClosed(std::uint16_t) {
    std::map<std::string, std::unique_ptr<Operation>> operations;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        operations.swap(m_operations);
        m_connection.reset();
    }
}

void WsConnection::onMessage(std::string text, bool binary) {
    std::lock_guard lock(m_mutex);
    if (m_closed)
        return;
    try {
        const auto parsed = binary ? std::nullopt : graphql::parseJson(text);
        if (!parsed || parsed->kind() != Value::Kind::Object || !stringMember(*parsed, "type"))
            return closeWith(closecode::kBadRequest, "Invalid message received");
        handle(*parsed);
    } catch (const std::exception &error) {
        closeWith(closecode::kInternalError, std::string("Internal error: ") + error.what());
    } catch (...) {
        closeWith(closecode::kInternalError, "Internal error");
    }
}

void WsConnection::handle(const Value &msg) {
    const std::string &type = *stringMember(msg, "type");
    if (type == "connection_init")
        return onInit(msg);
    if (type == "ping")
        return send(R"({"type":"pong"})");
    if (type == "pong")
        return;
    if (type == "subscribe")
        return onSubscribe(msg);
    if (type == "complete") {
        const std::string *id = stringMember(msg, "id");
        if (!id)
            return closeWith(closecode::kBadRequest, "Invalid message received: complete needs an id");
        m_operations.erase(*id);
        return;
    }
    // The type is quoted so the client sees what was wrong, but only its start: a close reason is short.
    constexpr std::size_t kQuotedTypeBytes = 40;
    closeWith(closecode::kBadRequest, "Invalid message received: unknown type '" + type.substr(0, kQuotedTypeBytes) +
                                          (type.size() > kQuotedTypeBytes ? "…'" : "'"));
}

void WsConnection::onInit(const Value &msg) {
    if (m_initReceived)
        return closeWith(closecode::kTooManyInitRequests, "Too many initialisation requests");
    m_initReceived = true;
    if (const Value *payload = msg.find("payload"); payload && payload->kind() == Value::Kind::Object) {
        if (const std::string *authorization = stringMember(*payload, "authorization")) {
            if (!m_context.credentials.acceptsAuthorization(*authorization))
                return closeWith(closecode::kForbidden, "Forbidden");
            m_authenticated = true;
        }
    }
    m_acknowledged = true;
    send(R"({"type":"connection_ack"})");
}

std::unique_ptr<RequestContext> WsConnection::makeContext() const {
    auto context = std::make_unique<RequestContext>(m_context.service);
    context->dataLoader = m_options.dataLoader;
    context->gateway = m_gateway;
    context->authenticated = m_authenticated;
    if (m_authenticated)
        context->authorization = "Bearer " + m_context.credentials.token;
    return context;
}

void WsConnection::onSubscribe(const Value &msg) {
    if (!m_acknowledged)
        return closeWith(closecode::kUnauthorized, "Unauthorized");
    const std::string *id = stringMember(msg, "id");
    const Value *payload = msg.find("payload");
    if (!id || id->empty() || !payload || payload->kind() != Value::Kind::Object || !stringMember(*payload, "query"))
        return closeWith(closecode::kBadRequest, "Invalid message received: subscribe needs an id and a query");
    if (m_operations.count(*id))
        return closeWith(closecode::kSubscriberExists, "Subscriber for " + *id + " already exists");
    auto operation = std::make_unique<Operation>();
    operation->context = makeContext();
    operation->request.query = *stringMember(*payload, "query");
    if (const std::string *name = stringMember(*payload, "operationName"))
        operation->request.operationName = *name;
    if (const Value *variables = payload->find("variables"); variables && variables->kind() == Value::Kind::Object)
        operation->request.variables = *variables;
    if (m_operations.size() >= limits::kMaxSubscriptionsPerConnection)
        return send(message("error", *id, R"([{"message":"Too many operations on this connection"}])"));

    auto span = tracing::Span::startServer(m_context.tracer, "graphql ws subscribe", m_upgrade ? &*m_upgrade : nullptr);
    tracing::CurrentSpanScope scope(span);
    const PreparedOperation prepared = m_service.prepare(operation->request);
    if (!prepared.ok())
        return send(message("error", *id, graphql::errorsToJson(prepared.errors)));
    if (prepared.operation && prepared.operation->operation == graphql::OperationType::Subscription)
        return startSubscription(*id, std::move(operation), prepared);
    runOnce(*id, *operation, prepared);
}

void WsConnection::runOnce(const std::string &id, Operation &operation, const PreparedOperation &prepared) {
    const graphql::ExecutionResult result = m_service.execute(prepared, operation.request, *operation.context);
    if (!result.hasData())
        return send(message("error", id, graphql::errorsToJson(result.errors)));
    send(message("next", id, serializeResult(result)));
    send(message("complete", id, {}));
}

void WsConnection::startSubscription(const std::string &id, std::unique_ptr<Operation> operation,
                                     const PreparedOperation &prepared) {
    graphql::ExecutionRequest request;
    request.document = prepared.document;
    request.operationName = operation->request.operationName;
    request.variables = operation->request.variables;
    request.context = operation->context.get();
    operation->subscription =
        std::make_unique<graphql::Subscription>(graphql::Subscription::create(m_service.schema(), request));
    if (!operation->subscription->ok())
        return send(message("error", id, graphql::errorsToJson(operation->subscription->errors())));
    const auto userId = static_cast<UserId>(operation->subscription->sourceStream().asObject().id);
    operation->events = m_context.events.subscribe(
        [weak = weak_from_this(), id, scheduler = std::weak_ptr(m_scheduler)](const OrderEvent &event) {
            // The publisher's thread only queues; mapping the event runs SQL and belongs elsewhere.
            auto self = weak.lock();
            auto queue = scheduler.lock();
            if (!self || !queue)
                return;
            if (++self->m_pendingEvents > limits::kMaxPendingEventsPerConnection) {
                queue->after(std::chrono::milliseconds(0), [weak] {
                    if (auto connection = weak.lock()) {
                        std::lock_guard lock(connection->m_mutex);
                        connection->closeWith(closecode::kInternalError, "Too many undelivered events");
                    }
                });
                return;
            }
            queue->after(std::chrono::milliseconds(0), [weak, id, event] {
                if (auto connection = weak.lock())
                    connection->onEvent(id, event);
            });
        },
        userId);
    m_operations.emplace(id, std::move(operation));
}

void WsConnection::onEvent(const std::string &id, const OrderEvent &event) {
    std::lock_guard lock(m_mutex);
    --m_pendingEvents;
    const auto it = m_operations.find(id);
    if (m_closed || it == m_operations.end())
        return;
    Operation &operation = *it->second;
    auto span = tracing::Span::startServer(m_context.tracer, "graphql ws event orderUpdates",
                                           m_upgrade ? &*m_upgrade : nullptr);
    tracing::CurrentSpanScope scope(span);
    operation.context->resetLoaders();
    const auto result =
        operation.subscription->mapSourceToResponseEvent(graphql::ObjectRef{std::make_shared<const OrderEvent>(event)});
    send(message("next", id, serializeResult(result)));
}

void WsConnection::send(std::string text) {
    if (m_closed || !m_connection)
        return;
    if (!m_connection->sendText(std::move(text)))
        closeWith(closecode::kInternalError, "The client reads too slowly: send queue full");
}

void WsConnection::closeWith(std::uint16_t code, std::string reason) {
    if (m_closed)
        return;
    m_closed = true;
    m_operations.clear();
    if (m_connection)
        m_connection->close(code, std::move(reason));
}

} // namespace triptych::graphqlapi
