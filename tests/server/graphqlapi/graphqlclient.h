#pragma once

// Helpers shared by the GraphQL API tests: one GraphQL request over a fresh raw socket, and its JSON answer.
#include "tests/server/rest/restclient.h"

#include <QJsonArray>
#include <QUrl>

namespace triptych::testing {

inline const QByteArray kGraphqlResponseJson = "application/graphql-response+json";

inline QByteArray graphqlBody(const QString &query, const QJsonObject &variables = {}) {
    QJsonObject body{{"query", query}};
    if (!variables.isEmpty())
        body.insert("variables", variables);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

inline std::optional<RawResponse> postGraphql(quint16 port, const QByteArray &body, const QByteArray &accept,
                                              const QByteArray &extraHeaders = {}) {
    QByteArray headers = kJson + extraHeaders;
    if (!accept.isEmpty())
        headers += "Accept: " + accept + "\r\n";
    return request(port, "POST", "/graphql", headers, body);
}

inline std::optional<RawResponse> getGraphql(quint16 port, const QString &query, const QByteArray &accept,
                                             const QByteArray &extra = {}) {
    QByteArray path = "/graphql?query=" + QUrl::toPercentEncoding(query) + extra;
    QByteArray headers;
    if (!accept.isEmpty())
        headers += "Accept: " + accept + "\r\n";
    return request(port, "GET", path, headers);
}

inline QJsonObject jsonObject(const RawResponse &response) {
    return QJsonDocument::fromJson(response.body).object();
}

inline QString firstErrorCode(const QJsonObject &answer) {
    return answer["errors"].toArray().at(0).toObject()["extensions"].toObject()["code"].toString();
}

} // namespace triptych::testing
