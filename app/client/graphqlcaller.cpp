#include "app/client/graphqlcaller.h"

#include "app/client/graphqlwsprotocol.h"
#include "app/client/restcaller.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace triptych::client {

namespace {

QJsonObject persistedExtension(const QString &query) {
    const auto hash = QCryptographicHash::hash(query.toUtf8(), QCryptographicHash::Sha256).toHex();
    return {{QStringLiteral("persistedQuery"),
             QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("sha256Hash"), QString::fromLatin1(hash)}}}};
}

bool askedForQuery(const QByteArray &body) {
    const auto errors = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray();
    for (const auto &error : errors) {
        const auto object = error.toObject();
        if (object.value(QStringLiteral("extensions")).toObject().value(QStringLiteral("code")).toString() ==
                QLatin1String("PERSISTED_QUERY_NOT_FOUND") ||
            object.value(QStringLiteral("message")).toString() == QLatin1String("PersistedQueryNotFound"))
            return true;
    }
    return false;
}

qint64 sentBytes(const CallRecord &record) {
    return record.sizes.requestHeaderBytes + record.sizes.requestBodyBytes;
}

// What a round carried: the body of a POST, the query string of a GET.
QByteArray sentPayload(const CallRecord &record) {
    return record.method == QLatin1String("GET") ? QUrl(record.url).query(QUrl::FullyDecoded).toUtf8()
                                                 : record.requestBody;
}

// The answer of an APQ retry with the miss before it, so that a person sees both rounds: the four messages (what
// went and came, with sizes), and on the trace one span per round under a client total that starts at the miss.
CallRecord withMiss(const CallRecord &miss, CallRecord retry) {
    const qint64 gapUs = std::max<qint64>(0, (retry.startedAtUnixNs - miss.startedAtUnixNs) / 1000);
    const qint64 retryUs = retry.timings.totalUs;
    for (TraceSpan &span : retry.spans) {
        if (!span.fromServer && span.name == QLatin1String("client total"))
            span.durationUs += gapUs;
        else
            span.startUs += gapUs;
    }
    const auto round = [](const QString &name, const CallRecord &record, qint64 startUs) {
        return TraceSpan{{},
                         {},
                         name,
                         startUs,
                         record.timings.totalUs,
                         false,
                         {{QStringLiteral("http.request.method"), record.method},
                          {QStringLiteral("http.response.status_code"), QString::number(record.httpStatus)},
                          {QStringLiteral("bytes sent"), QString::number(sentBytes(record))},
                          {QStringLiteral("bytes received"), QString::number(record.body.size())}}};
    };
    const qsizetype after = std::min<qsizetype>(1, retry.spans.size()); // after the client total
    retry.spans.insert(after, round(QStringLiteral("APQ round 2: with the query"), retry, gapUs));
    retry.spans.insert(after, round(QStringLiteral("APQ round 1: hash only (PersistedQueryNotFound)"), miss, 0));
    for (const TraceSpan &span : miss.spans)
        if (span.fromServer)
            retry.spans.append(span);
    QList<StreamMessage> rounds{
        {true, 0, sentBytes(miss), miss.method + QStringLiteral(" hash only"), sentPayload(miss)},
        {false, miss.timings.totalUs, miss.body.size(), QStringLiteral("PersistedQueryNotFound"), miss.body},
        {true, gapUs, sentBytes(retry), retry.method + QStringLiteral(" with the query"), sentPayload(retry)},
        {false, gapUs + retryUs, retry.body.size(), QStringLiteral("answer"), retry.body}};
    retry.messages = rounds + retry.messages;
    retry.startedAtUnixNs = miss.startedAtUnixNs;
    retry.timings.totalUs = gapUs + retryUs;
    return retry;
}

} // namespace

GraphQLCaller::GraphQLCaller(QObject *parent)
    : QObject(parent)
    , m_rest(new RestCaller(this)) {
    connect(m_rest, &RestCaller::callFinished, this, &GraphQLCaller::onFinished);
    connect(m_rest, &RestCaller::callFailed, this, &GraphQLCaller::onFailed);
}

RestRequest GraphQLCaller::toHttpRequest(const GraphQLRequest &request, bool includeQuery) {
    RestRequest http = request.http;
    http.kind = CallKind::GraphQL;
    http.headers.append({QByteArray("Accept"), QByteArray("application/graphql-response+json, application/json")});
    const QJsonObject extensions = request.persistedQuery ? persistedExtension(request.query) : QJsonObject{};
    const QJsonObject variables = QJsonDocument::fromJson(request.variables).object();
    if (request.useGet) {
        QUrl url(request.url);
        QUrlQuery query;
        if (includeQuery)
            query.addQueryItem(QStringLiteral("query"), request.query);
        if (!request.variables.isEmpty())
            query.addQueryItem(QStringLiteral("variables"),
                               QString::fromUtf8(QJsonDocument(variables).toJson(QJsonDocument::Compact)));
        if (!request.operationName.isEmpty())
            query.addQueryItem(QStringLiteral("operationName"), request.operationName);
        if (!extensions.isEmpty())
            query.addQueryItem(QStringLiteral("extensions"),
                               QString::fromUtf8(QJsonDocument(extensions).toJson(QJsonDocument::Compact)));
        url.setQuery(query);
        http.method = "GET";
        http.url = QString::fromUtf8(url.toEncoded());
        return http;
    }
    QJsonObject body;
    if (includeQuery)
        body.insert(QStringLiteral("query"), request.query);
    if (!request.variables.isEmpty())
        body.insert(QStringLiteral("variables"), variables);
    if (!request.operationName.isEmpty())
        body.insert(QStringLiteral("operationName"), request.operationName);
    if (!extensions.isEmpty())
        body.insert(QStringLiteral("extensions"), extensions);
    http.method = "POST";
    http.url = request.url;
    http.bodyKind = BodyKind::Json;
    http.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return http;
}

quint64 GraphQLCaller::send(const GraphQLRequest &request) {
    // A hashed query goes by GET, as Apollo's clients send it, so that caches can answer it; a mutation stays POST.
    GraphQLRequest first = request;
    if (request.persistedQuery && operationType(request.query, request.operationName) == OperationType::Query)
        first.useGet = true;
    const quint64 id = m_rest->send(toHttpRequest(first, !request.persistedQuery));
    m_publicIds.insert(id, id);
    if (request.persistedQuery)
        m_persisted.insert(id, request);
    return id;
}

void GraphQLCaller::cancel(quint64 id) {
    for (auto it = m_publicIds.begin(); it != m_publicIds.end(); ++it) {
        if (it.value() == id) {
            m_rest->cancel(it.key());
            return;
        }
    }
}

void GraphQLCaller::onFinished(const CallRecord &record) {
    const quint64 publicId = m_publicIds.take(record.id);
    if (const auto persisted = m_persisted.take(record.id); !persisted.query.isEmpty() && askedForQuery(record.body)) {
        // The server does not know the hash yet: the second round registers the query.
        const quint64 retry = m_rest->send(toHttpRequest(persisted, true));
        m_publicIds.insert(retry, publicId);
        m_misses.insert(retry, record);
        return;
    }
    CallRecord out = m_misses.contains(record.id) ? withMiss(m_misses.take(record.id), record) : record;
    out.id = publicId;
    Q_EMIT callFinished(out);
}

void GraphQLCaller::onFailed(const CallRecord &record) {
    m_persisted.remove(record.id);
    CallRecord out = m_misses.contains(record.id) ? withMiss(m_misses.take(record.id), record) : record;
    out.id = m_publicIds.take(record.id);
    Q_EMIT callFailed(out);
}

} // namespace triptych::client
