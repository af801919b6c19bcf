#include "app/interop/postman.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace triptych::interop {

using workspace::BodyKind;
using workspace::KeyValue;

namespace {

const QString kSchema = QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");

QJsonArray keyValues(const QList<KeyValue> &entries) {
    QJsonArray out;
    for (const KeyValue &entry : entries) {
        QJsonObject object{{QStringLiteral("key"), entry.name}, {QStringLiteral("value"), entry.value}};
        if (!entry.enabled)
            object.insert(QStringLiteral("disabled"), true);
        out.append(object);
    }
    return out;
}

QJsonObject pair(const QString &key, const QString &value) {
    return {{QStringLiteral("key"), key},
            {QStringLiteral("value"), value},
            {QStringLiteral("type"), QStringLiteral("string")}};
}

QJsonValue auth(const workspace::RequestAuth &auth) {
    switch (auth.kind) {
    case workspace::AuthKind::Basic:
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("basic")},
                           {QStringLiteral("basic"), QJsonArray{pair(QStringLiteral("username"), auth.user),
                                                                pair(QStringLiteral("password"), auth.password)}}};
    case workspace::AuthKind::Bearer:
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")},
                           {QStringLiteral("bearer"), QJsonArray{pair(QStringLiteral("token"), auth.token)}}};
    case workspace::AuthKind::ApiKey: {
        const bool inQuery = auth.apiKeyIn == workspace::ApiKeyPlacement::Query;
        const QJsonArray settings{
            pair(QStringLiteral("key"), auth.apiKeyName), pair(QStringLiteral("value"), auth.apiKeyValue),
            pair(QStringLiteral("in"), inQuery ? QStringLiteral("query") : QStringLiteral("header"))};
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("apikey")}, {QStringLiteral("apikey"), settings}};
    }
    case workspace::AuthKind::None:
        break;
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("noauth")}};
}

