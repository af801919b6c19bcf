#include "app/session/questionrequests.h"

#include "app/client/graphqlwsprotocol.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::session {

namespace {
QByteArray bearer(const Endpoints &endpoints) {
    return "Bearer " + endpoints.token.toUtf8();
}
} // namespace

client::RestRequest restRequest(const Question::Rest &rest, const Endpoints &endpoints) {
    client::RestRequest request;
    request.method = rest.method.toLatin1();
    request.url = endpoints.httpBase + rest.path;
    if (!rest.body.isEmpty()) {
        request.bodyKind = client::BodyKind::Json;
        request.body = rest.body;
    }
    if (rest.auth) {
        request.auth.kind = client::AuthKind::Bearer;
        request.auth.token = endpoints.token;
    }
    return request;
}

client::GraphQLRequest graphqlRequest(const Question::GraphQL &graphql, const Endpoints &endpoints) {
    client::GraphQLRequest request;
    request.url = endpoints.httpBase + QStringLiteral("/graphql");
    request.query = graphql.query;
    request.variables = graphql.variables;
    request.operationName = graphql.operationName;
    if (graphql.auth)
        request.http.headers.append({"Authorization", bearer(endpoints)});
    return request;
}

client::GraphQLWsRequest graphqlSubscription(const Question::GraphQL &graphql, const Endpoints &endpoints) {
    client::GraphQLWsRequest request;
    request.url = client::webSocketUrl(endpoints.httpBase + QStringLiteral("/graphql"));
    request.query = graphql.query;
    request.variables = graphql.variables;
    request.operationName = graphql.operationName;
    if (graphql.auth) {
        request.initPayload =
            QJsonDocument(QJsonObject{{QStringLiteral("authorization"), QString::fromUtf8(bearer(endpoints))}})
                .toJson(QJsonDocument::Compact);
    }
    return request;
}

bool isSubscription(const Question::GraphQL &graphql) {
    return client::operationType(graphql.query, graphql.operationName) == client::OperationType::Subscription;
}

client::GrpcRequest grpcRequest(const Question::Grpc &grpc, const Endpoints &endpoints) {
    client::GrpcRequest request;
    request.target = endpoints.grpcTarget;
    request.method = grpc.method;
    request.messages = {grpc.request};
    if (grpc.auth)
        request.metadata.append({"authorization", bearer(endpoints)});
    request.traceBaseUrl = endpoints.httpBase;
    return request;
}

} // namespace triptych::session
