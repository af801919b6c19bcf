#include "app/workspace/workspacelisting.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/environment.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace triptych::workspace {

namespace {

FileState statOf(const QFileInfo &info) {
    FileState state;
    state.size = info.size();
    state.modifiedMs = info.lastModified().toMSecsSinceEpoch();
    return state;
}

QString joinPath(const QString &folder, const QString &name) {
    return folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
}

struct FolderContent {
    QStringList folders;
    QStringList requests; // file names
};

// Sorts by the order file's entries first, then folders before requests, each by name regardless of case.
QStringList displayOrder(const FolderContent &content, const QStringList &order) {
    QStringList folders = content.folders;
    QStringList requests = content.requests;
    const auto byName = [](const QString &a, const QString &b) {
        const int c = QString::compare(a, b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    };
    std::sort(folders.begin(), folders.end(), byName);
    std::sort(requests.begin(), requests.end(), byName);
    QStringList entries;
    for (const QString &entry : order) {
        if ((content.folders.contains(entry) || content.requests.contains(entry)) && !entries.contains(entry))
            entries.append(entry);
    }
    for (const QStringList *group : {&folders, &requests}) {
        for (const QString &entry : *group) {
            if (!order.contains(entry))
                entries.append(entry);
        }
    }
    return entries;
}

class Lister {
public:
    explicit Lister(const QString &root)
        : m_root(QDir(root)) {}

    WorkspaceListing run() {
        WorkspaceNode root;
        root.kind = WorkspaceNode::Kind::Folder;
        root.name = QDir(m_root).dirName();
        m_listing.nodes.append(root);
        listFolder(0);
        listEnvironments();
        return std::move(m_listing);
    }

private:
    void listFolder(int index) {
        const QString folder = m_listing.nodes.at(index).path;
        const bool isRoot = folder.isEmpty();
        FolderContent content;
        QStringList order;
        QDirIterator it(m_root.filePath(folder), QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            const QString name = info.fileName();
            if (info.isDir()) {
                if (!info.isSymLink() && !(isRoot && name == workspacefiles::kEnvironments))
                    content.folders.append(name);
            } else if (styleOfFileName(name)) {
                content.requests.append(name);
                m_listing.files.insert(joinPath(folder, name), statOf(info));
            } else if (name == (isRoot ? workspacefiles::kSettings : workspacefiles::kFolderOrder)) {
                order = readOrder(joinPath(folder, name), info, isRoot);
            }
        }
        for (const QString &name : displayOrder(content, order)) {
            WorkspaceNode node;
            node.path = joinPath(folder, name);
            node.parent = index;
            if (const auto style = styleOfFileName(name)) {
                node.kind = WorkspaceNode::Kind::Request;
                node.style = *style;
                node.name = requestNameOfFileName(name);
            } else {
                node.name = name;
            }
            m_listing.nodes[index].children.append(int(m_listing.nodes.size()));
            m_listing.nodes.append(node);
        }
        for (const int child : QList<int>(m_listing.nodes.at(index).children)) {
            if (m_listing.nodes.at(child).kind == WorkspaceNode::Kind::Folder)
                listFolder(child);
        }
    }

    QStringList readOrder(const QString &path, const QFileInfo &info, bool isRoot) {
        m_listing.files.insert(path, statOf(info));
        QString error;
        const auto bytes = readWholeFile(info.filePath(), &error);
        if (!bytes) {
            m_listing.diagnostics.append({Diagnostic::Severity::Error, path, 0, 0, error});
            return {};
        }
        m_listing.files[path].hash = contentHash(*bytes);
        if (isRoot) {
            const auto settings = readWorkspaceSettings(*bytes, path);
            m_listing.diagnostics.append(settings.diagnostics);
            return settings.value.order;
        }
        const auto order = readFolderOrder(*bytes, path);
        m_listing.diagnostics.append(order.diagnostics);
        return order.value;
    }

    void listEnvironments() {
        const QString folder = QString::fromUtf16(workspacefiles::kEnvironments);
        QDirIterator it(m_root.filePath(folder), {QStringLiteral("*.yaml")}, QDir::Files);
        while (it.hasNext()) {
            it.next();
            m_listing.files.insert(joinPath(folder, it.fileName()), statOf(it.fileInfo()));
        }
    }

    QDir m_root;
    WorkspaceListing m_listing;
};

} // namespace

WorkspaceListing listWorkspace(const QString &root) {
    return Lister(root).run();
}

WorkspaceChanges compareFiles(const QString &root, const FileStates &before, FileStates &after,
                              const QSet<QString> &alwaysHash) {
    WorkspaceChanges changes;
    const QDir dir(root);
    const auto hashOf = [&dir](const QString &path) {
        const auto bytes = readWholeFile(dir.filePath(path));
        return bytes ? contentHash(*bytes) : QByteArray();
    };
    for (auto it = after.begin(); it != after.end(); ++it) {
        const auto old = before.constFind(it.key());
        if (old == before.cend()) {
            it->hash = hashOf(it.key());
            changes.added.append(it.key());
            changes.hashes.insert(it.key(), it->hash);
            continue;
        }
        if (it->sameStat(*old) && !alwaysHash.contains(it.key())) {
            if (it->hash.isEmpty())
                it->hash = old->hash;
            continue;
        }
        it->hash = hashOf(it.key());
        if (old->hash.isEmpty() || it->hash != old->hash) {
            changes.changed.append(it.key());
            changes.hashes.insert(it.key(), it->hash);
        }
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            changes.removed.append(it.key());
    }
    for (QStringList *list : {&changes.added, &changes.removed, &changes.changed})
        list->sort();
    return changes;
}

} // namespace triptych::workspace
