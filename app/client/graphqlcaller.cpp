#include "app/client/graphqlcaller.h"

#include "app/client/restcaller.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

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
    const quint64 id = m_rest->send(toHttpRequest(request, !request.persistedQuery));
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
        return;
    }
    CallRecord out = record;
    out.id = publicId;
    Q_EMIT callFinished(out);
}

void GraphQLCaller::onFailed(const CallRecord &record) {
    m_persisted.remove(record.id);
    CallRecord out = record;
    out.id = m_publicIds.take(record.id);
    Q_EMIT callFailed(out);
}

} // namespace triptych::client
