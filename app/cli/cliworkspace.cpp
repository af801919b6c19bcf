#include "app/cli/cliworkspace.h"

#include "app/cli/cliinterrupt.h"
#include "app/cli/clirunner.h"
#include "app/client/graphqlcaller.h"
#include "app/client/graphqlwscaller.h"
#include "app/client/graphqlwsprotocol.h"
#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/restcaller.h"
#include "app/interop/requestschema.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/requestconversion.h"
#include "app/workspace/secretstore.h"
#include "app/workspace/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::cli {

using namespace triptych::client;
using workspace::RequestStyle;

namespace {
const QStringList kStyles{QStringLiteral("rest"), QStringLiteral("graphql"), QStringLiteral("grpc")};

bool hasMissingSecret(const workspace::Environment &environment) {
    for (const auto &variable : environment.variables) {
        if (variable.secret && variable.value.isEmpty())
            return true;
    }
    return false;
}
} // namespace

CliWorkspace::CliWorkspace(CliOptions options, CliPrinter &printer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_printer(printer) {}

CliWorkspace::~CliWorkspace() = default;

void CliWorkspace::fail(const QString &text, int exitCode) {
    m_printer.printError(text);
    finish(exitCode);
}

void CliWorkspace::finish(int exitCode) {
    if (std::exchange(m_finished, true))
        return;
    Q_EMIT commandFinished(exitCode);
}

bool CliWorkspace::openWorkspace(const QString &root) {
    m_workspace = std::make_unique<workspace::Workspace>();
    QString error;
    if (!m_workspace->open(root, &error)) {
        fail(error, kExitUsage);
        return false;
    }
    return true;
}

void CliWorkspace::list() {
    if (m_options.positional.size() != 1)
        return fail(QStringLiteral("list needs WORKSPACE, a workspace folder"), kExitUsage);
    if (!openWorkspace(m_options.positional.first()))
        return;
    const auto &nodes = m_workspace->nodes();
    QJsonArray requests;
    QString text;
    // Depth-first in display order: each folder, then what it holds, indented.
    std::function<void(int, int)> walk = [&](int index, int depth) {
        for (const int child : nodes.at(index).children) {
            const auto &node = nodes.at(child);
            const QString indent(depth * 2, QLatin1Char(' '));
            if (node.kind == workspace::WorkspaceNode::Kind::Folder) {
                text += indent + node.name + QStringLiteral("/\n");
                walk(child, depth + 1);
                continue;
            }
            text += QStringLiteral("%1%2  %3\n").arg(indent, styleLabel(node.style).leftJustified(7), node.name);
            requests.append(QJsonObject{{QStringLiteral("path"), node.path},
                                        {QStringLiteral("name"), node.name},
                                        {QStringLiteral("style"), workspace::styleName(node.style)}});
        }
    };
    walk(0, 0);
    const QStringList environments = m_workspace->environmentNames();
    const workspace::Diagnostics problems = m_workspace->listingDiagnostics() + m_workspace->validate();
    if (m_options.json) {
        QJsonArray found;
        for (const auto &problem : problems)
            found.append(problem.text());
        m_printer.printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("root"), m_workspace->root()},
                                      {QStringLiteral("requests"), requests},
                                      {QStringLiteral("environments"), QJsonArray::fromStringList(environments)},
                                      {QStringLiteral("problems"), found}})
                .toJson(QJsonDocument::Indented)));
    } else {
        m_printer.printOut(text);
        m_printer.printOut(
            QStringLiteral("environments: %1\nsend one: triptych-cli send \"%2/FOLDER/NAME.rest\" (or .graphql, .grpc) "
                           "[--env NAME]\n")
                .arg(environments.isEmpty() ? QStringLiteral("(none)") : environments.join(QStringLiteral(", ")),
                     m_options.positional.first()));
    }
    for (const auto &problem : problems)
        m_printer.printError(problem.text());
    finish(workspace::hasErrors(problems) ? kExitCallFailed : kExitSuccess);
}

QString CliWorkspace::findRequestFile(const QString &argument, QString *error) {
    const QFileInfo given(argument);
    if (given.isFile() && workspace::styleOfFileName(given.fileName()))
        return given.absoluteFilePath();
    QStringList candidates;
    if (QFileInfo(argument + QStringLiteral(".yaml")).isFile() &&
        workspace::styleOfFileName(QFileInfo(argument).fileName() + QStringLiteral(".yaml")))
        candidates.append(argument + QStringLiteral(".yaml"));
    for (const QString &style : kStyles) {
        const QString file = QStringLiteral("%1.%2.yaml").arg(argument, style);
        if (QFileInfo(file).isFile())
            candidates.append(file);
    }
    if (candidates.size() == 1)
        return QFileInfo(candidates.first()).absoluteFilePath();
    if (candidates.isEmpty()) {
        *error = QStringLiteral("No saved request %1 — see them with `triptych-cli list WORKSPACE`").arg(argument);
    } else {
        QStringList names;
        for (const QString &candidate : candidates)
            names.append(QFileInfo(candidate).fileName());
        *error = QStringLiteral("%1 names %2; add the style: %3")
                     .arg(argument)
                     .arg(candidates.size() == 2 ? QStringLiteral("two requests") : QStringLiteral("three requests"))
                     .arg(names.join(QStringLiteral(", ")));
    }
    return {};
}

