#include "app/session/questionrequests.h"

#include "app/client/graphqlwsprotocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

namespace triptych::session {

namespace {
QByteArray bearer(const Endpoints &endpoints) {
    return "Bearer " + endpoints.token.toUtf8();
}

bool isAcceptEncoding(const QString &name) {
    return name.compare(QLatin1String("Accept-Encoding"), Qt::CaseInsensitive) == 0;
}
} // namespace

bool asksForGzip(const Question::Headers &headers) {
    return std::any_of(headers.cbegin(), headers.cend(), [](const auto &header) {
        return isAcceptEncoding(header.first) && header.second.contains(QLatin1String("gzip"), Qt::CaseInsensitive);
    });
}

Question::Headers headersBesideGzip(const Question::Headers &headers) {
    Question::Headers out;
    std::copy_if(headers.cbegin(), headers.cend(), std::back_inserter(out),
                 [](const auto &header) { return !isAcceptEncoding(header.first); });
    return out;
}

client::HeaderList headersToSend(const Question::Headers &headers) {
    client::HeaderList out;
    for (const auto &[name, value] : headersBesideGzip(headers))
        out.append({name.toLatin1(), value.toUtf8()});
    return out;
}

client::RestRequest restRequest(const Question::Rest &rest, const Endpoints &endpoints) {
    client::RestRequest request;
    request.method = rest.method.toLatin1();
    request.url = endpoints.httpBase + rest.path;
    if (!rest.body.isEmpty()) {
        request.bodyKind = client::BodyKind::Json;
        request.body = rest.body;
    }
    request.headers = headersToSend(rest.headers);
    request.acceptGzip = asksForGzip(rest.headers);
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
    request.useGet = graphql.get;
    request.persistedQuery = graphql.persisted;
    request.http.headers = headersToSend(graphql.headers);
    request.http.acceptGzip = asksForGzip(graphql.headers);
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
    request.transport = grpc.transport.value_or(client::GrpcTransport::Grpc);
    if (request.transport != client::GrpcTransport::Grpc) {
        // gRPC-Web goes to the HTTP port, over TLS when the HTTP base is https (its CA is trusted there).
        const QUrl base(endpoints.httpBase);
        request.target = base.authority();
        request.tls.enabled = base.scheme() == QLatin1String("https");
    }
    request.method = grpc.method;
    request.messages = grpc.requests.isEmpty() ? QList<QByteArray>{grpc.request} : grpc.requests;
    if (grpc.auth)
        request.metadata.append({"authorization", bearer(endpoints)});
    request.traceBaseUrl = endpoints.httpBase;
    return request;
}

} // namespace triptych::session
