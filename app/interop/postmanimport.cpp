#include "app/interop/limits.h"
#include "app/interop/postman.h"
#include "app/interop/structuredinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::interop {

using workspace::BodyKind;
using workspace::Diagnostic;
using workspace::KeyValue;
using workspace::RequestAuth;

namespace {

QString text(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble() || value.isBool())
        return value.toVariant().toString();
    return {};
}

// A description is a string (v2.1) or {content, type} (v2.0 and v2.1).
QString description(const QJsonValue &value) {
    return value.isObject() ? text(value.toObject().value(QLatin1String("content"))) : text(value);
}

class PostmanReader {
public:
    PostmanReader(QString file, ImportResult &result)
        : m_file(std::move(file))
        , m_result(result) {}

    void readItems(const QJsonArray &items, const QString &folder, const RequestAuth &auth, int depth);
    static RequestAuth readAuth(const QJsonValue &value, const RequestAuth &inherited, const QString &where,
                                PostmanReader *reader);
    void warn(const QString &message) {
        m_result.diagnostics.append({Diagnostic::Severity::Warning, m_file, 0, 0, message});
    }

    QString scriptsAsNotes(const QJsonArray &events, const QString &where, bool kept = true);

private:
    void readRequest(const QJsonObject &item, const QString &folder, const RequestAuth &auth);
    void readUrl(const QJsonValue &value, workspace::HttpPart &http);
    void readBody(const QJsonObject &body, workspace::RequestDocument &document, const QString &where);

    QString m_file;
    ImportResult &m_result;
};

// v2.1 lists auth settings as [{key, value}], v2.0 as an object.
QString authValue(const QJsonObject &auth, const QString &type, const QString &key) {
    const QJsonValue settings = auth.value(type);
    if (settings.isObject())
        return text(settings.toObject().value(key));
    for (const QJsonValue &entry : settings.toArray()) {
        if (entry.toObject().value(QLatin1String("key")).toString() == key)
            return text(entry.toObject().value(QLatin1String("value")));
    }
    return {};
}

RequestAuth PostmanReader::readAuth(const QJsonValue &value, const RequestAuth &inherited, const QString &where,
                                    PostmanReader *reader) {
    if (!value.isObject())
        return inherited;
    const QJsonObject auth = value.toObject();
    const QString type = auth.value(QLatin1String("type")).toString();
    RequestAuth out;
    if (type == QLatin1String("inherit"))
        return inherited;
    if (type == QLatin1String("basic")) {
        out.kind = workspace::AuthKind::Basic;
        out.user = authValue(auth, type, QStringLiteral("username"));
        out.password = authValue(auth, type, QStringLiteral("password"));
    } else if (type == QLatin1String("bearer")) {
        out.kind = workspace::AuthKind::Bearer;
        out.token = authValue(auth, type, QStringLiteral("token"));
    } else if (type == QLatin1String("apikey")) {
        out.kind = workspace::AuthKind::ApiKey;
        out.apiKeyName = authValue(auth, type, QStringLiteral("key"));
        out.apiKeyValue = authValue(auth, type, QStringLiteral("value"));
        if (authValue(auth, type, QStringLiteral("in")) == QLatin1String("query"))
            out.apiKeyIn = workspace::ApiKeyPlacement::Query;
    } else if (type != QLatin1String("noauth") && reader) {
        reader->warn(QStringLiteral("%1: the auth type '%2' is not supported; sent without auth").arg(where, type));
    }
    return out;
}

