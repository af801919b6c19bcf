#include "app/cli/cliexport.h"

#include "app/cli/clirunner.h"
#include "app/cli/cliworkspace.h"
#include "app/interop/curlexport.h"
#include "app/interop/grpcurlexport.h"
#include "app/interop/har.h"
#include "app/interop/postman.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/historydatabase.h"
#include "app/workspace/historystore.h"
#include "app/workspace/workspace.h"
#include "app/workspace/workspacepaths.h"
#include "triptych/version.h"

#include <QDir>
#include <QFileInfo>

namespace triptych::cli {

using workspace::RequestStyle;

namespace {

// What PATH names: the workspace it lies in, the requests under it (paths relative to the root) and the folder the
// export is relative to.
struct Selection {
    QString root;
    QString base; // "" for the whole workspace
    QStringList paths;
    QString error;
};

Selection select(const QString &argument, workspace::Workspace &workspace) {
    Selection out;
    const QFileInfo info(argument);
    QString single;
    if (info.isDir()) {
        out.root = CliWorkspace::findWorkspaceRoot(QDir(argument).filePath(QStringLiteral("x")));
    } else {
        single = CliWorkspace::findRequestFile(argument, &out.error);
        if (single.isEmpty())
            return out;
        out.root = CliWorkspace::findWorkspaceRoot(single);
    }
    if (!workspace.open(out.root, &out.error))
        return out;
    const QDir root(workspace.root());
    if (!single.isEmpty()) {
        const QString path = root.relativeFilePath(QFileInfo(single).canonicalFilePath());
        out.base = workspace::paths::parentOf(path);
        out.paths = {path};
        return out;
    }
    out.base = root.relativeFilePath(info.canonicalFilePath());
    if (out.base == QLatin1String("."))
        out.base.clear();
    for (const QString &path : workspace.requestPaths()) {
        if (out.base.isEmpty() || workspace::paths::isInside(path, out.base))
            out.paths.append(path);
    }
    if (out.paths.isEmpty())
        out.error = QStringLiteral("No saved requests under %1").arg(argument);
    return out;
}

// The workspace's variables, overridden by the environment's and then by --var: one scope, as Postman has.
bool variables(const CliOptions &options, workspace::Workspace &workspace, workspace::Environment *merged,
               QString *error) {
    merged->name = options.environment.isEmpty() ? QFileInfo(workspace.root()).fileName() : options.environment;
    auto put = [merged](const workspace::Variable &variable) {
        for (auto &existing : merged->variables) {
            if (existing.name == variable.name) {
                existing = variable;
                return;
            }
        }
        merged->variables.append(variable);
    };
    for (const auto &variable : workspace.settings().value.variables)
        put(variable);
    if (!options.environment.isEmpty()) {
        if (!workspace.environmentNames().contains(options.environment)) {
            *error = QStringLiteral("No environment %1 in %2").arg(options.environment, workspace.root());
            return false;
        }
        for (const auto &variable : workspace.loadEnvironment(options.environment).value.variables)
            put(variable);
    }
    for (const QString &assignment : options.variableValues) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0 || !workspace::isValidVariableName(assignment.left(equals))) {
            *error = QStringLiteral("--var needs NAME=VALUE, not %1").arg(assignment);
            return false;
        }
        put({assignment.left(equals), assignment.mid(equals + 1), false});
    }
    return true;
}

QString folderOf(const QString &path, const QString &base) {
    const QString parent = workspace::paths::parentOf(path);
    return base.isEmpty() ? parent : parent.mid(base.size() + 1);
}

int exportCommands(const CliOptions &options, CliPrinter &printer, workspace::Workspace &workspace,
                   const Selection &selection, const workspace::Environment &scope) {
    const bool grpcurl = options.exportAs == QLatin1String("grpcurl");
    workspace::VariableResolver resolver;
    resolver.setWorkspaceVariables(scope.variables);
    QString text;
    int written = 0;
    for (const QString &path : selection.paths) {
        const auto loaded = workspace.load(path);
        if (!loaded.ok()) {
            printer.printError(QStringLiteral("%1 is skipped: it has errors").arg(path));
            continue;
        }
        const auto resolved = resolver.resolve(loaded.document);
        if (!resolved.ok())
            printer.printError(QStringLiteral("%1: %2; it is left as {{name}}").arg(path, resolved.errorText()));
        const QString command =
            grpcurl ? interop::toGrpcurlCommand(resolved.document) : interop::toCurlCommand(resolved.document);
        if (command.isEmpty()) {
            printer.printError(
                QStringLiteral("%1 is skipped: %2")
                    .arg(path, grpcurl ? QStringLiteral("only gRPC requests have a grpcurl command")
                                       : QStringLiteral("curl cannot make gRPC calls or GraphQL over WebSocket")));
            continue;
        }
        if (selection.paths.size() > 1)
            text += QStringLiteral("# ") + path + QLatin1Char('\n');
        text += command + QStringLiteral("\n\n");
        ++written;
    }
    text.chop(1);
    if (options.out.isEmpty())
        printer.printOut(text);
    else if (QString error; !workspace::writeFileAtomically(options.out, text.toUtf8(), &error))
        return printer.printError(error), kExitCallFailed;
    return written > 0 ? kExitSuccess : kExitCallFailed;
}

