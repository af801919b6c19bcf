// Workspace: folders, order, settings and environments (the requests are in workspace.cpp).
#include "app/workspace/atomicfile.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/workspace.h"
#include "app/workspace/workspacepaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace triptych::workspace {

WorkspaceResult Workspace::moveEntry(const QString &from, const QString &to, bool isFolder) {
    const int target = indexOf(paths::parentOf(to));
    if (indexOf(from) < 0)
        return WorkspaceResult::failed(QStringLiteral("There is no %1 in the workspace").arg(from));
    if (target < 0 || m_listing.nodes.at(target).kind != WorkspaceNode::Kind::Folder)
        return WorkspaceResult::failed(QStringLiteral("There is no folder %1").arg(paths::parentOf(to)));
    if (from == to)
        return WorkspaceResult::done(to);
    if (isFolder && paths::isInside(to, from))
        return WorkspaceResult::failed(QStringLiteral("A folder cannot be moved into itself"));
    if (QFileInfo::exists(absolutePath(to)))
        return WorkspaceResult::failed(QStringLiteral("%1 already exists").arg(to));
    const bool moved = isFolder ? QDir().rename(absolutePath(from), absolutePath(to))
                                : QFile::rename(absolutePath(from), absolutePath(to));
    if (!moved)
        return WorkspaceResult::failed(QStringLiteral("Could not move %1 to %2").arg(from, to));
    for (const QString &open : QSet<QString>(m_openFiles)) {
        if (paths::isInside(open, from)) {
            m_openFiles.remove(open);
            m_openFiles.insert(to + open.mid(from.size()));
        }
    }
    for (auto it = m_listing.files.begin(); it != m_listing.files.end();) {
        if (paths::isInside(it.key(), from)) {
            const FileState state = it.value();
            const QString key = to + it.key().mid(from.size());
            it = m_listing.files.erase(it);
            m_listing.files.insert(key, state);
        } else {
            ++it;
        }
    }
    const bool sameFolder = paths::parentOf(from) == paths::parentOf(to);
    WorkspaceResult order =
        updateOrder(paths::parentOf(from), paths::lastPart(from), sameFolder ? paths::lastPart(to) : QString());
    relist();
    return order ? WorkspaceResult::done(to) : order;
}

WorkspaceResult Workspace::makeFolder(const QString &parent, const QString &name) {
    const QString problem = entryNameProblem(name);
    if (!problem.isEmpty())
        return WorkspaceResult::failed(problem);
    if (parent.isEmpty() && name == QStringView(workspacefiles::kEnvironments))
        return WorkspaceResult::failed(QStringLiteral("environments is where the workspace keeps its environments"));
    const QString path = paths::join(parent, name);
    if (QFileInfo::exists(absolutePath(path)))
        return WorkspaceResult::failed(QStringLiteral("%1 already exists").arg(path));
    if (!QDir().mkdir(absolutePath(path)))
        return WorkspaceResult::failed(QStringLiteral("Could not create the folder %1").arg(path));
    return WorkspaceResult::done(path);
}

WorkspaceResult Workspace::createFolder(const QString &parent, const QString &name) {
    if (indexOf(parent) < 0 || m_listing.nodes.at(indexOf(parent)).kind != WorkspaceNode::Kind::Folder)
        return WorkspaceResult::failed(QStringLiteral("There is no folder %1").arg(parent));
    const WorkspaceResult made = makeFolder(parent, name);
    if (made)
        relist();
    return made;
}

WorkspaceResult Workspace::createFolderPath(const QString &path) {
    if (!isOpen())
        return WorkspaceResult::failed(QStringLiteral("No workspace is open"));
    QString parent;
    WorkspaceResult result = WorkspaceResult::done(path);
    bool madeAny = false;
    for (const QString &name : path.split(QLatin1Char('/'))) {
        const QString here = paths::join(parent, name);
        const int index = indexOf(here);
        if (index >= 0 && m_listing.nodes.at(index).kind != WorkspaceNode::Kind::Folder) {
            result = WorkspaceResult::failed(QStringLiteral("%1 is not a folder").arg(here));
            break;
        }
        if (index < 0) {
            if (result = makeFolder(parent, name); !result)
                break;
            madeAny = true;
        }
        parent = here;
    }
    if (madeAny)
        relist();
    return result ? WorkspaceResult::done(path) : result;
}

WorkspaceResult Workspace::renameFolder(const QString &path, const QString &newName) {
    const QString problem = entryNameProblem(newName);
    if (!problem.isEmpty())
        return WorkspaceResult::failed(problem);
    if (path.isEmpty())
        return WorkspaceResult::failed(QStringLiteral("The workspace's own folder is renamed outside Triptych"));
    if (paths::parentOf(path).isEmpty() && newName == QStringView(workspacefiles::kEnvironments))
        return WorkspaceResult::failed(QStringLiteral("environments is where the workspace keeps its environments"));
    return moveEntry(path, paths::join(paths::parentOf(path), newName), true);
}

WorkspaceResult Workspace::moveFolder(const QString &path, const QString &toFolder) {
    if (path.isEmpty())
        return WorkspaceResult::failed(QStringLiteral("The workspace's own folder cannot be moved"));
    return moveEntry(path, paths::join(toFolder, paths::lastPart(path)), true);
}