void PostmanReader::readItems(const QJsonArray &items, const QString &folder, const RequestAuth &auth, int depth) {
    if (depth > limits::kMaxFolderDepth) {
        m_result.diagnostics.append({Diagnostic::Severity::Error, m_file, 0, 0,
                                     QStringLiteral("%1: folders nest deeper than %2; the rest is skipped")
                                         .arg(folder)
                                         .arg(limits::kMaxFolderDepth)});
        return;
    }
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const QString name = safeRequestName(text(item.value(QLatin1String("name"))));
        const QString where = folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
        if (item.value(QLatin1String("item")).isArray()) {
            const RequestAuth folderAuth = readAuth(item.value(QLatin1String("auth")), auth, where, this);
            if (item.contains(QLatin1String("event")))
                scriptsAsNotes(item.value(QLatin1String("event")).toArray(), where, false);
            readItems(item.value(QLatin1String("item")).toArray(), where, folderAuth, depth + 1);
        } else if (item.contains(QLatin1String("request"))) {
            readRequest(item, folder, auth);
        } else {
            warn(QStringLiteral("%1: neither a folder nor a request; skipped").arg(where));
        }
    }
}

QString PostmanReader::scriptsAsNotes(const QJsonArray &events, const QString &where, bool kept) {
    QString notes;
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        const QString listen = event.value(QLatin1String("listen")).toString();
        const QJsonValue exec = event.value(QLatin1String("script")).toObject().value(QLatin1String("exec"));
        QStringList lines;
        for (const QJsonValue &line : exec.toArray())
            lines << line.toString();
        if (exec.isString())
            lines << exec.toString();
        if (lines.join(QString()).trimmed().isEmpty())
            continue;
        notes += QStringLiteral("\n\nPostman %1 script (kept here, not run by Triptych):\n\n```js\n%2\n```")
                     .arg(listen, lines.join(QLatin1Char('\n')));
        warn(
            kept
                ? QStringLiteral("%1: the %2 script is kept in the notes and is not run").arg(where, listen)
                : QStringLiteral("%1: the %2 script is not run (a folder has no notes to keep it)").arg(where, listen));
    }
    return notes;
}

void PostmanReader::readUrl(const QJsonValue &value, workspace::HttpPart &http) {
    if (value.isString()) {
        http.url = value.toString();
        return;
    }
    const QJsonObject url = value.toObject();
    QString raw = text(url.value(QLatin1String("raw")));
    if (raw.isEmpty()) {
        const QString protocol = text(url.value(QLatin1String("protocol")));
        QStringList host, path;
        for (const QJsonValue &part : url.value(QLatin1String("host")).toArray())
            host << text(part);
        for (const QJsonValue &part : url.value(QLatin1String("path")).toArray())
            path << text(part);
        const QString port = text(url.value(QLatin1String("port")));
        raw = (protocol.isEmpty() ? QString() : protocol + QStringLiteral("://")) + host.join(QLatin1Char('.')) +
              (port.isEmpty() ? QString() : QLatin1Char(':') + port) +
              (path.isEmpty() ? QString() : QLatin1Char('/') + path.join(QLatin1Char('/')));
    }
    const QJsonArray query = url.value(QLatin1String("query")).toArray();
    if (!query.isEmpty()) {
        // The query array also holds disabled parameters, which the raw URL leaves out.
        raw.truncate(raw.indexOf(QLatin1Char('?')) < 0 ? raw.size() : raw.indexOf(QLatin1Char('?')));
        for (const QJsonValue &entry : query) {
            const QJsonObject param = entry.toObject();
            http.params.append({text(param.value(QLatin1String("key"))), text(param.value(QLatin1String("value"))),
                                !param.value(QLatin1String("disabled")).toBool()});
        }
    }
    http.url = raw;
}

QList<KeyValue> keyValues(const QJsonArray &entries) {
    QList<KeyValue> out;
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        out.append({text(object.value(QLatin1String("key"))), text(object.value(QLatin1String("value"))),
                    !object.value(QLatin1String("disabled")).toBool()});
    }
    return out;
}

// v2.0 allows the headers as one "Name: value" text a line.
QList<KeyValue> headers(const QJsonValue &value) {
    if (!value.isString())
        return keyValues(value.toArray());
    QList<KeyValue> out;
    for (const QString &line : value.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            out.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed(), true});
    }
    return out;
}

