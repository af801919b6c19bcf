#include "app/workspace/requestconversion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::workspace {

namespace {

QList<QPair<QByteArray, QByteArray>> enabledPairs(const QList<KeyValue> &entries) {
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const KeyValue &entry : entries) {
        if (entry.enabled)
            pairs.append({entry.name.toUtf8(), entry.value.toUtf8()});
    }
    return pairs;
}

client::BodyKind bodyKind(BodyKind kind) {
    switch (kind) {
    case BodyKind::Json:
        return client::BodyKind::Json;
    case BodyKind::Raw:
        return client::BodyKind::Raw;
    case BodyKind::Form:
        return client::BodyKind::Form;
    case BodyKind::Multipart:
        return client::BodyKind::Multipart;
    case BodyKind::File:
        return client::BodyKind::File;
    case BodyKind::None:
        break;
    }
    return client::BodyKind::None;
}

client::HttpVersion httpVersion(HttpVersion version) {
    switch (version) {
    case HttpVersion::Http1_1:
        return client::HttpVersion::Http1_1;
    case HttpVersion::Http2:
        return client::HttpVersion::Http2;
    case HttpVersion::Http2PriorKnowledge:
        return client::HttpVersion::Http2PriorKnowledge;
    case HttpVersion::Auto:
        break;
    }
    return client::HttpVersion::Auto;
}

client::GrpcTlsSettings grpcTls(const GrpcTls &tls) {
    return {tls.enabled, tls.caFile, tls.clientCertificate, tls.clientKey, tls.authority, tls.skipVerification};
}

// Headers, auth, TLS and options: what REST and GraphQL over HTTP share.
void applyHttp(const HttpPart &http, client::RestRequest &request) {
    request.url = http.url;
    request.headers = enabledPairs(http.headers);
    const RequestAuth &auth = http.auth;
    switch (auth.kind) {
    case AuthKind::Basic:
        request.auth = {client::AuthKind::Basic, auth.user, auth.password, {}, {}};
        break;
    case AuthKind::Bearer:
        request.auth = {client::AuthKind::Bearer, {}, {}, auth.token, {}};
        break;
    case AuthKind::ApiKey:
        if (auth.apiKeyIn == ApiKeyPlacement::Query)
            request.query.append({auth.apiKeyName.toUtf8(), auth.apiKeyValue.toUtf8()});
        else
            request.auth = {client::AuthKind::ApiKey, {}, {}, auth.apiKeyValue, auth.apiKeyName.toLatin1()};
        break;
    case AuthKind::None:
        break;
    }
    const HttpTls &tls = http.options.tls;
    request.tls = {tls.caFile, tls.clientCertificate, tls.clientKey, tls.skipVerification, tls.serverName};
    request.httpVersion = httpVersion(http.options.httpVersion);
    request.proxy = http.options.proxy;
    request.followRedirects = http.options.followRedirects;
    request.acceptGzip = http.options.acceptGzip;
    request.timeoutMs = http.options.timeoutMs;
}

} // namespace

client::RestRequest toRestRequest(const RequestDocument &document) {
    const HttpPart &http = document.http;
    client::RestRequest request;
    request.method = http.method.toLatin1();
    request.query = enabledPairs(http.params);
    applyHttp(http, request);
    request.bodyKind = bodyKind(http.body.kind);
    request.body = http.body.text.toUtf8();
    request.contentType = http.body.contentType.toUtf8();
    for (const KeyValue &field : http.body.form) {
        if (field.enabled)
            request.form.append({field.name.toUtf8(), field.value.toUtf8()});
    }
    for (const MultipartPart &part : http.body.multipart) {
        if (part.enabled)
            request.multipart.append(
                {part.name.toUtf8(), part.value.toUtf8(), part.filePath, part.contentType.toUtf8()});
    }
    request.filePath = http.body.filePath;
    return request;
}

bool usesWebSocket(const RequestDocument &document) {
    return document.graphql.transport == GraphQLTransport::TransportWs ||
           document.graphql.transport == GraphQLTransport::SubscriptionsTransportWs;
}

client::GraphQLRequest toGraphQLRequest(const RequestDocument &document) {
    client::GraphQLRequest request;
    applyHttp(document.http, request.http);
    request.url = document.http.url;
    request.query = document.graphql.document;
    request.variables = document.graphql.variables.trimmed().toUtf8();
    request.operationName = document.graphql.operationName;
    request.useGet = document.graphql.transport == GraphQLTransport::HttpGet;
    request.persistedQuery = document.graphql.persistedQuery;
    return request;
}

client::GraphQLWsRequest toGraphQLWsRequest(const RequestDocument &document) {
    client::GraphQLWsRequest request;
    request.url = document.http.url;
    request.query = document.graphql.document;
    request.variables = document.graphql.variables.trimmed().toUtf8();
    request.operationName = document.graphql.operationName;
    request.protocol = document.graphql.transport == GraphQLTransport::SubscriptionsTransportWs
                           ? client::WsProtocol::LegacySubscriptions
                           : client::WsProtocol::TransportWs;
    request.headers = enabledPairs(document.http.headers);
    const RequestAuth &auth = document.http.auth;
    QJsonObject payload;
    if (auth.kind == AuthKind::Bearer)
        payload.insert(QStringLiteral("authorization"), QStringLiteral("Bearer ") + auth.token);
    else if (auth.kind == AuthKind::ApiKey)
        payload.insert(auth.apiKeyName, auth.apiKeyValue);
    if (!payload.isEmpty())
        request.initPayload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    const HttpTls &tls = document.http.options.tls;
    request.tls = {tls.caFile, tls.clientCertificate, tls.clientKey, tls.skipVerification, tls.serverName};
    return request;
}

client::GrpcRequest toGrpcRequest(const RequestDocument &document) {
    const GrpcPart &grpc = document.grpc;
    client::GrpcRequest request;
    request.target = grpc.target;
    request.method = grpc.method;
    const QJsonDocument json = QJsonDocument::fromJson(grpc.message.toUtf8());
    if (json.isArray()) {
        for (const QJsonValue &message : json.array())
            request.messages.append(QJsonDocument(message.toObject()).toJson(QJsonDocument::Compact));
    } else {
        request.messages.append(grpc.message.trimmed().isEmpty() ? QByteArray("{}") : grpc.message.toUtf8());
    }
    request.metadata = enabledPairs(grpc.metadata);
    request.deadlineMs = grpc.deadlineMs;
    request.tls = grpcTls(grpc.tls);
    request.transport = grpc.transport == GrpcTransport::GrpcWeb       ? client::GrpcTransport::GrpcWeb
                        : grpc.transport == GrpcTransport::GrpcWebText ? client::GrpcTransport::GrpcWebText
                                                                       : client::GrpcTransport::Grpc;
    return request;
}

client::ReflectionRequest toReflectionRequest(const RequestDocument &document) {
    const GrpcPart &grpc = document.grpc;
    client::ReflectionRequest request;
    request.target = grpc.target;
    request.tls = grpcTls(grpc.tls);
    request.deadlineMs = grpc.deadlineMs;
    for (const auto &entry : grpc.metadata) {
        if (entry.enabled)
            request.metadata.append({entry.name.toLower().toUtf8(), entry.value.toUtf8()});
    }
    return request;
}

} // namespace triptych::workspace
