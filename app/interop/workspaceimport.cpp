#include "app/interop/workspaceimport.h"

#include "app/interop/urlimport.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace triptych::interop {

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

// Every sub-folder of `path` is made as it is first needed, the workspace listed once per new folder path.
QString ensureFolder(Workspace &workspace, const QString &path, QSet<QString> &made) {
    if (path.isEmpty() || made.contains(path))
        return {};
    if (const auto result = workspace.createFolderPath(path); !result)
        return result.error;
    made.insert(path);
    return {};
}

void writeRequests(Workspace &workspace, const ImportResult &result, ImportSummary &summary,
                   const ImportControl &control) {
    summary.collection = freeName(result.collectionName,
                                  [&](const QString &name) { return QFileInfo::exists(workspace.absolutePath(name)); });
    const workspace::DeferredSync sync(workspace.root());
    const Workspace::BatchOfWrites batch(workspace);
    QSet<QString> made;
    QSet<QString> files; // paths taken by this import: the listing is only refreshed by createFolder
    for (const auto &imported : result.requests) {
        if (control.cancelled()) {
            summary.error = QStringLiteral("Cancelled after %1 of %2 requests; %3 holds those written")
                                .arg(summary.requests.size())
                                .arg(result.requests.size())
                                .arg(summary.collection);
            return;
        }
        if (control.progress)
            control.progress(summary.requests.size(), result.requests.size());
        const QString folder =
            imported.folder.isEmpty() ? summary.collection : summary.collection + QLatin1Char('/') + imported.folder;
        if (QString error = ensureFolder(workspace, folder, made); !error.isEmpty()) {
            summary.error = error;
            return;
        }
        workspace::RequestDocument document = imported.document;
        document.name = freeName(document.name, [&](const QString &name) {
            const QString path = folder + QLatin1Char('/') + workspace::requestFileName(name, document.style);
            return files.contains(path) || QFileInfo::exists(workspace.absolutePath(path));
        });
        const auto saved = workspace.createRequest(folder, document);
        if (!saved) {
            summary.error = saved.error;
            return;
        }
        files.insert(saved.path);
        summary.requests.append(QStringLiteral("%1  %2").arg(styleLabel(document.style).leftJustified(7), saved.path));
    }
}

void writeEnvironments(Workspace &workspace, const ImportResult &result, ImportSummary &summary) {
    QList<workspace::Environment> environments = result.environments;
    if (!result.variables.isEmpty())
        environments.prepend({result.collectionName, result.variables});
    for (auto environment : environments) {
        const QStringList taken = workspace.environmentNames() + summary.environments;
        environment.name =
            freeName(safeRequestName(environment.name), [&](const QString &name) { return taken.contains(name); });
        if (const auto saved = workspace.saveEnvironment(environment); !saved) {
            summary.error = saved.error;
            return;
        }
        summary.environments.append(environment.name);
    }
}

// A folder that is new or empty becomes a workspace; any other must be one already.
QString createWhenEmpty(const QString &folder) {
    const QDir dir(folder);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return {};
    const auto created = Workspace::create(folder, QFileInfo(folder).fileName());
    return created ? QString() : created.error;
}

} // namespace

ImportSummary importIntoWorkspace(const QString &file, const QString &root, std::optional<ImportFormat> format,
                                  NewWorkspace newWorkspace, const ImportControl &control) {
    ImportSummary summary;
    summary.file = file;
    ImportFormat used = ImportFormat::Curl;
    const ImportResult result =
        isImportUrl(file) ? importUrl(QUrl(file), format, &used, control.cancel) : importFile(file, format, &used);
    summary.format = importFormatName(used);
    for (const auto &diagnostic : result.diagnostics)
        summary.skipped.append(diagnostic.text());
    if (!result.ok()) {
        summary.error = QStringLiteral("Nothing was imported from %1: it has errors").arg(QFileInfo(file).fileName());
        return summary;
    }
    if (control.cancelled()) {
        summary.error = QStringLiteral("Cancelled: nothing was imported from %1").arg(QFileInfo(file).fileName());
        return summary;
    }
    if (newWorkspace == NewWorkspace::CreateWhenEmpty) {
        if (QString error = createWhenEmpty(root); !error.isEmpty()) {
            summary.error = error;
            return summary;
        }
    }
    Workspace workspace;
    if (QString error; !workspace.open(root, &error)) {
        summary.error = error;
        return summary;
    }
    if (!result.requests.isEmpty())
        writeRequests(workspace, result, summary, control);
    if (summary.ok())
        writeEnvironments(workspace, result, summary);
    return summary;
}

} // namespace triptych::interop
