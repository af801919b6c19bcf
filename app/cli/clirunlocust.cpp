#include "app/cli/clirunlocust.h"

#include "app/cli/clirun.h"
#include "app/cli/clirunner.h"
#include "app/client/graphqlwsprotocol.h"
#include "app/session/locustproject.h"
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

namespace triptych::cli {

using namespace triptych::client;

CliRunLocust::CliRunLocust(CliOptions options, CliPrinter &printer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_printer(printer) {}

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
    if (!QDir().mkpath(m_out))
        return fail(QStringLiteral("Cannot create %1").arg(m_out), kExitUsage);
    m_schemas = new session::RunSender(root, false, this);
    connect(m_schemas, &session::RunSender::requestFailed, this, [this](const QString &why) {
        skip(m_paths.at(m_index - 1).chopped(5), why);
        next();
    });
    next();
}

void CliRunLocust::skip(const QString &name, const QString &why) {
    m_project.skip(name, why);
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
    const RestRequest request =
        graphql ? workspace::toGraphQLRequest(document).http : workspace::toRestRequest(document);
    std::optional<QJsonObject> body;
    if (graphql) {
        body = QJsonObject{{QStringLiteral("query"), document.graphql.document}};
        if (!document.graphql.variables.trimmed().isEmpty())
            body->insert(QStringLiteral("variables"),
                         QJsonDocument::fromJson(document.graphql.variables.toUtf8()).object());
        if (!document.graphql.operationName.isEmpty())
            body->insert(QStringLiteral("operationName"), document.graphql.operationName);
    }
    RestRequest sent = request;
    if (graphql)
        sent.url = workspace::toGraphQLRequest(document).url;
    const QString apiKeyQueryName =
        document.http.auth.apiKeyIn == workspace::ApiKeyPlacement::Query ? document.http.auth.apiKeyName : QString();
    if (const auto why = m_project.addHttp(name, sent, body, apiKeyQueryName))
        m_printer.printError(QStringLiteral("left out %1: %2").arg(name, *why));
}

void CliRunLocust::addGrpc(const QString &name, const workspace::RequestDocument &document,
                           const GrpcSchemaPtr &schema) {
    const GrpcRequest request = workspace::toGrpcRequest(document);
    const auto *method = schema->findMethod(request.method);
    if (!method)
        return skip(name, QStringLiteral("unknown method %1").arg(request.method));
    if (method->client_streaming() || method->server_streaming())
        return skip(name, QStringLiteral("streams are not load-tested"));
    m_project.addGrpc(name, request, method);
}

void CliRunLocust::write() {
    QString error;
    if (!m_project.write(m_out, &error))
        return fail(error, kExitUsage);
    m_printer.printOut(QStringLiteral("%1 request(s) exported to %2 (%3 left out)\nrun: %4\n")
                           .arg(m_project.requestCount())
                           .arg(m_out)
                           .arg(m_project.skippedCount())
                           .arg(session::LocustProject::runHint(m_out)));
    m_finished = true;
    Q_EMIT commandFinished(kExitSuccess);
}

} // namespace triptych::cli
