#include "app/cli/clirunlocust.h"

#include "app/cli/clirun.h"
#include "app/cli/clirunner.h"
#include "app/client/graphqlwsprotocol.h"
#include "app/session/runsender.h"
#include "app/workspace/requestconversion.h"
#include "app/workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

#include <google/protobuf/descriptor.h>

// The locustfile and launchers are compiled in (app/cli/locust.qrc) from scripts/locust/; a static library's
// resources must be registered by name.
static void initLocustResources() {
    Q_INIT_RESOURCE(locust);
}

namespace triptych::cli {

using namespace triptych::client;

namespace {

QJsonArray headerArray(const HeaderList &headers) {
    QJsonObject object;
    for (const auto &[name, value] : headers)
        object.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return QJsonArray{object};
}

// The headers and query the engine would add for the request's auth.
void applyAuth(const AuthSettings &auth, HeaderList &headers, QUrlQuery &query, const workspace::RequestAuth &saved) {
    switch (auth.kind) {
    case AuthKind::Basic:
        headers.append(
            {"Authorization", "Basic " + (auth.user + QLatin1Char(':') + auth.password).toUtf8().toBase64()});
        break;
    case AuthKind::Bearer:
        headers.append({"Authorization", "Bearer " + auth.token.toUtf8()});
        break;
    case AuthKind::ApiKey:
        if (saved.apiKeyIn == workspace::ApiKeyPlacement::Query)
            query.addQueryItem(saved.apiKeyName, auth.token);
        else
            headers.append({auth.apiKeyHeader, auth.token.toUtf8()});
        break;
    case AuthKind::None:
        break;
    }
}

} // namespace

CliRunLocust::CliRunLocust(CliOptions options, CliPrinter &printer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_printer(printer) {
    initLocustResources();
}

CliRunLocust::~CliRunLocust() = default;

void CliRunLocust::fail(const QString &text, int exitCode) {
    m_printer.printError(text);
    if (!std::exchange(m_finished, true))
        Q_EMIT commandFinished(exitCode);
}

void CliRunLocust::start() {
    if (m_options.positional.size() != 1 || m_options.out.isEmpty())
        return fail(QStringLiteral("locust needs WORKSPACE or WORKSPACE/FOLDER and --out DIR"), kExitUsage);
    const QFileInfo info(m_options.positional.first());
    if (!info.isDir())
        return fail(QStringLiteral("%1 is not a folder").arg(info.filePath()), kExitUsage);
    const QString root = workspaceRootOf(info.absoluteFilePath());
    m_workspace = std::make_unique<workspace::Workspace>();
    QString error;
    if (!m_workspace->open(root, &error))
        return fail(error, kExitUsage);
    const QString folder = QDir(root).relativeFilePath(info.absoluteFilePath());
    const int index = folder == QLatin1String(".") ? 0 : m_workspace->indexOf(folder);
    if (index < 0)
        return fail(QStringLiteral("%1 is not a collection of %2").arg(folder, root), kExitUsage);
    m_paths = requestsUnder(*m_workspace, index);
    m_resolver.setWorkspaceVariables(m_workspace->settings().value.variables);
    if (!m_options.environment.isEmpty()) {
        auto environment = m_workspace->loadEnvironment(m_options.environment).value;
        environment.name = m_options.environment;
        m_resolver.setEnvironment(environment);
    }
    QHash<QString, QString> given;
    for (const QString &assignment : std::as_const(m_options.variableValues)) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return fail(QStringLiteral("--var needs NAME=VALUE, not %1").arg(assignment), kExitUsage);
        given.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    m_resolver.setRuntimeValues(given);
    m_out = QDir(m_options.out).absolutePath();
    if (!QDir().mkpath(m_out + QStringLiteral("/protos")))
        return fail(QStringLiteral("Cannot create %1").arg(m_out), kExitUsage);
    m_schemas = new session::RunSender(root, false, this);
    connect(m_schemas, &session::RunSender::requestFailed, this, [this](const QString &why) {
        skip(m_paths.at(m_index - 1).chopped(5), why);
        next();
    });
    next();
}

void CliRunLocust::skip(const QString &name, const QString &why) {
    m_skipped.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("why"), why}});
    m_printer.printError(QStringLiteral("left out %1: %2").arg(name, why));
}

void CliRunLocust::next() {
    if (m_index == m_paths.size())
        return write();
    const QString path = m_paths.at(m_index++);
    const QString name = path.chopped(5); // without ".yaml": "Folder/Name.rest"
    const auto loaded = m_workspace->load(path);
    if (!loaded.ok())
        return skip(name, QStringLiteral("the file has errors")), next();
    const workspace::ResolveResult resolved = m_resolver.resolve(loaded.document);
    if (!resolved.ok())
        return fail(resolved.errorText() + QStringLiteral(" — give it with --var NAME=VALUE"), kExitUsage);
    if (resolved.document.style != workspace::RequestStyle::Grpc) {
        addHttp(name, resolved.document);
        return next();
    }
    m_schemas->schemaFor(resolved.document, [this, name, document = resolved.document](const GrpcSchemaPtr &schema) {
        addGrpc(name, document, schema);
        next();
    });
}

