#include "app/session/clientsender.h"

#include "app/client/graphqlcaller.h"
#include "app/client/graphqlwscaller.h"
#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/restcaller.h"
#include "app/session/questionrequests.h"

namespace triptych::session {

ClientSender::ClientSender(client::CallKind style, QObject *parent)
    : StyleSender(parent)
    , m_style(style == client::CallKind::GraphQLWebSocket ? client::CallKind::GraphQL : style) {
    switch (m_style) {
    case client::CallKind::Rest:
        m_rest = new client::RestCaller(this);
        connect(m_rest, &client::RestCaller::messageReceived, this, &ClientSender::onMessage);
        connect(m_rest, &client::RestCaller::callFinished, this, &ClientSender::onCallEnded);
        connect(m_rest, &client::RestCaller::callFailed, this, &ClientSender::onCallEnded);
        break;
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        m_graphql = new client::GraphQLCaller(this);
        m_graphqlWs = new client::GraphQLWsCaller(this);
        connect(m_graphql, &client::GraphQLCaller::callFinished, this, &ClientSender::onCallEnded);
        connect(m_graphql, &client::GraphQLCaller::callFailed, this, &ClientSender::onCallEnded);
        connect(m_graphqlWs, &client::GraphQLWsCaller::messageReceived, this, &ClientSender::onMessage);
        connect(m_graphqlWs, &client::GraphQLWsCaller::callFinished, this, &ClientSender::onCallEnded);
        connect(m_graphqlWs, &client::GraphQLWsCaller::callFailed, this, &ClientSender::onCallEnded);
        break;
    case client::CallKind::Grpc:
        m_grpc = new client::GrpcCaller(this);
        m_reflection = new client::GrpcReflection(this);
        connect(m_grpc, &client::GrpcCaller::messageReceived, this, &ClientSender::onMessage);
        connect(m_grpc, &client::GrpcCaller::callFinished, this, &ClientSender::onCallEnded);
        connect(m_grpc, &client::GrpcCaller::callFailed, this, &ClientSender::onCallEnded);
        connect(m_reflection, &client::GrpcReflection::schemaLoaded, this,
                [this](const client::GrpcSchemaPtr &schema, const QString &) { onSchemaLoaded(schema); });
        connect(m_reflection, &client::GrpcReflection::loadFailed, this, &ClientSender::onSchemaFailed);
        break;
    }
}

bool ClientSender::send(const Endpoints &endpoints) {
    cancel();
    if (!m_question)
        return false;
    switch (m_style) {
    case client::CallKind::Rest:
        return sendRest(endpoints);
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        return sendGraphQL(endpoints);
    case client::CallKind::Grpc:
        if (!m_question->grpc)
            return false;
        m_endpoints = endpoints;
        if (m_schema && m_schemaTarget == endpoints.grpcTarget) {
            sendGrpc();
        } else {
            // The descriptors come from the server itself, once per target.
            m_loadingSchema = true;
            client::ReflectionRequest request;
            request.target = endpoints.grpcTarget;
            if (m_timeoutMs > 0)
                request.deadlineMs = m_timeoutMs;
            m_reflection->load(request);
        }
        return true;
    }
    return false;
}

bool ClientSender::sendRest(const Endpoints &endpoints) {
    if (!m_question->rest)
        return false;
    client::RestRequest request = restRequest(*m_question->rest, endpoints);
    if (m_timeoutMs > 0) {
        request.timeoutMs = m_timeoutMs;
        request.connectTimeoutMs = std::min(request.connectTimeoutMs, m_timeoutMs);
    }
    m_callKind = client::CallKind::Rest;
    m_callId = m_rest->send(std::move(request));
    return true;
}

bool ClientSender::sendGraphQL(const Endpoints &endpoints) {
    if (!m_question->graphql)
        return false;
    if (isSubscription(*m_question->graphql)) {
        m_callKind = client::CallKind::GraphQLWebSocket;
        m_callId = m_graphqlWs->send(graphqlSubscription(*m_question->graphql, endpoints));
        return true;
    }
    client::GraphQLRequest request = graphqlRequest(*m_question->graphql, endpoints);
    if (m_timeoutMs > 0) {
        request.http.timeoutMs = m_timeoutMs;
        request.http.connectTimeoutMs = std::min(request.http.connectTimeoutMs, m_timeoutMs);
    }
    m_callKind = client::CallKind::GraphQL;
    m_callId = m_graphql->send(request);
    return true;
}

void ClientSender::onSchemaLoaded(const client::GrpcSchemaPtr &schema) {
    if (!std::exchange(m_loadingSchema, false))
        return; // cancelled meanwhile
    m_schema = schema;
    m_schemaTarget = m_endpoints.grpcTarget;
    sendGrpc();
}

void ClientSender::onSchemaFailed(const client::CallError &error) {
    if (!std::exchange(m_loadingSchema, false))
        return;
    // No call was made; the record says why, like a call that failed to connect.
    client::CallRecord record;
    record.id = client::RestCaller::nextCallId();
    record.kind = client::CallKind::Grpc;
    record.method = m_question->grpc->method;
    record.url = m_endpoints.grpcTarget;
    record.error = error;
    Q_EMIT callFinished(record);
}

void ClientSender::sendGrpc() {
    client::GrpcRequest request = grpcRequest(*m_question->grpc, m_endpoints);
    if (m_timeoutMs > 0)
        request.deadlineMs = m_timeoutMs;
    m_callKind = client::CallKind::Grpc;
    m_callId = m_grpc->call(m_schema, std::move(request));
}

void ClientSender::cancel() {
    m_loadingSchema = false;
    const quint64 id = std::exchange(m_callId, 0);
    if (id == 0)
        return;
    m_cancelledId = id;
    switch (m_callKind) {
    case client::CallKind::Rest:
        m_rest->cancel(id);
        break;
    case client::CallKind::GraphQL:
        m_graphql->cancel(id);
        break;
    case client::CallKind::GraphQLWebSocket:
        m_graphqlWs->cancel(id);
        break;
    case client::CallKind::Grpc:
        m_grpc->cancel(id);
        break;
    }
}

void ClientSender::onMessage(quint64 id, const client::StreamMessage &message) {
    if (id == m_callId && m_callId != 0)
        Q_EMIT messagesReceived({message});
}

void ClientSender::onCallEnded(const client::CallRecord &record) {
    if (record.id == m_cancelledId && m_cancelledId != 0) {
        m_cancelledId = 0;
        Q_EMIT cancelledCallFinished(record);
        return;
    }
    if (record.id != m_callId || m_callId == 0)
        return; // an older cancelled call
    m_callId = 0;
    Q_EMIT callFinished(record);
}

} // namespace triptych::session
