// Workspace: work off the calling thread (background saves, rescans, validation) and the folder watcher.
#include "app/workspace/atomicfile.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/workspace.h"
#include "app/workspace/workspacepaths.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMetaObject>

#include <algorithm>
#include <atomic>
#include <thread>

namespace triptych::workspace {

void Workspace::saveInBackground(const QString &path, const RequestDocument &document, const QByteArray &expectedHash) {
    const auto style = styleOfFileName(path);
    if (!isOpen() || !style || *style != document.style) {
        Q_EMIT saveFailed(path, QStringLiteral("%1 is not a %2 request file").arg(path, styleName(document.style)),
                          false);
        return;
    }
    const QByteArray bytes = writeRequest(document);
    const QString root = m_root;
    const quint64 generation = m_generation;
    m_writer.start([this, root, path, bytes, expectedHash, generation] {
        const WorkspaceResult result = writeChecked(root, path, bytes, expectedHash);
        const FileState state = result ? stateOf(root + QLatin1Char('/') + path, result.hash) : FileState();
        QMetaObject::invokeMethod(
            this,
            [this, path, result, state, generation] {
                if (generation != m_generation)
                    return;
                if (!result) {
                    Q_EMIT saveFailed(path, result.error, result.conflict);
                    return;
                }
                rememberWrite(path, state);
                Q_EMIT saveFinished(path, result.hash);
            },
            Qt::QueuedConnection);
    });
}

Diagnostics Workspace::validateFiles(const QString &root, const QStringList &paths,
                                     const std::atomic<quint64> &generation, quint64 expected) {
    std::vector<Diagnostics> found(std::max(1U, std::thread::hardware_concurrency()));
    std::atomic<qsizetype> next{0};
    const auto work = [&](Diagnostics &out) {
        for (qsizetype i = next++; i < paths.size() && generation == expected; i = next++) {
            const QString &path = paths.at(i);
            QString error;
            const auto bytes = readWholeFile(root + QLatin1Char('/') + path, &error);
            if (!bytes) {
                out.append({Diagnostic::Severity::Error, path, 0, 0, error});
            } else if (const auto style = styleOfFileName(path)) {
                out.append(readRequest(*bytes, *style, QString(), path).diagnostics);
            } else if (path.startsWith(paths::environmentsFolder() + QLatin1Char('/'))) {
                out.append(readEnvironment(*bytes, QString(), path).diagnostics);
            }
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < found.size(); ++t)
        threads.emplace_back(work, std::ref(found[t]));
    work(found[0]);
    for (std::thread &thread : threads)
        thread.join();
    Diagnostics all;
    for (const Diagnostics &part : found)
        all.append(part);
    std::sort(all.begin(), all.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    return all;
}

Diagnostics Workspace::validate() const {
    Diagnostics all = validateFiles(m_root, m_listing.files.keys(), m_generation, m_generation);
    all.append(m_listing.diagnostics); // the settings and order files, read while listing
    return all;
}

void Workspace::validateInBackground() {
    const QString root = m_root;
    const QStringList paths = m_listing.files.keys();
    const Diagnostics listing = m_listing.diagnostics;
    const quint64 generation = m_generation;
    m_readers.start([this, root, paths, listing, generation] {
        Diagnostics all = validateFiles(root, paths, m_generation, generation);
        all.append(listing);
        QMetaObject::invokeMethod(
            this,
            [this, all, generation] {
                if (generation == m_generation)
                    Q_EMIT validationFinished(all);
            },
            Qt::QueuedConnection);
    });
}

WorkspaceChanges Workspace::rescan() {
    if (!isOpen())
        return {};
    WorkspaceListing listing = listWorkspace(m_root);
    const WorkspaceChanges found = compareFiles(m_root, m_listing.files, listing.files, m_openFiles);
    return applyRescan(std::move(listing), found);
}

void Workspace::rescanInBackground() {
    if (!isOpen())
        return;
    const QString root = m_root;
    const FileStates before = m_listing.files;
    const QSet<QString> open = m_openFiles;
    const quint64 generation = m_generation;
    m_writer.start([this, root, before, open, generation] {
        WorkspaceListing listing = listWorkspace(root);
        const WorkspaceChanges found = compareFiles(root, before, listing.files, open);
        QMetaObject::invokeMethod(
            this,
            [this, listing = std::move(listing), found, generation]() mutable {
                if (generation == m_generation)
                    applyRescan(std::move(listing), found);
            },
            Qt::QueuedConnection);
    });
}

// Drops what this workspace wrote itself since the scan started (the hash is the one it remembers) and keeps the
// states of files it wrote after the listing was taken.
WorkspaceChanges Workspace::applyRescan(WorkspaceListing listing, const WorkspaceChanges &found) {
    WorkspaceChanges changes;
    const auto ownWrite = [this, &found](const QString &path) {
        const auto known = m_listing.files.constFind(path);
        return known != m_listing.files.cend() && !known->hash.isEmpty() && known->hash == found.hashes.value(path);
    };
    for (const QString &path : found.added) {
        if (!ownWrite(path))
            changes.added.append(path);
    }
    for (const QString &path : found.changed) {
        if (!ownWrite(path))
            changes.changed.append(path);
    }
    for (const QString &path : found.removed) {
        if (m_listing.files.contains(path))
            changes.removed.append(path);
    }
    for (const QString &path : changes.added + changes.changed)
        changes.hashes.insert(path, found.hashes.value(path));
    for (auto it = listing.files.begin(); it != listing.files.end(); ++it) {
        const auto known = m_listing.files.constFind(it.key());
        if (known != m_listing.files.cend() && known->modifiedMs > it->modifiedMs)
            *it = *known;
    }
    const bool treeMoved = !changes.added.isEmpty() || !changes.removed.isEmpty() || !m_listing.diagnostics.isEmpty() ||
                           !listing.diagnostics.isEmpty();
    if (treeMoved) {
        setListing(std::move(listing));
    } else {
        m_listing.files = std::move(listing.files);
        if (m_watcher)
            watchFolders(); // an editor that saves by renaming drops the watch on the file it replaced
    }
    if (!changes.isEmpty())
        Q_EMIT changesDetected(changes);
    return changes;
}

void Workspace::setWatching(bool watching) {
    if (!watching) {
        delete m_watcher;
        m_watcher = nullptr;
        m_debounce.stop();
        return;
    }
    if (m_watcher)
        return;
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &Workspace::onWatcherFired);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &Workspace::onWatcherFired);
    watchFolders();
}

void Workspace::setFileOpen(const QString &path, bool open) {
    if (open)
        m_openFiles.insert(path);
    else
        m_openFiles.remove(path);
    if (m_watcher)
        watchFolders();
}

void Workspace::onWatcherFired() {
    m_debounce.start();
}

void Workspace::watchFolders() {
    if (!isOpen())
        return;
    QStringList wanted{m_root};
    if (QFileInfo::exists(absolutePath(paths::environmentsFolder())))
        wanted.append(absolutePath(paths::environmentsFolder()));
    for (const WorkspaceNode &node : m_listing.nodes) {
        if (node.kind == WorkspaceNode::Kind::Folder && !node.path.isEmpty())
            wanted.append(absolutePath(node.path));
    }
    for (const QString &path : m_openFiles)
        wanted.append(absolutePath(path));
    const QStringList watched = m_watcher->directories() + m_watcher->files();
    const QSet<QString> wantedSet(wanted.begin(), wanted.end());
    const QSet<QString> watchedSet(watched.begin(), watched.end());
    const QSet<QString> stale = watchedSet - wantedSet;
    const QSet<QString> missing = wantedSet - watchedSet;
    if (!stale.isEmpty())
        m_watcher->removePaths(stale.values());
    if (!missing.isEmpty())
        m_watcher->addPaths(missing.values());
}

} // namespace triptych::workspace
