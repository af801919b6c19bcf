#include "app/interop/openapi.h"
#include "app/interop/openapischema.h"
#include "app/interop/structuredinput.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace triptych::interop {

using workspace::BodyKind;
using workspace::Diagnostic;
using workspace::KeyValue;

namespace {

const QStringList kMethods{QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
                           QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                           QStringLiteral("patch"),  QStringLiteral("trace")};

// A JSON pointer segment: '~' and '/' escaped, as a place in messages ("#/paths/~1users/get").
QString escaped(QString key) {
    return key.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
}

// How a value goes into a URL, a header or a form: strings as they are, the rest as compact JSON.
QString plain(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull() || value.isUndefined())
        return {};
    return QString::fromUtf8(value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                              : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
}

class OpenApiReader {
public:
    OpenApiReader(const QJsonObject &root, QString file, ImportResult &result)
        : m_document(root)
        , m_file(std::move(file))
        , m_result(result) {}

    void readServers();
    void readSecuritySchemes();
    void readPaths();

private:
    void warn(const QString &place, const QString &message) {
        m_result.diagnostics.append(
            {Diagnostic::Severity::Warning, m_file, 0, 0, place + QStringLiteral(": ") + message});
    }
    QJsonObject resolve(const QJsonValue &value, const QString &place) {
        QString problem;
        QJsonObject object = m_document.resolve(value, &problem);
        if (!problem.isEmpty())
            warn(place, problem + QStringLiteral("; left out"));
        return object;
    }
    void readOperation(const QString &path, const QString &method, const QJsonObject &operation,
                       const QJsonArray &pathParameters, const QString &place);
    QJsonValue parameterValue(const QJsonObject &parameter);
    void readParameters(const QJsonArray &parameters, workspace::HttpPart &http, const QString &place);
    void readBody(const QJsonValue &body, workspace::HttpPart &http, const QString &place);
    void readSecurity(const QJsonObject &operation, workspace::RequestAuth &auth, const QString &place);

    openapi::Document m_document;
    QString m_file;
    ImportResult &m_result;
    QHash<QString, workspace::RequestAuth> m_schemes; // security scheme name → auth with {{variables}}
};

void OpenApiReader::readServers() {
    const QJsonArray servers = m_document.root().value(QLatin1String("servers")).toArray();
    QStringList urls;
    for (const QJsonValue &entry : servers) {
        const QJsonObject server = entry.toObject();
        QString url = server.value(QLatin1String("url")).toString();
        const QJsonObject variables = server.value(QLatin1String("variables")).toObject();
        for (auto it = variables.begin(); it != variables.end(); ++it)
            url.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'),
                        plain(it.value().toObject().value(QLatin1String("default"))));
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        urls.append(url);
    }
    if (urls.isEmpty()) {
        urls.append(QStringLiteral("http://localhost"));
        warn(QStringLiteral("#/servers"), QStringLiteral("no server is given; baseUrl is set to http://localhost"));
    } else if (!urls.first().contains(QLatin1String("://"))) {
        warn(QStringLiteral("#/servers/0"), QStringLiteral("the URL %1 is relative to where the document was "
                                                           "served; set baseUrl to the full URL")
                                                .arg(urls.first()));
    }
    m_result.variables.append({QStringLiteral("baseUrl"), urls.first(), false});
    for (qsizetype i = 1; i < urls.size(); ++i)
        m_result.environments.append(
            {QStringLiteral("server %1").arg(i + 1), {{QStringLiteral("baseUrl"), urls.at(i), false}}});
}