QString CliWorkspace::findWorkspaceRoot(const QString &requestFile) {
    const QDir start = QFileInfo(requestFile).absoluteDir();
    for (QDir dir = start;;) {
        if (dir.exists(QString::fromUtf16(workspace::workspacefiles::kSettings)))
            return dir.absolutePath();
        if (!dir.cdUp())
            break;
    }
    for (QDir dir = start;;) {
        if (QFileInfo(dir.filePath(QString::fromUtf16(workspace::workspacefiles::kEnvironments))).isDir())
            return dir.absolutePath();
        if (!dir.cdUp())
            break;
    }
    return start.absolutePath();
}

void CliWorkspace::send() {
    if (m_options.positional.size() != 1)
        return fail(QStringLiteral("send needs WORKSPACE/path/to/request, e.g. send orders-api/Orders/list.rest"),
                    kExitUsage);
    QString error;
    const QString file = findRequestFile(m_options.positional.first(), &error);
    if (file.isEmpty())
        return fail(error, kExitUsage);
    if (!openWorkspace(findWorkspaceRoot(file)))
        return;
    const QString path = QDir(m_workspace->root()).relativeFilePath(QFileInfo(file).canonicalFilePath());
    const auto loaded = m_workspace->load(path);
    for (const auto &diagnostic : loaded.diagnostics)
        m_printer.printError(diagnostic.text());
    if (!loaded.ok())
        return fail(QStringLiteral("%1 cannot be sent until it is fixed").arg(path), kExitUsage);
    m_document = loaded.document;
    prepareVariables();
}

void CliWorkspace::prepareVariables() {
    QHash<QString, QString> runtime;
    for (const QString &assignment : m_options.variableValues) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0 || !workspace::isValidVariableName(assignment.left(equals)))
            return fail(QStringLiteral("--var needs NAME=VALUE, not %1").arg(assignment), kExitUsage);
        runtime.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    m_resolver.setRuntimeValues(runtime);
    workspace::Environment settings{QString(), m_workspace->settings().value.variables};
    workspace::Environment environment;
    if (!m_options.environment.isEmpty()) {
        const QStringList names = m_workspace->environmentNames();
        if (!names.contains(m_options.environment))
            return fail(QStringLiteral("No environment %1 in %2 (there are: %3)")
                            .arg(m_options.environment, m_workspace->root(),
                                 names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))),
                        kExitUsage);
        const auto read = m_workspace->loadEnvironment(m_options.environment);
        for (const auto &diagnostic : read.diagnostics)
            m_printer.printError(diagnostic.text());
        environment = read.value;
        environment.name = m_options.environment;
    }
    m_resolver.setWorkspaceVariables(settings.variables);
    if (!environment.name.isEmpty())
        m_resolver.setEnvironment(environment);
    // Secret values live in the keyring or the user's secrets file; both answer later.
    m_secrets = new workspace::SecretStore(this);
    connect(m_secrets, &workspace::SecretStore::environmentFilled, this, [this](const workspace::Environment &filled) {
        if (filled.name.isEmpty())
            m_resolver.setWorkspaceVariables(filled.variables);
        else
            m_resolver.setEnvironment(filled);
        if (--m_secretsPending == 0)
            resolveAndSend();
    });
    for (const auto *scope : {&settings, &environment}) {
        if (hasMissingSecret(*scope)) {
            ++m_secretsPending;
            m_secrets->fill(m_workspace->root(), *scope);
        }
    }
    if (m_secretsPending == 0)
        resolveAndSend();
}

void CliWorkspace::resolveAndSend() {
    const workspace::ResolveResult resolved = m_resolver.resolve(m_document);
    if (!resolved.ok()) {
        const QString hint = resolved.missingSecrets.isEmpty()
                                 ? QStringLiteral("define it in workspace.yaml, the environment (--env) or with --var "
                                                  "NAME=VALUE")
                                 : QStringLiteral("give it with --var NAME=VALUE, or store it from the window (File ▸ "
                                                  "Enter secret values…)");
        return fail(resolved.errorText() + QStringLiteral(" — ") + hint, kExitUsage);
    }
    switch (resolved.document.style) {
    case RequestStyle::Rest:
        return sendRest(resolved.document);
    case RequestStyle::GraphQL:
        return sendGraphQL(resolved.document);
    case RequestStyle::Grpc:
        return sendGrpc(resolved.document);
    }
}

void CliWorkspace::onStreamMessage(const StreamMessage &message) {
    m_streamed = true;
    m_printer.printStreamMessage(message);
}