// "orders.postman_collection.json" → "orders.postman_environment.json"; otherwise ".environment.json" is added.
QString environmentFileFor(const QString &collectionFile) {
    QString file = collectionFile;
    if (file.endsWith(QLatin1String(".postman_collection.json")))
        return file.replace(QLatin1String(".postman_collection.json"), QLatin1String(".postman_environment.json"));
    return file + QStringLiteral(".environment.json");
}

int exportPostman(const CliOptions &options, CliPrinter &printer, workspace::Workspace &workspace,
                  const Selection &selection, const workspace::Environment &scope) {
    QList<interop::ImportedRequest> requests;
    for (const QString &path : selection.paths) {
        const auto loaded = workspace.load(path);
        if (!loaded.ok()) {
            printer.printError(QStringLiteral("%1 is skipped: it has errors").arg(path));
            continue;
        }
        requests.append({folderOf(path, selection.base), loaded.document});
    }
    const QString name = selection.base.isEmpty() ? workspace.settings().value.name.isEmpty()
                                                        ? QFileInfo(workspace.root()).fileName()
                                                        : workspace.settings().value.name
                                                  : workspace::paths::lastPart(selection.base);
    const auto exported = interop::exportPostman(name, requests, scope.variables.isEmpty() ? nullptr : &scope);
    for (const QString &skipped : exported.skipped)
        printer.printError(QStringLiteral("not exported: ") + skipped);
    if (options.out.isEmpty()) {
        printer.printOut(QString::fromUtf8(exported.collection));
        return kExitSuccess;
    }
    QString error;
    if (!workspace::writeFileAtomically(options.out, exported.collection, &error))
        return printer.printError(error), kExitCallFailed;
    QString text = QStringLiteral("collection: %1 (%2 requests)\n")
                       .arg(options.out)
                       .arg(requests.size() - exported.skipped.size());
    if (!exported.environment.isEmpty()) {
        const QString file = environmentFileFor(options.out);
        if (!workspace::writeFileAtomically(file, exported.environment, &error))
            return printer.printError(error), kExitCallFailed;
        text += QStringLiteral("environment: %1\n").arg(file);
    }
    printer.printOut(text);
    return kExitSuccess;
}

int writeOut(const CliOptions &options, CliPrinter &printer, const QByteArray &bytes, const QString &what) {
    if (options.out.isEmpty()) {
        printer.printOut(QString::fromUtf8(bytes));
        return kExitSuccess;
    }
    QString error;
    if (!workspace::writeFileAtomically(options.out, bytes, &error))
        return printer.printError(error), kExitCallFailed;
    printer.printOut(QStringLiteral("%1: %2\n").arg(what, options.out));
    return kExitSuccess;
}

// The history (a history database file, or `history` for this user's) as HAR 1.2, oldest call first.
int exportHistory(const CliOptions &options, CliPrinter &printer) {
    const QString argument = options.positional.first();
    const QString path = argument == QLatin1String("history") ? workspace::HistoryStore::defaultPath() : argument;
    if (!QFileInfo(path).isFile()) {
        printer.printError(QStringLiteral("--as har exports a history: give its database file or the word history "
                                          "(%1 is not a file)")
                               .arg(path));
        return kExitUsage;
    }
    workspace::HistoryDatabase database;
    QString error;
    if (!database.open(path, &error)) {
        printer.printError(error);
        return kExitUsage;
    }
    workspace::HistoryQuery query;
    query.limit = 100'000;
    QList<workspace::HistoryEntry> entries;
    for (const auto &summary : database.search(query, &error)) {
        if (auto entry = database.entry(summary.id))
            entries.append(*entry);
    }
    const interop::HarExport exported = interop::exportHar(entries, QLatin1String(triptych::kVersion));
    for (const QString &skipped : exported.skipped)
        printer.printError(QStringLiteral("not exported: ") + skipped);
    return writeOut(options, printer, exported.har,
                    QStringLiteral("HAR with %1 calls").arg(entries.size() - exported.skipped.size()));
}

} // namespace

int runExport(const CliOptions &options, CliPrinter &printer) {
    const QStringList formats{QStringLiteral("curl"), QStringLiteral("grpcurl"), QStringLiteral("postman"),
                              QStringLiteral("har")};
    if (options.positional.size() != 1 || !formats.contains(options.exportAs)) {
        printer.printError(QStringLiteral("export needs PATH --as curl|grpcurl|postman|har, e.g. export "
                                          "my-workspace/Orders --as postman --out orders.postman_collection.json"));
        return kExitUsage;
    }
    if (options.exportAs == QLatin1String("har"))
        return exportHistory(options, printer);
    workspace::Workspace workspace;
    const Selection selection = select(options.positional.first(), workspace);
    if (!selection.error.isEmpty()) {
        printer.printError(selection.error);
        return kExitUsage;
    }
    workspace::Environment scope;
    if (QString error; !variables(options, workspace, &scope, &error)) {
        printer.printError(error);
        return kExitUsage;
    }
    if (options.exportAs == QLatin1String("postman"))
        return exportPostman(options, printer, workspace, selection, scope);
    return exportCommands(options, printer, workspace, selection, scope);
}

} // namespace triptych::cli