// Postman's structured URL: raw plus host, path and query, so that the SDK keeps disabled parameters.
QJsonObject url(const workspace::HttpPart &http) {
    QString raw = http.url;
    const qsizetype question = raw.indexOf(QLatin1Char('?'));
    QJsonArray query;
    if (question >= 0) {
        for (const QString &piece : raw.mid(question + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const qsizetype equals = piece.indexOf(QLatin1Char('='));
            query.append(QJsonObject{{QStringLiteral("key"), piece.left(equals)},
                                     {QStringLiteral("value"), equals < 0 ? QJsonValue() : piece.mid(equals + 1)}});
        }
        raw.truncate(question);
    }
    for (const QJsonValue &param : keyValues(http.params))
        query.append(param);
    const qsizetype scheme = raw.indexOf(QLatin1String("://"));
    const QString rest = scheme < 0 ? raw : raw.mid(scheme + 3);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    const QString authority = slash < 0 ? rest : rest.left(slash);
    QJsonObject out{{QStringLiteral("raw"), raw}};
    if (scheme >= 0)
        out.insert(QStringLiteral("protocol"), raw.left(scheme));
    const qsizetype colon = authority.startsWith(QLatin1String("{{")) ? -1 : authority.lastIndexOf(QLatin1Char(':'));
    out.insert(QStringLiteral("host"),
               QJsonArray::fromStringList((colon < 0 ? authority : authority.left(colon)).split(QLatin1Char('.'))));
    if (colon >= 0)
        out.insert(QStringLiteral("port"), authority.mid(colon + 1));
    if (slash >= 0)
        out.insert(QStringLiteral("path"), QJsonArray::fromStringList(rest.mid(slash + 1).split(QLatin1Char('/'))));
    if (!query.isEmpty()) {
        out.insert(QStringLiteral("query"), query);
        QStringList enabled;
        for (const QJsonValue &param : query) {
            const QJsonObject object = param.toObject();
            if (!object.value(QStringLiteral("disabled")).toBool())
                enabled << object.value(QStringLiteral("key")).toString() + QLatin1Char('=') +
                               object.value(QStringLiteral("value")).toString();
        }
        out.insert(QStringLiteral("raw"),
                   raw + (enabled.isEmpty() ? QString() : QLatin1Char('?') + enabled.join(QLatin1Char('&'))));
    }
    return out;
}

QJsonValue body(const workspace::RequestDocument &document) {
    if (document.style == workspace::RequestStyle::GraphQL)
        return QJsonObject{
            {QStringLiteral("mode"), QStringLiteral("graphql")},
            {QStringLiteral("graphql"), QJsonObject{{QStringLiteral("query"), document.graphql.document},
                                                    {QStringLiteral("variables"), document.graphql.variables}}}};
    const workspace::RequestBody &b = document.http.body;
    switch (b.kind) {
    case BodyKind::Json:
        return QJsonObject{
            {QStringLiteral("mode"), QStringLiteral("raw")},
            {QStringLiteral("raw"), b.text},
            {QStringLiteral("options"),
             QJsonObject{{QStringLiteral("raw"), QJsonObject{{QStringLiteral("language"), QStringLiteral("json")}}}}}};
    case BodyKind::Raw:
        return QJsonObject{{QStringLiteral("mode"), QStringLiteral("raw")}, {QStringLiteral("raw"), b.text}};
    case BodyKind::Form:
        return QJsonObject{{QStringLiteral("mode"), QStringLiteral("urlencoded")},
                           {QStringLiteral("urlencoded"), keyValues(b.form)}};
    case BodyKind::Multipart: {
        QJsonArray fields;
        for (const workspace::MultipartPart &part : b.multipart) {
            QJsonObject field{{QStringLiteral("key"), part.name}};
            field.insert(QStringLiteral("type"),
                         part.filePath.isEmpty() ? QStringLiteral("text") : QStringLiteral("file"));
            field.insert(part.filePath.isEmpty() ? QStringLiteral("value") : QStringLiteral("src"),
                         part.filePath.isEmpty() ? part.value : part.filePath);
            if (!part.contentType.isEmpty())
                field.insert(QStringLiteral("contentType"), part.contentType);
            if (!part.enabled)
                field.insert(QStringLiteral("disabled"), true);
            fields.append(field);
        }
        return QJsonObject{{QStringLiteral("mode"), QStringLiteral("formdata")}, {QStringLiteral("formdata"), fields}};
    }
    case BodyKind::File:
        return QJsonObject{{QStringLiteral("mode"), QStringLiteral("file")},
                           {QStringLiteral("file"), QJsonObject{{QStringLiteral("src"), b.filePath}}}};
    case BodyKind::None:
        break;
    }
    return QJsonValue();
}

// The headers Triptych adds on its own are written out, so that Postman and newman send them too.
QJsonArray headers(const workspace::RequestDocument &document) {
    QList<KeyValue> list = document.http.headers;
    const auto has = [&list](QStringView name) {
        return std::any_of(list.begin(), list.end(), [name](const KeyValue &h) {
            return h.enabled && h.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    const workspace::RequestBody &b = document.http.body;
    if (document.style == workspace::RequestStyle::GraphQL && !has(u"Accept"))
        list.append(
            {QStringLiteral("Accept"), QStringLiteral("application/graphql-response+json, application/json"), true});
    if (document.style == workspace::RequestStyle::Rest && b.kind == BodyKind::Json && !has(u"Content-Type"))
        list.append({QStringLiteral("Content-Type"), QStringLiteral("application/json"), true});
    if (document.style == workspace::RequestStyle::Rest && b.kind == BodyKind::Raw && !b.contentType.isEmpty() &&
        !has(u"Content-Type"))
        list.append({QStringLiteral("Content-Type"), b.contentType, true});
    return keyValues(list);
}

QJsonObject requestItem(const workspace::RequestDocument &document) {
    const bool graphql = document.style == workspace::RequestStyle::GraphQL;
    QJsonObject request{{QStringLiteral("method"), graphql ? QStringLiteral("POST") : document.http.method},
                        {QStringLiteral("header"), headers(document)},
                        {QStringLiteral("url"), url(document.http)},
                        {QStringLiteral("auth"), auth(document.http.auth)}};
    if (const QJsonValue b = body(document); !b.isNull())
        request.insert(QStringLiteral("body"), b);
    if (!document.notes.isEmpty())
        request.insert(QStringLiteral("description"), document.notes);
    return {{QStringLiteral("name"), document.name}, {QStringLiteral("request"), request}};
}

// Nests the collected folder lists bottom-up: "a/b" goes into "a", "a" into the root.
QJsonArray nest(QHash<QString, QJsonArray> folders) {
    QStringList paths = folders.keys();
    for (const QString &path : QStringList(paths)) {
        for (qsizetype slash = path.lastIndexOf(QLatin1Char('/')); slash > 0;
             slash = path.lastIndexOf(QLatin1Char('/'), slash - 1)) {
            if (!paths.contains(path.left(slash)))
                paths << path.left(slash);
        }
        if (!path.isEmpty() && !paths.contains(QString()))
            paths << QString();
    }
    const auto depth = [](const QString &path) { return path.isEmpty() ? 0 : path.count(QLatin1Char('/')) + 1; };
    // Deepest first, so a folder is complete before it is put into its parent; prepending in reverse name order
    // lists sub-folders by name, before the parent's requests.
    std::sort(paths.begin(), paths.end(), [&depth](const QString &a, const QString &b) {
        return depth(a) != depth(b) ? depth(a) > depth(b) : a > b;
    });
    for (const QString &path : paths) {
        if (path.isEmpty())
            continue;
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        const QString parent = slash < 0 ? QString() : path.left(slash);
        folders[parent].prepend(
            QJsonObject{{QStringLiteral("name"), path.mid(slash + 1)}, {QStringLiteral("item"), folders.value(path)}});
    }
    return folders.value(QString());
}

} // namespace

PostmanExport exportPostman(const QString &name, const QList<ImportedRequest> &requests,
                            const workspace::Environment *environment) {
    PostmanExport out;
    QHash<QString, QJsonArray> folders;
    for (const ImportedRequest &request : requests) {
        const workspace::RequestDocument &document = request.document;
        const QString where =
            request.folder.isEmpty() ? document.name : request.folder + QLatin1Char('/') + document.name;
        if (document.style == workspace::RequestStyle::Grpc) {
            out.skipped << where + QStringLiteral(": gRPC requests cannot be written as a Postman v2.1 collection");
            continue;
        }
        if (document.style == workspace::RequestStyle::GraphQL &&
            document.graphql.transport != workspace::GraphQLTransport::HttpPost) {
            out.skipped << where + QStringLiteral(": only GraphQL over HTTP POST has a Postman body mode");
            continue;
        }
        folders[request.folder].append(requestItem(document));
    }
    const QJsonObject collection{
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("_postman_id"), QUuid::createUuidV5(QUuid(), name).toString(QUuid::WithoutBraces)},
                     {QStringLiteral("schema"), kSchema}}},
        {QStringLiteral("item"), nest(folders)}};
    out.collection = QJsonDocument(collection).toJson(QJsonDocument::Indented);
    if (environment) {
        QJsonArray values;
        for (const workspace::Variable &variable : environment->variables)
            values.append(QJsonObject{
                {QStringLiteral("key"), variable.name},
                {QStringLiteral("value"), variable.secret ? QString() : variable.value},
                {QStringLiteral("type"), variable.secret ? QStringLiteral("secret") : QStringLiteral("default")},
                {QStringLiteral("enabled"), true}});
        out.environment =
            QJsonDocument(QJsonObject{{QStringLiteral("name"), environment->name},
                                      {QStringLiteral("values"), values},
                                      {QStringLiteral("_postman_variable_scope"), QStringLiteral("environment")}})
                .toJson(QJsonDocument::Indented);
    }
    return out;
}

} // namespace triptych::interop
