#include "app/interop/insomnia.h"
#include "app/interop/limits.h"
#include "app/interop/structuredinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace triptych::interop {

using workspace::BodyKind;
using workspace::Diagnostic;
using workspace::KeyValue;

namespace {

class InsomniaReader {
public:
    InsomniaReader(QString file, ImportResult &result)
        : m_file(std::move(file))
        , m_result(result) {}

    void read(const QJsonArray &resources);

private:
    void warn(const QString &message) {
        m_result.diagnostics.append({Diagnostic::Severity::Warning, m_file, 0, 0, message});
    }
    QString text(const QJsonValue &value, const QString &where);
    QList<KeyValue> pairs(const QJsonArray &list, const QString &where);
    QString folderOf(const QString &parentId, int depth = 0) const;
    void readRequest(const QJsonObject &request);
    void readGrpcRequest(const QJsonObject &request);
    void readBody(const QJsonObject &body, workspace::RequestDocument &document, const QString &where);
    void readAuth(const QJsonObject &auth, workspace::HttpPart &http, const QString &where);
    void readEnvironment(const QJsonObject &environment);
    QString where(const QJsonObject &resource) const {
        const QString folder = folderOf(resource.value(QLatin1String("parentId")).toString());
        const QString name = resource.value(QLatin1String("name")).toString();
        return folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
    }