void OpenApiReader::readSecuritySchemes() {
    const QJsonObject schemes = m_document.root()
                                    .value(QLatin1String("components"))
                                    .toObject()
                                    .value(QLatin1String("securitySchemes"))
                                    .toObject();
    for (auto it = schemes.begin(); it != schemes.end(); ++it) {
        const QString place = QStringLiteral("#/components/securitySchemes/") + escaped(it.key());
        const QJsonObject scheme = resolve(it.value(), place);
        const QString type = scheme.value(QLatin1String("type")).toString();
        const QString variable = QStringLiteral("{{%1}}").arg(it.key());
        workspace::RequestAuth auth;
        const QString httpScheme = scheme.value(QLatin1String("scheme")).toString().toLower();
        if (type == QLatin1String("http") && httpScheme == QLatin1String("basic")) {
            auth.kind = workspace::AuthKind::Basic;
            auth.user = QStringLiteral("{{%1User}}").arg(it.key());
            auth.password = QStringLiteral("{{%1Password}}").arg(it.key());
        } else if ((type == QLatin1String("http") && httpScheme == QLatin1String("bearer")) ||
                   type == QLatin1String("oauth2") || type == QLatin1String("openIdConnect")) {
            auth.kind = workspace::AuthKind::Bearer;
            auth.token = variable;
            if (type != QLatin1String("http"))
                warn(place,
                     QStringLiteral("%1 becomes a bearer token in {{%2}}; get the token yourself").arg(type, it.key()));
        } else if (type == QLatin1String("apiKey") && scheme.value(QLatin1String("in")) != QLatin1String("cookie")) {
            auth.kind = workspace::AuthKind::ApiKey;
            auth.apiKeyName = scheme.value(QLatin1String("name")).toString();
            auth.apiKeyValue = variable;
            auth.apiKeyIn = scheme.value(QLatin1String("in")) == QLatin1String("query")
                                ? workspace::ApiKeyPlacement::Query
                                : workspace::ApiKeyPlacement::Header;
        } else {
            warn(place, QStringLiteral("the security scheme type '%1' is not supported; its operations are sent "
                                       "without auth")
                            .arg(type.isEmpty() ? httpScheme : type + QLatin1Char(' ') + httpScheme));
            continue;
        }
        m_schemes.insert(it.key(), auth);
        const QStringList names =
            auth.kind == workspace::AuthKind::Basic
                ? QStringList{it.key() + QStringLiteral("User"), it.key() + QStringLiteral("Password")}
                : QStringList{it.key()};
        for (const QString &name : names) {
            if (workspace::isValidVariableName(name))
                m_result.variables.append({name, QString(), true});
            else
                warn(place, QStringLiteral("%1 is not a variable name Triptych accepts; define it by hand").arg(name));
        }
    }
}

void OpenApiReader::readSecurity(const QJsonObject &operation, workspace::RequestAuth &auth, const QString &place) {
    const QJsonValue requirement = operation.contains(QLatin1String("security"))
                                       ? operation.value(QLatin1String("security"))
                                       : m_document.root().value(QLatin1String("security"));
    // Alternatives: the first that Triptych can send. An empty one ({}) means no auth is needed.
    for (const QJsonValue &alternative : requirement.toArray()) {
        const QJsonObject names = alternative.toObject();
        if (names.isEmpty())
            return;
        if (names.size() == 1 && m_schemes.contains(names.begin().key())) {
            auth = m_schemes.value(names.begin().key());
            return;
        }
    }
    if (!requirement.toArray().isEmpty())
        warn(place, QStringLiteral("no security requirement of this operation is one Triptych can send; sent "
                                   "without auth"));
}

QJsonValue OpenApiReader::parameterValue(const QJsonObject &parameter) {
    const QJsonValue own = openapi::ownExample(parameter);
    if (!own.isUndefined())
        return own;
    if (parameter.contains(QLatin1String("content"))) {
        const QJsonObject content = parameter.value(QLatin1String("content")).toObject();
        const QJsonObject media = content.begin().value().toObject();
        const QJsonValue mediaExample = openapi::ownExample(media);
        return mediaExample.isUndefined() ? m_document.example(media.value(QLatin1String("schema"))) : mediaExample;
    }
    return m_document.example(parameter.value(QLatin1String("schema")));
}