// The headers an export writes out because Triptych sends them on its own (postmanexport.cpp) are left out again.
void dropAddedHeaders(workspace::RequestDocument &document) {
    const bool graphql = document.style == workspace::RequestStyle::GraphQL;
    const bool json = document.style == workspace::RequestStyle::Rest && document.http.body.kind == BodyKind::Json;
    document.http.headers.removeIf([&](const KeyValue &header) {
        if (!header.enabled)
            return false;
        if (graphql && header.name.compare(QLatin1String("Accept"), Qt::CaseInsensitive) == 0)
            return header.value == QLatin1String("application/graphql-response+json, application/json");
        return json && header.name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0 &&
               header.value == QLatin1String("application/json");
    });
}

QString fileSource(const QJsonValue &src) {
    return src.isArray() ? text(src.toArray().first()) : text(src);
}

void PostmanReader::readBody(const QJsonObject &body, workspace::RequestDocument &document, const QString &where) {
    workspace::RequestBody &out = document.http.body;
    const QString mode = body.value(QLatin1String("mode")).toString();
    if (body.value(QLatin1String("disabled")).toBool() || mode.isEmpty())
        return;
    if (mode == QLatin1String("raw")) {
        const QString language = body.value(QLatin1String("options"))
                                     .toObject()
                                     .value(QLatin1String("raw"))
                                     .toObject()
                                     .value(QLatin1String("language"))
                                     .toString();
        out.kind = language == QLatin1String("json") ? BodyKind::Json : BodyKind::Raw;
        out.text = text(body.value(QLatin1String("raw")));
    } else if (mode == QLatin1String("urlencoded")) {
        out.kind = BodyKind::Form;
        out.form = keyValues(body.value(mode).toArray());
    } else if (mode == QLatin1String("formdata")) {
        out.kind = BodyKind::Multipart;
        for (const QJsonValue &entry : body.value(mode).toArray()) {
            const QJsonObject field = entry.toObject();
            const bool isFile = field.value(QLatin1String("type")).toString() == QLatin1String("file");
            out.multipart.append({text(field.value(QLatin1String("key"))),
                                  isFile ? QString() : text(field.value(QLatin1String("value"))),
                                  isFile ? fileSource(field.value(QLatin1String("src"))) : QString(),
                                  text(field.value(QLatin1String("contentType"))),
                                  !field.value(QLatin1String("disabled")).toBool()});
        }
    } else if (mode == QLatin1String("file")) {
        out.kind = BodyKind::File;
        out.filePath = fileSource(body.value(mode).toObject().value(QLatin1String("src")));
    } else if (mode == QLatin1String("graphql")) {
        const QJsonObject graphql = body.value(mode).toObject();
        document.style = workspace::RequestStyle::GraphQL;
        document.graphql.document = text(graphql.value(QLatin1String("query")));
        document.graphql.variables = text(graphql.value(QLatin1String("variables")));
    } else {
        warn(QStringLiteral("%1: the body mode '%2' is not supported; sent without a body").arg(where, mode));
    }
}

void PostmanReader::readRequest(const QJsonObject &item, const QString &folder, const RequestAuth &auth) {
    ImportedRequest imported;
    imported.folder = folder;
    workspace::RequestDocument &document = imported.document;
    document.name = safeRequestName(text(item.value(QLatin1String("name"))));
    const QString where = folder.isEmpty() ? document.name : folder + QLatin1Char('/') + document.name;
    const QJsonValue requestValue = item.value(QLatin1String("request"));
    const QJsonObject request = requestValue.toObject();
    workspace::HttpPart &http = document.http;
    readUrl(requestValue.isString() ? requestValue : request.value(QLatin1String("url")), http);
    http.method = request.value(QLatin1String("method")).toString(QStringLiteral("GET")).toUpper();
    http.headers = headers(request.value(QLatin1String("header")));
    http.auth = readAuth(request.value(QLatin1String("auth")), auth, where, this);
    readBody(request.value(QLatin1String("body")).toObject(), document, where);
    document.notes = description(request.value(QLatin1String("description")));
    if (document.notes.isEmpty())
        document.notes = description(item.value(QLatin1String("description")));
    document.notes += scriptsAsNotes(item.value(QLatin1String("event")).toArray(), where);
    // Triptych's notes end with a line break, as its files write them; keep it so an export comes back unchanged.
    const bool endsLine = document.notes.endsWith(QLatin1Char('\n'));
    document.notes = document.notes.trimmed();
    if (endsLine && !document.notes.isEmpty())
        document.notes += QLatin1Char('\n');
    dropAddedHeaders(document);
    m_result.requests.append(imported);
}