WorkspaceResult Workspace::removeFolder(const QString &path) {
    const int index = indexOf(path);
    if (path.isEmpty() || index < 0 || m_listing.nodes.at(index).kind != WorkspaceNode::Kind::Folder)
        return WorkspaceResult::failed(QStringLiteral("There is no folder %1 to remove").arg(path));
    if (!QDir(absolutePath(path)).removeRecursively())
        return WorkspaceResult::failed(QStringLiteral("Could not remove everything in %1").arg(path));
    for (const QString &open : QSet<QString>(m_openFiles)) {
        if (paths::isInside(open, path))
            m_openFiles.remove(open);
    }
    const WorkspaceResult order = updateOrder(paths::parentOf(path), paths::lastPart(path), {});
    relist();
    return order ? WorkspaceResult::done(path) : order;
}

QStringList Workspace::orderOf(const QString &folder) const {
    if (folder.isEmpty())
        return settings().value.order;
    const auto bytes = readWholeFile(absolutePath(paths::orderFile(folder)));
    return bytes ? readFolderOrder(*bytes, paths::orderFile(folder)).value : QStringList();
}

WorkspaceResult Workspace::setOrder(const QString &folder, const QStringList &entries) {
    const int index = indexOf(folder);
    if (index < 0 || m_listing.nodes.at(index).kind != WorkspaceNode::Kind::Folder)
        return WorkspaceResult::failed(QStringLiteral("There is no folder %1").arg(folder));
    if (folder.isEmpty()) {
        ReadResult<WorkspaceSettings> current = settings();
        if (!current.ok())
            return WorkspaceResult::failed(
                QStringLiteral("workspace.yaml has errors; fix them before reordering the root"));
        current.value.order = entries;
        return saveSettings(current.value);
    }
    const QString path = paths::orderFile(folder);
    QString error;
    if (!writeFileAtomically(absolutePath(path), writeFolderOrder(entries), &error))
        return WorkspaceResult::failed(error);
    m_listing.files.insert(path, stateOf(absolutePath(path), contentHash(writeFolderOrder(entries))));
    relist();
    return WorkspaceResult::done(path);
}

// Keeps an order file in step with a rename, move or removal; writes only when the file listed the entry.
WorkspaceResult Workspace::updateOrder(const QString &folder, const QString &oldEntry, const QString &newEntry) {
    QStringList order = orderOf(folder);
    const qsizetype at = order.indexOf(oldEntry);
    if (at < 0)
        return WorkspaceResult::done({});
    if (newEntry.isEmpty())
        order.removeAt(at);
    else
        order[at] = newEntry;
    return setOrder(folder, order);
}

ReadResult<WorkspaceSettings> Workspace::settings() const {
    const QString file = QString::fromUtf16(workspacefiles::kSettings);
    const auto bytes = readWholeFile(absolutePath(file));
    ReadResult<WorkspaceSettings> result;
    if (bytes)
        result = readWorkspaceSettings(*bytes, file);
    if (result.value.name.isEmpty())
        result.value.name = QDir(m_root).dirName();
    return result;
}

WorkspaceResult Workspace::saveSettings(const WorkspaceSettings &settings) {
    const QString file = QString::fromUtf16(workspacefiles::kSettings);
    const QByteArray bytes = writeWorkspaceSettings(settings);
    QString error;
    if (!isOpen() || !writeFileAtomically(absolutePath(file), bytes, &error))
        return WorkspaceResult::failed(error);
    m_listing.files.insert(file, stateOf(absolutePath(file), contentHash(bytes)));
    relist();
    return WorkspaceResult::done(file, contentHash(bytes));
}

QStringList Workspace::environmentNames() const {
    QStringList names;
    const QDir dir(absolutePath(paths::environmentsFolder()));
    for (const QString &file : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name | QDir::IgnoreCase))
        names.append(file.chopped(5));
    return names;
}

ReadResult<Environment> Workspace::loadEnvironment(const QString &name) const {
    const QString path = paths::environmentFile(name);
    QString error;
    const auto bytes = readWholeFile(absolutePath(path), &error);
    if (!bytes) {
        ReadResult<Environment> missing;
        missing.value.name = name;
        missing.diagnostics.append({Diagnostic::Severity::Error, path, 0, 0, error});
        return missing;
    }
    return readEnvironment(*bytes, name, path);
}

WorkspaceResult Workspace::saveEnvironment(const Environment &environment) {
    const QString problem = entryNameProblem(environment.name);
    if (!problem.isEmpty())
        return WorkspaceResult::failed(problem);
    for (const Variable &variable : environment.variables) {
        if (!isValidVariableName(variable.name))
            return WorkspaceResult::failed(QStringLiteral("%1 is not a variable name").arg(variable.name));
    }
    const QString path = paths::environmentFile(environment.name);
    const QByteArray bytes = writeEnvironment(environment);
    QString error;
    if (!isOpen() || !writeFileAtomically(absolutePath(path), bytes, &error))
        return WorkspaceResult::failed(error);
    m_listing.files.insert(path, stateOf(absolutePath(path), contentHash(bytes)));
    return WorkspaceResult::done(path, contentHash(bytes));
}

WorkspaceResult Workspace::removeEnvironment(const QString &name) {
    const QString path = paths::environmentFile(name);
    if (!QFile::remove(absolutePath(path)))
        return WorkspaceResult::failed(QStringLiteral("Could not remove the environment %1").arg(name));
    m_listing.files.remove(path);
    return WorkspaceResult::done(path);
}

} // namespace triptych::workspace
