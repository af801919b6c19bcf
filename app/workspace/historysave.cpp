// "Save to collection": a history entry back into a RequestDocument.
#include "app/workspace/atomicfile.h"
#include "app/workspace/historyentry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

namespace triptych::workspace {

namespace {

// Headers the client writes by itself on every call; saving them would send them twice.
bool isAutomaticHeader(const QString &name) {
    static const QSet<QString> automatic{QStringLiteral("host"),
                                         QStringLiteral("content-length"),
                                         QStringLiteral("traceparent"),
                                         QStringLiteral("tracestate"),
                                         QStringLiteral("user-agent"),
                                         QStringLiteral("accept-encoding"),
                                         QStringLiteral("connection"),
                                         QStringLiteral("expect"),
                                         QStringLiteral("transfer-encoding"),
                                         QStringLiteral("te"),
                                         QStringLiteral("grpc-timeout"),
                                         QStringLiteral("grpc-accept-encoding"),
                                         QStringLiteral("content-type"),
                                         QStringLiteral("sec-websocket-protocol"),
                                         QStringLiteral("sec-websocket-key"),
                                         QStringLiteral("sec-websocket-version"),
                                         QStringLiteral("upgrade")};
    return automatic.contains(name.toLower());
}

QString headerValue(const TextPairs &headers, QStringView name) {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<KeyValue> keptHeaders(const TextPairs &headers) {
    QList<KeyValue> kept;
    for (const auto &[name, value] : headers) {
        if (!isAutomaticHeader(name))
            kept.append({name, value, true});
    }
    return kept;
}

// A name a person recognises that is also a valid file name: "GET v1 users 42 orders".
QString suggestedName(const QString &method, const QString &what) {
    QString name = method + QLatin1Char(' ') + what;
    for (QChar &c : name) {
        if (c.unicode() < 0x20 || QStringView(u"/\\:*?\"<>|").contains(c))
            c = QLatin1Char(' ');
    }
    name = name.simplified();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return entryNameProblem(name).isEmpty() ? name.left(120) : QStringLiteral("Saved request");
}

QString prettyJson(const QJsonValue &value) {
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    return {};
}

void restFromEntry(const HistoryEntry &entry, RequestDocument &document) {
    HttpPart &http = document.http;
    QUrl url(entry.url);
    for (const auto &[name, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        http.params.append({name, value, true});
    url.setQuery(QString());
    http.method = entry.method.isEmpty() ? QStringLiteral("GET") : entry.method;
    http.url = url.toString();
    http.headers = keptHeaders(entry.requestHeaders);
    http.options.acceptGzip = headerValue(entry.requestHeaders, u"Accept-Encoding").contains(QStringLiteral("gzip"));
    const QString type = headerValue(entry.requestHeaders, u"Content-Type");
    const QString body = QString::fromUtf8(entry.requestBody);
    if (body.isEmpty())
        return;
    if (type.startsWith(QStringLiteral("application/x-www-form-urlencoded"))) {
        http.body.kind = BodyKind::Form;
        for (const auto &[name, value] : QUrlQuery(body).queryItems(QUrl::FullyDecoded))
            http.body.form.append({name, value, true});
    } else if (type.contains(QStringLiteral("json")) ||
               (type.isEmpty() && !QJsonDocument::fromJson(entry.requestBody).isNull())) {
        http.body.kind = BodyKind::Json;
        http.body.text = body;
    } else {
        http.body.kind = BodyKind::Raw;
        http.body.text = body;
        http.body.contentType = type;
    }
}

void graphqlFromEntry(const HistoryEntry &entry, RequestDocument &document) {
    QUrl url(entry.url);
    QJsonObject operation;
    if (url.scheme().startsWith(QStringLiteral("ws"))) {
        const bool legacy = headerValue(entry.requestHeaders, u"Sec-WebSocket-Protocol") == u"graphql-ws";
        document.graphql.transport =
            legacy ? GraphQLTransport::SubscriptionsTransportWs : GraphQLTransport::TransportWs;
        operation = QJsonDocument::fromJson(entry.requestBody).object().value(QStringLiteral("payload")).toObject();
    } else if (entry.method.compare(QStringLiteral("GET"), Qt::CaseInsensitive) == 0) {
        document.graphql.transport = GraphQLTransport::HttpGet;
        QUrlQuery query(url);
        operation.insert(QStringLiteral("query"), query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded));
        operation.insert(QStringLiteral("operationName"),
                         query.queryItemValue(QStringLiteral("operationName"), QUrl::FullyDecoded));
        operation.insert(
            QStringLiteral("variables"),
            QJsonDocument::fromJson(query.queryItemValue(QStringLiteral("variables"), QUrl::FullyDecoded).toUtf8())
                .object());
        url.setQuery(QString());
    } else {
        operation = QJsonDocument::fromJson(entry.requestBody).object();
    }
    document.http.url = url.toString();
    document.http.headers = keptHeaders(entry.requestHeaders);
    document.graphql.document = operation.value(QStringLiteral("query")).toString();
    document.graphql.operationName = operation.value(QStringLiteral("operationName")).toString();
    document.graphql.variables = prettyJson(operation.value(QStringLiteral("variables")));
    if (document.graphql.variables.trimmed() == u"{\n}")
        document.graphql.variables.clear();
    document.graphql.persistedQuery = operation.contains(QStringLiteral("extensions"));
    const QString operationName = document.graphql.operationName;
    document.name = suggestedName(QStringLiteral("GraphQL"), operationName.isEmpty() ? url.path() : operationName);
}

void grpcFromEntry(const HistoryEntry &entry, RequestDocument &document) {
    document.grpc.target = entry.url;
    document.grpc.method = entry.method.startsWith(QLatin1Char('/')) ? entry.method.mid(1) : entry.method;
    document.grpc.message = QString::fromUtf8(entry.requestBody);
    document.grpc.metadata = keptHeaders(entry.requestHeaders);
    document.name = suggestedName(QStringLiteral("gRPC"), document.grpc.method.section(QLatin1Char('/'), -1));
}

} // namespace

RequestDocument toRequestDocument(const HistoryEntry &entry) {
    RequestDocument document;
    document.style = entry.style;
    switch (entry.style) {
    case RequestStyle::Rest:
        restFromEntry(entry, document);
        break;
    case RequestStyle::GraphQL:
        graphqlFromEntry(entry, document);
        break;
    case RequestStyle::Grpc:
        grpcFromEntry(entry, document);
        break;
    }
    if (document.name.isEmpty())
        document.name = suggestedName(document.http.method, QUrl(entry.url).path());
    return document;
}

} // namespace triptych::workspace
