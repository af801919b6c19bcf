#include "app/session/benchmarkcalls.h"

#include "app/client/graphqlcaller.h"
#include "app/session/questioncatalog.h"
#include "app/session/questionrequests.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace triptych::session {

namespace {
// The benchmark measures the API, not the trace fetch that the panes add after each call.
client::RestRequest httpRequest(const QByteArray &method, const QString &url) {
    client::RestRequest request;
    request.method = method;
    request.url = url;
    request.fetchServerTrace = false;
    return request;
}

bool isHopHeader(const QByteArray &name) {
    const QByteArray lower = name.toLower();
    // A fresh traceparent goes with every call; curl computes lengths and the host itself.
    return lower == "traceparent" || lower == "tracestate" || lower == "content-length" || lower == "host";
}
} // namespace

BenchmarkPreset benchmarkPreset(const Question &question, const Endpoints &endpoints) {
    BenchmarkPreset preset{question.title, {}};
    if (question.rest) {
        BenchmarkCall call{QStringLiteral("REST"), client::CallKind::Rest, restRequest(*question.rest, endpoints), {}};
        call.http.fetchServerTrace = false;
        preset.calls.append(call);
    }
    if (question.graphql) {
        BenchmarkCall call{QStringLiteral("GraphQL"),
                           client::CallKind::GraphQL,
                           client::GraphQLCaller::toHttpRequest(graphqlRequest(*question.graphql, endpoints), true),
                           {}};
        call.http.fetchServerTrace = false;
        preset.calls.append(call);
    }
    if (question.grpc) {
        BenchmarkCall call{QStringLiteral("gRPC"), client::CallKind::Grpc, {}, grpcRequest(*question.grpc, endpoints)};
        call.grpc.traceBaseUrl.clear();
        preset.calls.append(call);
    }
    return preset;
}

QList<BenchmarkPreset> benchmarkPresets(const Endpoints &endpoints) {
    QList<BenchmarkPreset> presets;
    for (const auto &question : QuestionCatalog::builtIn().benchmarks())
        presets.append(benchmarkPreset(question, endpoints));
    return presets;
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

} // namespace triptych::session
