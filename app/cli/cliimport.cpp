#include "app/cli/cliimport.h"

#include "app/cli/clirunner.h"
#include "app/interop/importformat.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace triptych::cli {

using interop::ImportResult;
using workspace::Workspace;

namespace {

// `base`, else "base 2", "base 3" … : the first for which `taken` says no.
template <typename Taken> QString freeName(const QString &base, Taken taken) {
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!taken(candidate))
            return candidate;
    }
}

QString styleLabel(workspace::RequestStyle style) {
    switch (style) {
    case workspace::RequestStyle::Rest:
        return QStringLiteral("REST");
    case workspace::RequestStyle::GraphQL:
        return QStringLiteral("GraphQL");
    case workspace::RequestStyle::Grpc:
        return QStringLiteral("gRPC");
    }
    return {};
}

// Opens the workspace at `folder`, making one there first when the folder is new or empty.
QString openOrCreate(Workspace &workspace, const QString &folder) {
    const QDir dir(folder);
    if (!dir.exists() || dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const auto created = Workspace::create(folder, QFileInfo(folder).fileName());
        if (!created)
            return created.error;
    }
    QString error;
    workspace.open(folder, &error);
    return error;
}

// Every sub-folder of `path` (inside the collection folder) is made as it is first needed.
QString ensureFolder(Workspace &workspace, const QString &path, QSet<QString> &made) {
    if (path.isEmpty() || made.contains(path))
        return {};
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString parent = slash < 0 ? QString() : path.left(slash);
    if (QString error = ensureFolder(workspace, parent, made); !error.isEmpty())
        return error;
    const auto result = workspace.createFolder(parent, path.mid(slash + 1));
    if (!result)
        return result.error;
    made.insert(path);
    return {};
}

struct Written {
    QStringList lines; // "  REST     Orders/List orders"
    QString error;
};

Written writeRequests(Workspace &workspace, const QString &collection, const ImportResult &result) {
    Written out;
    QSet<QString> made;
    QSet<QString> files; // paths taken by this import, as the listing is only refreshed by createFolder
    for (const auto &imported : result.requests) {
        const QString folder = imported.folder.isEmpty() ? collection : collection + QLatin1Char('/') + imported.folder;
        if (QString error = ensureFolder(workspace, folder, made); !error.isEmpty()) {
            out.error = error;
            return out;
        }
        workspace::RequestDocument document = imported.document;
        document.name = freeName(document.name, [&](const QString &name) {
            const QString path = folder + QLatin1Char('/') + workspace::requestFileName(name, document.style);
            return files.contains(path) || QFileInfo::exists(workspace.absolutePath(path));
        });
        const auto saved = workspace.createRequest(folder, document);
        if (!saved) {
            out.error = saved.error;
            return out;
        }
        files.insert(saved.path);
        out.lines.append(QStringLiteral("  %1  %2").arg(styleLabel(document.style).leftJustified(7), saved.path));
    }
    return out;
}

QStringList writeEnvironments(Workspace &workspace, const ImportResult &result, QString *error) {
    QList<workspace::Environment> environments = result.environments;
    if (!result.variables.isEmpty())
        environments.prepend({result.collectionName, result.variables});
    QStringList names;
    for (auto environment : environments) {
        const QStringList taken = workspace.environmentNames() + names;
        environment.name = freeName(interop::safeRequestName(environment.name),
                                    [&](const QString &name) { return taken.contains(name); });
        if (const auto saved = workspace.saveEnvironment(environment); !saved) {
            *error = saved.error;
            return names;
        }
        names.append(environment.name);
    }
    return names;
}

} // namespace

int runImport(const CliOptions &options, CliPrinter &printer) {
    if (options.positional.size() != 1 || options.into.isEmpty()) {
        printer.printError(QStringLiteral("import needs FILE --into WORKSPACE_DIR, e.g. import collection.json "
                                          "--into my-workspace"));
        return kExitUsage;
    }
    std::optional<interop::ImportFormat> format;
    if (!options.format.isEmpty()) {
        format = interop::importFormatFromName(options.format);
        if (!format) {
            printer.printError(
                QStringLiteral("--format must be one of %1, not %2").arg(interop::importFormatNames(), options.format));
            return kExitUsage;
        }
    }
    const QString file = options.positional.first();
    interop::ImportFormat used = interop::ImportFormat::Curl;
    const ImportResult result = interop::importFile(file, format, &used);
    if (!result.ok()) {
        for (const auto &diagnostic : result.diagnostics)
            printer.printError(diagnostic.text());
        printer.printError(QStringLiteral("nothing was imported from %1").arg(file));
        return kExitCallFailed;
    }
    Workspace workspace;
    if (const QString error = openOrCreate(workspace, options.into); !error.isEmpty()) {
        printer.printError(error);
        return kExitUsage;
    }
    QString error;
    QString collection;
    Written written;
    if (!result.requests.isEmpty()) {
        collection = freeName(result.collectionName,
                              [&](const QString &name) { return QFileInfo::exists(workspace.absolutePath(name)); });
        written = writeRequests(workspace, collection, result);
        error = written.error;
    }
    const QStringList environments = error.isEmpty() ? writeEnvironments(workspace, result, &error) : QStringList();
    QString text = QStringLiteral("Imported %1 request(s) from %2 (%3) into %4\n")
                       .arg(written.lines.size())
                       .arg(QFileInfo(file).fileName(), interop::importFormatName(used),
                            collection.isEmpty() ? workspace.root() : workspace.absolutePath(collection));
    text += written.lines.join(QLatin1Char('\n')) + (written.lines.isEmpty() ? QString() : QStringLiteral("\n"));
    for (const QString &environment : environments)
        text += QStringLiteral("  environment  environments/%1.yaml\n").arg(environment);
    if (!result.diagnostics.isEmpty()) {
        text += QStringLiteral("Skipped or changed (%1):\n").arg(result.diagnostics.size());
        for (const auto &diagnostic : result.diagnostics)
            text += QStringLiteral("  ") + diagnostic.text() + QLatin1Char('\n');
    }
    printer.printOut(text);
    if (!error.isEmpty()) {
        printer.printError(error);
        return kExitCallFailed;
    }
    return kExitSuccess;
}

} // namespace triptych::cli
