#pragma once

#include "app/client/grpcschema.h"
#include "app/session/stylesender.h"

#include <optional>

namespace triptych::client {
class GraphQLCaller;
class GraphQLWsCaller;
class GrpcCaller;
class GrpcReflection;
class RestCaller;
} // namespace triptych::client

namespace triptych::session {

// Sends one style's call of a question straight through the client engine, for a comparison without panes
// (triptych-cli compare, the tests of the question table). gRPC loads the server's descriptors by reflection first;
// client and bidi streams are half-closed after the question's message, as grpcurl -d does.
class ClientSender : public StyleSender {
    Q_OBJECT
public:
    explicit ClientSender(client::CallKind style, QObject *parent = nullptr);

    // The REST timeout and the gRPC deadline; 0 keeps the engine's defaults.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    client::CallKind style() const override { return m_style; }
    void load(const Question &question) override { m_question = question; }
    bool send(const Endpoints &endpoints) override;
    void cancel() override;
    bool isBusy() const override { return m_callId != 0 || m_loadingSchema; }

private:
    bool sendRest(const Endpoints &endpoints);
    bool sendGraphQL(const Endpoints &endpoints);
    void sendGrpc();
    void onMessage(quint64 id, const client::StreamMessage &message);
    void onCallEnded(const client::CallRecord &record);
    void onSchemaLoaded(const client::GrpcSchemaPtr &schema);
    void onSchemaFailed(const client::CallError &error);

    client::CallKind m_style;
    std::optional<Question> m_question;
    int m_timeoutMs = 0;
    client::RestCaller *m_rest = nullptr;
    client::GraphQLCaller *m_graphql = nullptr;
    client::GraphQLWsCaller *m_graphqlWs = nullptr;
    client::GrpcCaller *m_grpc = nullptr;
    client::GrpcReflection *m_reflection = nullptr;
    client::GrpcSchemaPtr m_schema;
    QString m_schemaTarget;
    Endpoints m_endpoints; // of the gRPC call waiting for its schema
    bool m_loadingSchema = false;
    quint64 m_callId = 0;
    quint64 m_cancelledId = 0;                            // its record still comes, as cancelledCallFinished
    client::CallKind m_callKind = client::CallKind::Rest; // of the call in flight: GraphQL may go over WebSocket
};

} // namespace triptych::session