    QString m_file;
    ImportResult &m_result;
    QHash<QString, QJsonObject> m_byId;
    QString m_workspaceId;
    bool m_tagsReported = false;
};

// "{{ _.baseUrl }}" and "{{baseUrl}}" → "{{baseUrl}}"; template tags stay as written and are reported once.
QString InsomniaReader::text(const QJsonValue &value, const QString &where) {
    static const QRegularExpression variable(QStringLiteral("\\{\\{\\s*(?:_\\.)?([A-Za-z_][\\w.-]*)\\s*\\}\\}"));
    QString out = value.isString() ? value.toString() : value.toVariant().toString();
    out.replace(variable, QStringLiteral("{{\\1}}"));
    if (out.contains(QLatin1String("{%")) && !m_tagsReported) {
        m_tagsReported = true;
        warn(QStringLiteral("%1: Insomnia template tags ({% … %}) are kept as written and not run").arg(where));
    }
    return out;
}

QList<KeyValue> InsomniaReader::pairs(const QJsonArray &list, const QString &where) {
    QList<KeyValue> out;
    for (const QJsonValue &entry : list) {
        const QJsonObject object = entry.toObject();
        out.append({text(object.value(QLatin1String("name")), where), text(object.value(QLatin1String("value")), where),
                    !object.value(QLatin1String("disabled")).toBool()});
    }
    return out;
}

QString InsomniaReader::folderOf(const QString &parentId, int depth) const {
    const QJsonObject parent = m_byId.value(parentId);
    if (parent.value(QLatin1String("_type")).toString() != QLatin1String("request_group") ||
        depth > limits::kMaxFolderDepth)
        return {};
    const QString above = folderOf(parent.value(QLatin1String("parentId")).toString(), depth + 1);
    const QString name = safeRequestName(parent.value(QLatin1String("name")).toString());
    return above.isEmpty() ? name : above + QLatin1Char('/') + name;
}

void InsomniaReader::readBody(const QJsonObject &body, workspace::RequestDocument &document, const QString &where) {
    workspace::RequestBody &out = document.http.body;
    const QString mimeType = body.value(QLatin1String("mimeType")).toString();
    if (body.contains(QLatin1String("fileName")) && mimeType.isEmpty()) {
        out.kind = BodyKind::File;
        out.filePath = body.value(QLatin1String("fileName")).toString();
    } else if (mimeType == QLatin1String("application/graphql")) {
        const QJsonObject graphql =
            QJsonDocument::fromJson(body.value(QLatin1String("text")).toString().toUtf8()).object();
        document.style = workspace::RequestStyle::GraphQL;
        document.graphql.document = text(graphql.value(QLatin1String("query")), where);
        const QJsonValue variables = graphql.value(QLatin1String("variables"));
        if (variables.isObject() && !variables.toObject().isEmpty())
            document.graphql.variables = QString::fromUtf8(QJsonDocument(variables.toObject()).toJson());
        document.graphql.operationName = graphql.value(QLatin1String("operationName")).toString();
    } else if (mimeType == QLatin1String("application/x-www-form-urlencoded")) {
        out.kind = BodyKind::Form;
        out.form = pairs(body.value(QLatin1String("params")).toArray(), where);
    } else if (mimeType == QLatin1String("multipart/form-data")) {
        out.kind = BodyKind::Multipart;
        for (const QJsonValue &entry : body.value(QLatin1String("params")).toArray()) {
            const QJsonObject param = entry.toObject();
            const bool isFile = param.value(QLatin1String("type")).toString() == QLatin1String("file");
            out.multipart.append({text(param.value(QLatin1String("name")), where),
                                  isFile ? QString() : text(param.value(QLatin1String("value")), where),
                                  isFile ? param.value(QLatin1String("fileName")).toString() : QString(), QString(),
                                  !param.value(QLatin1String("disabled")).toBool()});
        }
    } else if (!mimeType.isEmpty() || body.contains(QLatin1String("text"))) {
        out.kind = mimeType == QLatin1String("application/json") ? BodyKind::Json : BodyKind::Raw;
        out.text = text(body.value(QLatin1String("text")), where);
        if (out.kind == BodyKind::Raw)
            out.contentType = mimeType;
    }
}

void InsomniaReader::readAuth(const QJsonObject &auth, workspace::HttpPart &http, const QString &where) {
    const QString type = auth.value(QLatin1String("type")).toString();
    if (type.isEmpty() || type == QLatin1String("none") || auth.value(QLatin1String("disabled")).toBool())
        return;
    workspace::RequestAuth &out = http.auth;
    if (type == QLatin1String("basic")) {
        out.kind = workspace::AuthKind::Basic;
        out.user = text(auth.value(QLatin1String("username")), where);
        out.password = text(auth.value(QLatin1String("password")), where);
    } else if (type == QLatin1String("bearer")) {
        const QString prefix = auth.value(QLatin1String("prefix")).toString();
        if (!prefix.isEmpty() && prefix != QLatin1String("Bearer")) {
            http.headers.append({QStringLiteral("Authorization"),
                                 prefix + QLatin1Char(' ') + text(auth.value(QLatin1String("token")), where), true});
            return;
        }
        out.kind = workspace::AuthKind::Bearer;
        out.token = text(auth.value(QLatin1String("token")), where);
    } else if (type == QLatin1String("apikey")) {
        out.kind = workspace::AuthKind::ApiKey;
        out.apiKeyName = text(auth.value(QLatin1String("key")), where);
        out.apiKeyValue = text(auth.value(QLatin1String("value")), where);
        out.apiKeyIn = auth.value(QLatin1String("addTo")).toString() == QLatin1String("queryParams")
                           ? workspace::ApiKeyPlacement::Query
                           : workspace::ApiKeyPlacement::Header;
    } else {
        warn(QStringLiteral("%1: the auth type '%2' is not supported; sent without auth").arg(where, type));
    }
}

void InsomniaReader::readRequest(const QJsonObject &request) {
    const QString place = where(request);
    ImportedRequest imported;
    imported.folder = folderOf(request.value(QLatin1String("parentId")).toString());
    workspace::RequestDocument &document = imported.document;
    document.name = safeRequestName(request.value(QLatin1String("name")).toString());
    document.notes = request.value(QLatin1String("description")).toString();
    workspace::HttpPart &http = document.http;
    http.method = request.value(QLatin1String("method")).toString(QStringLiteral("GET")).toUpper();
    http.url = text(request.value(QLatin1String("url")), place);
    http.params = pairs(request.value(QLatin1String("parameters")).toArray(), place);
    http.headers = pairs(request.value(QLatin1String("headers")).toArray(), place);
    readBody(request.value(QLatin1String("body")).toObject(), document, place);
    readAuth(request.value(QLatin1String("authentication")).toObject(), http, place);
    if (document.style == workspace::RequestStyle::GraphQL)
        http.headers.removeIf([](const KeyValue &header) {
            return header.name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0;
        });
    m_result.requests.append(imported);
}

void InsomniaReader::readGrpcRequest(const QJsonObject &request) {
    const QString place = where(request);
    ImportedRequest imported;
    imported.folder = folderOf(request.value(QLatin1String("parentId")).toString());
    workspace::RequestDocument &document = imported.document;
    document.style = workspace::RequestStyle::Grpc;
    document.name = safeRequestName(request.value(QLatin1String("name")).toString());
    document.notes = request.value(QLatin1String("description")).toString();
    QString target = text(request.value(QLatin1String("url")), place);
    document.grpc.tls.enabled = target.startsWith(QLatin1String("grpcs://"));
    target.remove(QRegularExpression(QStringLiteral("^grpcs?://")));
    document.grpc.target = target;
    document.grpc.method = request.value(QLatin1String("protoMethodName")).toString().mid(1);
    document.grpc.message = text(request.value(QLatin1String("body")).toObject().value(QLatin1String("text")), place);
    document.grpc.metadata = pairs(request.value(QLatin1String("metadata")).toArray(), place);
    if (!request.value(QLatin1String("protoFileId")).toString().isEmpty())
        warn(QStringLiteral("%1: the .proto file kept inside Insomnia is not imported; the request uses the server's "
                            "reflection")
                 .arg(place));
    m_result.requests.append(imported);
}

void InsomniaReader::readEnvironment(const QJsonObject &environment) {
    QList<workspace::Variable> variables;
    const QJsonObject data = environment.value(QLatin1String("data")).toObject();
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (!workspace::isValidVariableName(it.key())) {
            warn(QStringLiteral("environment %1: variable '%2' is not a name Triptych accepts; skipped")
                     .arg(environment.value(QLatin1String("name")).toString(), it.key()));
            continue;
        }
        const QString value =
            it.value().isObject() || it.value().isArray()
                ? QString::fromUtf8(QJsonDocument::fromVariant(it.value().toVariant()).toJson(QJsonDocument::Compact))
                : text(it.value(), it.key());
        variables.append({it.key(), value, false});
    }
    const QString parentType =
        m_byId.value(environment.value(QLatin1String("parentId")).toString()).value(QLatin1String("_type")).toString();
    if (parentType == QLatin1String("workspace"))
        m_result.variables += variables; // the base environment, under every other
    else
        m_result.environments.append({safeRequestName(environment.value(QLatin1String("name")).toString()), variables});
}