// Which Postman format the collection is, from info.schema; a message when it is none Triptych reads.
QString unsupportedSchema(const QJsonObject &root) {
    if (root.contains(QLatin1String("requests")) && !root.contains(QLatin1String("info")))
        return QStringLiteral("a Postman v1 collection: export it from Postman as v2.1");
    const QString schema = root.value(QLatin1String("info")).toObject().value(QLatin1String("schema")).toString();
    if (schema.contains(QLatin1String("/v2.1.")) || schema.contains(QLatin1String("/v2.0.")))
        return {};
    return QStringLiteral("info.schema '%1' is not a Postman collection v2.0 or v2.1").arg(schema);
}

} // namespace

bool looksLikePostmanCollection(const QByteArray &bytes) {
    return bytes.contains("schema.getpostman.com") || bytes.contains("\"_postman_id\"");
}

bool looksLikePostmanEnvironment(const QByteArray &bytes) {
    return bytes.contains("\"values\"") && !bytes.contains("\"info\"") && !bytes.contains("\"openapi\"");
}

ImportResult importPostmanCollection(const QByteArray &bytes, const QString &file) {
    ImportResult result;
    const std::optional<QJsonObject> root = parseJsonObject(bytes, file, result.diagnostics);
    if (!root)
        return result;
    if (const QString problem = unsupportedSchema(*root); !problem.isEmpty()) {
        result.diagnostics.append({Diagnostic::Severity::Error, file, 0, 0, problem});
        return result;
    }
    const QJsonObject info = root->value(QLatin1String("info")).toObject();
    result.collectionName = safeRequestName(text(info.value(QLatin1String("name"))));
    PostmanReader reader(file, result);
    for (const KeyValue &variable : keyValues(root->value(QLatin1String("variable")).toArray())) {
        if (workspace::isValidVariableName(variable.name))
            result.variables.append({variable.name, variable.value, false});
        else
            reader.warn(QStringLiteral("variable '%1' is not a name Triptych accepts; skipped").arg(variable.name));
    }
    const RequestAuth auth =
        PostmanReader::readAuth(root->value(QLatin1String("auth")), {}, result.collectionName, &reader);
    reader.scriptsAsNotes(root->value(QLatin1String("event")).toArray(), result.collectionName, false);
    reader.readItems(root->value(QLatin1String("item")).toArray(), QString(), auth, 0);
    return result;
}

ImportResult importPostmanEnvironment(const QByteArray &bytes, const QString &file) {
    ImportResult result;
    const std::optional<QJsonObject> root = parseJsonObject(bytes, file, result.diagnostics);
    if (!root)
        return result;
    if (!root->value(QLatin1String("values")).isArray()) {
        result.diagnostics.append(
            {Diagnostic::Severity::Error, file, 0, 0, QStringLiteral("not a Postman environment: no 'values' list")});
        return result;
    }
    workspace::Environment environment;
    environment.name = safeRequestName(text(root->value(QLatin1String("name"))));
    for (const QJsonValue &value : root->value(QLatin1String("values")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString key = text(entry.value(QLatin1String("key")));
        if (!workspace::isValidVariableName(key)) {
            result.diagnostics.append(
                {Diagnostic::Severity::Warning, file, 0, 0,
                 QStringLiteral("'%1' is not a variable name Triptych accepts; skipped").arg(key)});
            continue;
        }
        const bool secret = entry.value(QLatin1String("type")).toString() == QLatin1String("secret");
        environment.variables.append({key, text(entry.value(QLatin1String("value"))), secret});
    }
    result.collectionName = environment.name;
    result.environments.append(environment);
    return result;
}

} // namespace triptych::interop