void CliWorkspace::report(const CallRecord &record) {
    m_printer.printRecord(record, m_options.json, m_options.verbose, m_streamed);
    finish(record.ok() ? kExitSuccess : kExitCallFailed);
}

void CliWorkspace::sendRest(const workspace::RequestDocument &document) {
    RestRequest request = workspace::toRestRequest(document);
    request.sendTraceparent = !m_options.noTrace;
    request.fetchServerTrace = !m_options.noTrace;
    auto *caller = new RestCaller(this);
    if (!m_options.json)
        connect(caller, &RestCaller::messageReceived, this,
                [this](quint64, const StreamMessage &message) { onStreamMessage(message); });
    connect(caller, &RestCaller::callFinished, this, &CliWorkspace::report);
    connect(caller, &RestCaller::callFailed, this, &CliWorkspace::report);
    caller->send(request);
}

void CliWorkspace::sendGraphQL(const workspace::RequestDocument &document) {
    const bool subscription = client::operationType(document.graphql.document, document.graphql.operationName) ==
                              client::OperationType::Subscription;
    if (!workspace::usesWebSocket(document) && !subscription) {
        GraphQLRequest request = workspace::toGraphQLRequest(document);
        request.http.sendTraceparent = !m_options.noTrace;
        request.http.fetchServerTrace = !m_options.noTrace;
        auto *caller = new GraphQLCaller(this);
        connect(caller, &GraphQLCaller::callFinished, this, &CliWorkspace::report);
        connect(caller, &GraphQLCaller::callFailed, this, &CliWorkspace::report);
        caller->send(request);
        return;
    }
    GraphQLWsRequest request = workspace::toGraphQLWsRequest(document);
    if (webSocketUrl(request.url).isEmpty())
        return fail(QStringLiteral("Cannot subscribe at %1: the URL must be http(s):// or ws(s)://").arg(request.url),
                    kExitUsage);
    // Servers read credentials from connection_init's payload: the Authorization header goes there too.
    for (const auto &[name, value] : std::as_const(request.headers)) {
        if (request.initPayload.isEmpty() && name.compare("Authorization", Qt::CaseInsensitive) == 0)
            request.initPayload =
                QJsonDocument(QJsonObject{{QStringLiteral("authorization"), QString::fromUtf8(value)}})
                    .toJson(QJsonDocument::Compact);
    }
    auto *caller = new GraphQLWsCaller(this);
    if (!m_options.json)
        connect(caller, &GraphQLWsCaller::messageReceived, this, [this](quint64, const StreamMessage &message) {
            m_streamed = true;
            m_printer.printWebSocketMessage(message);
        });
    connect(caller, &GraphQLWsCaller::callFinished, this, &CliWorkspace::report);
    connect(caller, &GraphQLWsCaller::callFailed, this, &CliWorkspace::report);
    const quint64 id = caller->send(request);
    auto *interrupt = new InterruptNotifier(this);
    connect(interrupt, &InterruptNotifier::interrupted, caller, [caller, id] { caller->cancel(id); });
}

void CliWorkspace::withSchema(const workspace::RequestDocument &document, std::function<void(GrpcSchemaPtr)> next) {
    QString fileError;
    if (const auto schema = interop::schemaFromRequestFiles(document.grpc, m_workspace->root(), &fileError)) {
        if (!*schema)
            return fail(fileError, kExitUsage);
        return next(*schema);
    }
    auto *reflection = new GrpcReflection(this);
    connect(reflection, &GrpcReflection::schemaLoaded, this,
            [next](const GrpcSchemaPtr &schema, const QString &) { next(schema); });
    connect(reflection, &GrpcReflection::loadFailed, this,
            [this](const CallError &error) { fail(error.text(), kExitCallFailed); });
    reflection->load(workspace::toReflectionRequest(document));
}

void CliWorkspace::sendGrpc(const workspace::RequestDocument &document) {
    withSchema(document, [this, document](const GrpcSchemaPtr &schema) {
        GrpcRequest request = workspace::toGrpcRequest(document);
        if (!schema->findMethod(request.method))
            return fail(QStringLiteral("Unknown method %1 on %2").arg(request.method, request.target), kExitUsage);
        for (auto &entry : request.metadata)
            entry.first = entry.first.toLower();
        request.sendTraceparent = !m_options.noTrace;
        request.traceBaseUrl = m_options.noTrace ? QString() : m_options.traceUrl;
        auto *caller = new GrpcCaller(this);
        if (!m_options.json)
            connect(caller, &GrpcCaller::messageReceived, this,
                    [this](quint64, const StreamMessage &message) { onStreamMessage(message); });
        connect(caller, &GrpcCaller::callFinished, this, &CliWorkspace::report);
        connect(caller, &GrpcCaller::callFailed, this, &CliWorkspace::report);
        caller->call(schema, request);
    });
}

} // namespace triptych::cli