void CliRunLocust::addHttp(const QString &name, const workspace::RequestDocument &document) {
    const bool graphql = document.style == workspace::RequestStyle::GraphQL;
    if (graphql &&
        (workspace::usesWebSocket(document) ||
         operationType(document.graphql.document, document.graphql.operationName) == OperationType::Subscription))
        return skip(name, QStringLiteral("subscriptions are not load-tested"));
    if (!graphql && document.http.options.timeoutMs == 0)
        return skip(name, QStringLiteral("a stream without a timeout is not load-tested"));
    RestRequest request = graphql ? workspace::toGraphQLRequest(document).http : workspace::toRestRequest(document);
    QUrl url(graphql ? workspace::toGraphQLRequest(document).url : request.url);
    QUrlQuery query(url);
    for (const auto &[key, value] : std::as_const(request.query))
        query.addQueryItem(QString::fromUtf8(key), QString::fromUtf8(value));
    HeaderList headers = request.headers;
    applyAuth(request.auth, headers, query, document.http.auth);
    url.setQuery(query);
    if (m_host.isEmpty())
        m_host = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    QJsonObject entry{{QStringLiteral("style"), workspace::styleName(document.style)},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("url"), url.toString()},
                      {QStringLiteral("headers"), headerArray(headers).first()}};
    if (graphql) {
        QJsonObject body{{QStringLiteral("query"), document.graphql.document}};
        if (!document.graphql.variables.trimmed().isEmpty())
            body.insert(QStringLiteral("variables"),
                        QJsonDocument::fromJson(document.graphql.variables.toUtf8()).object());
        if (!document.graphql.operationName.isEmpty())
            body.insert(QStringLiteral("operationName"), document.graphql.operationName);
        entry.insert(QStringLiteral("graphql"), body);
    } else {
        entry.insert(QStringLiteral("method"), QString::fromUtf8(request.method));
        if (request.bodyKind == BodyKind::Json || request.bodyKind == BodyKind::Raw) {
            entry.insert(QStringLiteral("body"), QString::fromUtf8(request.body));
            QJsonObject withType = entry.value(QStringLiteral("headers")).toObject();
            if (!withType.contains(QStringLiteral("Content-Type")))
                withType.insert(QStringLiteral("Content-Type"), request.bodyKind == BodyKind::Json
                                                                    ? QStringLiteral("application/json")
                                                                    : QString::fromUtf8(request.contentType));
            entry.insert(QStringLiteral("headers"), withType);
        } else if (request.bodyKind != BodyKind::None) {
            return skip(name, QStringLiteral("form, multipart and file bodies are not exported yet"));
        }
    }
    m_requests.append(entry);
}

void CliRunLocust::addGrpc(const QString &name, const workspace::RequestDocument &document,
                           const GrpcSchemaPtr &schema) {
    const GrpcRequest request = workspace::toGrpcRequest(document);
    const auto *method = schema->findMethod(request.method);
    if (!method)
        return skip(name, QStringLiteral("unknown method %1").arg(request.method));
    if (method->client_streaming() || method->server_streaming())
        return skip(name, QStringLiteral("streams are not load-tested"));
    // The method's file and what it imports, as .proto text; the well-known types come with protoc.
    std::function<void(const google::protobuf::FileDescriptor *)> writeFile =
        [&](const google::protobuf::FileDescriptor *file) {
            if (file->name().rfind("google/protobuf/", 0) == 0 || !m_writtenFiles.insert(file->name()).second)
                return;
            for (int i = 0; i < file->dependency_count(); ++i)
                writeFile(file->dependency(i));
            const QString target = m_out + QStringLiteral("/protos/") + QString::fromStdString(file->name());
            QDir().mkpath(QFileInfo(target).path());
            QFile out(target);
            if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                out.write(QByteArray::fromStdString(file->DebugString()));
        };
    const std::string fileName = method->file()->name();
    const bool first = !m_writtenFiles.count(fileName);
    writeFile(method->file());
    if (first)
        m_protoFiles.append(QString::fromStdString(fileName));
    QJsonArray metadata;
    for (const auto &[key, value] : request.metadata)
        metadata.append(QJsonArray{QString::fromUtf8(key).toLower(), QString::fromUtf8(value)});
    m_requests.append(QJsonObject{
        {QStringLiteral("style"), QStringLiteral("grpc")},
        {QStringLiteral("name"), name},
        {QStringLiteral("target"), request.target},
        {QStringLiteral("method"), QString::fromStdString(method->service()->full_name() + '/' + method->name())},
        {QStringLiteral("message"), QString::fromUtf8(request.messages.value(0, "{}"))},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("deadlineMs"), request.deadlineMs}});
}

void CliRunLocust::write() {
    const QJsonObject exported{
        {QStringLiteral("host"), m_host.isEmpty() ? QStringLiteral("http://127.0.0.1:8080") : m_host},
        {QStringLiteral("requests"), m_requests},
        {QStringLiteral("protoFiles"), m_protoFiles},
        {QStringLiteral("skipped"), m_skipped}};
    QFile requests(m_out + QStringLiteral("/requests.json"));
    if (!requests.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("Cannot write %1").arg(requests.fileName()), kExitUsage);
    requests.write(QJsonDocument(exported).toJson(QJsonDocument::Indented));
    requests.close();
    for (const QString &name :
         {QStringLiteral("locustfile.py"), QStringLiteral("triptych_locust.py"), QStringLiteral("run-distributed")}) {
        const QString target = m_out + QLatin1Char('/') + name;
        QFile::remove(target);
        if (!QFile::copy(QStringLiteral(":/triptych/locust/") + name, target))
            return fail(QStringLiteral("Cannot write %1").arg(target), kExitUsage);
        QFile::setPermissions(
            target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther |
                        (name.endsWith(QLatin1String(".py"))
                             ? QFileDevice::Permissions()
                             : QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    }
    m_printer.printOut(QStringLiteral("%1 request(s) exported to %2 (%3 left out)\nrun: %2/run-distributed -w 2 "
                                      "--headless -u 20 -r 10 -t 30s --csv %2/stats\n")
                           .arg(m_requests.size())
                           .arg(m_out)
                           .arg(m_skipped.size()));
    m_finished = true;
    Q_EMIT commandFinished(kExitSuccess);
}

} // namespace triptych::cli