void InsomniaReader::read(const QJsonArray &resources) {
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        m_byId.insert(resource.value(QLatin1String("_id")).toString(), resource);
        if (resource.value(QLatin1String("_type")).toString() == QLatin1String("workspace") &&
            m_workspaceId.isEmpty()) {
            m_workspaceId = resource.value(QLatin1String("_id")).toString();
            m_result.collectionName = safeRequestName(resource.value(QLatin1String("name")).toString());
        }
    }
    QHash<QString, int> skipped;
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        const QString type = resource.value(QLatin1String("_type")).toString();
        if (type == QLatin1String("request"))
            readRequest(resource);
        else if (type == QLatin1String("grpc_request"))
            readGrpcRequest(resource);
        else if (type == QLatin1String("environment"))
            readEnvironment(resource);
        else if (type != QLatin1String("workspace") && type != QLatin1String("request_group"))
            ++skipped[type];
    }
    for (auto it = skipped.begin(); it != skipped.end(); ++it)
        warn(QStringLiteral("%1 resource(s) of type %2 skipped").arg(it.value()).arg(it.key()));
}

} // namespace

ImportResult importInsomnia(const QByteArray &bytes, const QString &file) {
    ImportResult result;
    const std::optional<QJsonObject> root = parseJsonObject(bytes, file, result.diagnostics);
    if (!root)
        return result;
    const int format = root->value(QLatin1String("__export_format")).toInt();
    if (root->value(QLatin1String("_type")).toString() != QLatin1String("export") || format != 4) {
        result.diagnostics.append(
            {Diagnostic::Severity::Error, file, 0, 0,
             format > 0 ? QStringLiteral("Insomnia export format %1: Triptych reads format 4").arg(format)
                        : QStringLiteral("not an Insomnia export (no _type: export and __export_format)")});
        return result;
    }
    result.collectionName = QStringLiteral("Insomnia import");
    InsomniaReader(file, result).read(root->value(QLatin1String("resources")).toArray());
    return result;
}

} // namespace triptych::interop