void OpenApiReader::readParameters(const QJsonArray &parameters, workspace::HttpPart &http, const QString &place) {
    for (qsizetype i = 0; i < parameters.size(); ++i) {
        const QString where = QStringLiteral("%1/parameters/%2").arg(place).arg(i);
        const QJsonObject parameter = resolve(parameters.at(i), where);
        const QString name = parameter.value(QLatin1String("name")).toString();
        const QString in = parameter.value(QLatin1String("in")).toString();
        const bool required = parameter.value(QLatin1String("required")).toBool() || in == QLatin1String("path");
        const bool hasExample = !openapi::ownExample(parameter).isUndefined() ||
                                parameter.value(QLatin1String("schema")).toObject().contains(QLatin1String("example"));
        const QString value = plain(parameterValue(parameter));
        if (in == QLatin1String("path")) {
            http.url.replace(QLatin1Char('{') + name + QLatin1Char('}'), value);
        } else if (in == QLatin1String("query")) {
            // An optional parameter without an example is kept, switched off, with the value its schema suggests.
            http.params.append({name, value, required || hasExample});
        } else if (in == QLatin1String("header")) {
            http.headers.append({name, value, required || hasExample});
        } else if (!name.isEmpty()) {
            warn(where, QStringLiteral("the %1 parameter %2 is not sent (Triptych sends path, query and header "
                                       "parameters)")
                            .arg(in, name));
        }
    }
}

void OpenApiReader::readBody(const QJsonValue &bodyValue, workspace::HttpPart &http, const QString &place) {
    if (bodyValue.isUndefined())
        return;
    const QString where = place + QStringLiteral("/requestBody");
    const QJsonObject content = resolve(bodyValue, where).value(QLatin1String("content")).toObject();
    if (content.isEmpty())
        return;
    // JSON first, then forms, then whatever comes first.
    QString type = content.keys().first();
    for (const QString &candidate : content.keys()) {
        if (candidate == QLatin1String("application/json") || candidate.endsWith(QLatin1String("+json"))) {
            type = candidate;
            break;
        }
        if (candidate == QLatin1String("application/x-www-form-urlencoded") ||
            candidate == QLatin1String("multipart/form-data"))
            type = candidate;
    }
    const QJsonObject media = content.value(type).toObject();
    QJsonValue example = openapi::ownExample(media);
    if (example.isUndefined())
        example = m_document.example(media.value(QLatin1String("schema")));
    workspace::RequestBody &body = http.body;
    if (type == QLatin1String("application/json")) {
        body.kind = BodyKind::Json;
        body.text = example.isObject() || example.isArray()
                        ? QString::fromUtf8(example.isObject() ? QJsonDocument(example.toObject()).toJson()
                                                               : QJsonDocument(example.toArray()).toJson())
                        : plain(example);
    } else if (type == QLatin1String("application/x-www-form-urlencoded") ||
               type == QLatin1String("multipart/form-data")) {
        const bool multipart = type.startsWith(QLatin1String("multipart"));
        body.kind = multipart ? BodyKind::Multipart : BodyKind::Form;
        const QJsonObject fields = example.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (multipart)
                body.multipart.append({it.key(), plain(it.value()), QString(), QString(), true});
            else
                body.form.append({it.key(), plain(it.value()), true});
        }
    } else {
        body.kind = BodyKind::Raw;
        body.contentType = type;
        body.text = example.isString() ? example.toString() : plain(example);
        if (type.endsWith(QLatin1String("+json")) && (example.isObject() || example.isArray()))
            body.text = plain(example);
    }
    if (content.size() > 1) {
        QStringList others = content.keys();
        others.removeAll(type); // the one chosen is not among the others
        warn(where, QStringLiteral("the body is sent as %1; the document also allows %2")
                        .arg(type, others.join(QStringLiteral(", "))));
    }
}

