#include "app/model/benchmarkpresets.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace triptych::model {

namespace {
// The benchmark measures the API, not the trace fetch that the panes add after each call.
client::RestRequest httpRequest(const QByteArray &method, const QString &url) {
    client::RestRequest request;
    request.method = method;
    request.url = url;
    request.fetchServerTrace = false;
    return request;
}

BenchmarkCall restCall(const QString &url) {
    BenchmarkCall call;
    call.label = QStringLiteral("REST");
    call.kind = client::CallKind::Rest;
    call.http = httpRequest("GET", url);
    return call;
}

BenchmarkCall graphqlCall(const QString &httpBase, const char *query) {
    BenchmarkCall call;
    call.label = QStringLiteral("GraphQL");
    call.kind = client::CallKind::GraphQL;
    call.http = httpRequest("POST", httpBase + QStringLiteral("/graphql"));
    call.http.kind = client::CallKind::GraphQL;
    call.http.bodyKind = client::BodyKind::Json;
    call.http.body =
        QJsonDocument(QJsonObject{{QStringLiteral("query"), QString::fromUtf8(query)}}).toJson(QJsonDocument::Compact);
    return call;
}

BenchmarkCall grpcCall(const QString &target, const QString &method, const QByteArray &json) {
    BenchmarkCall call;
    call.label = QStringLiteral("gRPC");
    call.kind = client::CallKind::Grpc;
    call.grpc.target = target;
    call.grpc.method = method;
    call.grpc.messages = {json};
    return call;
}

bool isHopHeader(const QByteArray &name) {
    const QByteArray lower = name.toLower();
    // A fresh traceparent goes with every call; curl computes lengths and the host itself.
    return lower == "traceparent" || lower == "tracestate" || lower == "content-length" || lower == "host";
}
} // namespace

QList<BenchmarkPreset> benchmarkPresets(const QString &httpBase, const QString &grpcTarget) {
    return {
        {QObject::tr("A user's orders"),
         {restCall(httpBase + QStringLiteral("/v1/users/42/orders")),
          graphqlCall(httpBase, "{ user(id: 42) { orders { id product quantity totalCents } } }"),
          grpcCall(grpcTarget, QStringLiteral("orders.v1.OrderService/GetUserOrders"), "{\"user_id\": 42}")}},
        {QObject::tr("Name and avatar only"),
         {restCall(httpBase + QStringLiteral("/v1/users/42")),
          graphqlCall(httpBase, "{ user(id: 42) { name avatarUrl } }"),
          grpcCall(grpcTarget, QStringLiteral("orders.v1.OrderService/GetUser"),
                   "{\"user_id\": 42, \"read_mask\": \"name,avatarUrl\"}")}},
    };
}

std::optional<BenchmarkCall> benchmarkCallFromRecord(const client::CallRecord &record) {
    BenchmarkCall call;
    call.kind = record.kind;
    switch (record.kind) {
    case client::CallKind::Rest:
    case client::CallKind::GraphQL: {
        if (record.url.isEmpty() || !record.messages.isEmpty())
            return std::nullopt;
        call.label = record.kind == client::CallKind::Rest ? QStringLiteral("REST") : QStringLiteral("GraphQL");
        call.http = httpRequest(record.method.toLatin1(), record.url);
        call.http.kind = record.kind;
        for (const auto &header : record.requestHeaders) {
            if (!isHopHeader(header.first))
                call.http.headers.append(header);
        }
        if (!record.requestBody.isEmpty()) {
            call.http.bodyKind = client::BodyKind::Raw;
            call.http.body = record.requestBody;
        }
        return call;
    }
    case client::CallKind::Grpc: {
        // One request message and an end: unary calls and server streams that do not follow live events.
        const auto outgoing = std::count_if(record.messages.cbegin(), record.messages.cend(),
                                            [](const client::StreamMessage &message) { return message.outgoing; });
        const bool follows =
            QJsonDocument::fromJson(record.requestBody).object().value(QStringLiteral("follow")).toBool();
        if (record.method.isEmpty() || outgoing != 1 || follows)
            return std::nullopt;
        call.label = QStringLiteral("gRPC");
        call.grpc.target = record.url;
        call.grpc.method = record.method.mid(record.method.startsWith(QLatin1Char('/')) ? 1 : 0);
        call.grpc.messages = {record.requestBody};
        for (const auto &header : record.requestHeaders) {
            if (!isHopHeader(header.first))
                call.grpc.metadata.append(header);
        }
        return call;
    }
    case client::CallKind::GraphQLWebSocket:
        break;
    }
    return std::nullopt;
}

} // namespace triptych::model