void OpenApiReader::readOperation(const QString &path, const QString &method, const QJsonObject &operation,
                                  const QJsonArray &pathParameters, const QString &place) {
    ImportedRequest imported;
    workspace::RequestDocument &document = imported.document;
    workspace::HttpPart &http = document.http;
    http.method = method.toUpper();
    http.url = QStringLiteral("{{baseUrl}}") + path;
    // Path-level parameters, overridden by the operation's own of the same name and place.
    QJsonArray parameters = operation.value(QLatin1String("parameters")).toArray();
    QSet<QString> own;
    for (const QJsonValue &parameter : parameters) {
        QString ignored;
        const QJsonObject resolved = m_document.resolve(parameter, &ignored);
        own.insert(resolved.value(QLatin1String("in")).toString() + QLatin1Char(':') +
                   resolved.value(QLatin1String("name")).toString());
    }
    for (const QJsonValue &parameter : pathParameters) {
        QString ignored;
        const QJsonObject resolved = m_document.resolve(parameter, &ignored);
        if (!own.contains(resolved.value(QLatin1String("in")).toString() + QLatin1Char(':') +
                          resolved.value(QLatin1String("name")).toString()))
            parameters.append(parameter);
    }
    readParameters(parameters, http, place);
    readBody(operation.value(QLatin1String("requestBody")), http, place);
    readSecurity(operation, http.auth, place);
    const QString summary = operation.value(QLatin1String("summary")).toString();
    const QString operationId = operation.value(QLatin1String("operationId")).toString();
    document.name = safeRequestName(!summary.isEmpty()       ? summary
                                    : !operationId.isEmpty() ? operationId
                                                             : http.method + QLatin1Char(' ') + path);
    QStringList notes;
    notes << QStringLiteral("`%1 %2`").arg(http.method, path);
    if (!operationId.isEmpty())
        notes << QStringLiteral("operationId: %1").arg(operationId);
    if (const QString description = operation.value(QLatin1String("description")).toString(); !description.isEmpty())
        notes << description;
    document.notes = notes.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
    if (operation.value(QLatin1String("deprecated")).toBool())
        document.notes.prepend(QStringLiteral("Deprecated.\n\n"));
    const QJsonArray tags = operation.value(QLatin1String("tags")).toArray();
    imported.folder = tags.isEmpty() ? QString() : safeRequestName(tags.first().toString());
    m_result.requests.append(imported);
}

void OpenApiReader::readPaths() {
    const QJsonObject paths = m_document.root().value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QString place = QStringLiteral("#/paths/") + escaped(it.key());
        const QJsonObject item = resolve(it.value(), place);
        const QJsonArray pathParameters = item.value(QLatin1String("parameters")).toArray();
        for (const QString &method : kMethods) {
            if (item.contains(method))
                readOperation(it.key(), method, item.value(method).toObject(), pathParameters,
                              place + QLatin1Char('/') + method);
        }
    }
}

} // namespace

ImportResult importOpenApi(const QByteArray &bytes, const QString &file) {
    ImportResult result;
    const std::optional<QJsonObject> root = parseJsonOrYamlObject(bytes, file, result.diagnostics);
    if (!root)
        return result;
    const QString version = root->value(QLatin1String("openapi")).toString();
    if (!version.startsWith(QLatin1String("3.0")) && !version.startsWith(QLatin1String("3.1"))) {
        const QString found = root->contains(QLatin1String("swagger"))
                                  ? QStringLiteral("Swagger %1").arg(plain(root->value(QLatin1String("swagger"))))
                              : version.isEmpty() ? QStringLiteral("no `openapi` version")
                                                  : QStringLiteral("OpenAPI %1").arg(version);
        result.diagnostics.append({Diagnostic::Severity::Error, file, 0, 0,
                                   QStringLiteral("%1: Triptych reads OpenAPI 3.0 and 3.1 documents").arg(found)});
        return result;
    }
    result.collectionName =
        safeRequestName(root->value(QLatin1String("info")).toObject().value(QLatin1String("title")).toString());
    OpenApiReader reader(*root, file, result);
    reader.readServers();
    reader.readSecuritySchemes();
    reader.readPaths();
    if (result.requests.isEmpty() && result.ok())
        result.diagnostics.append(
            {Diagnostic::Severity::Warning, file, 0, 0, QStringLiteral("#/paths: the document has no operations")});
    return result;
}

} // namespace triptych::interop
