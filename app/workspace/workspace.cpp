#include "app/workspace/workspace.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/workspacepaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>

#include <utility>

namespace triptych::workspace {

namespace {

constexpr auto kGitIgnore = "# Triptych: what stays on this machine (docs/workspace.md)\n"
                            ".triptych/\n"
                            "*.local.yaml\n";

} // namespace

Workspace::Workspace(QObject *parent)
    : QObject(parent) {
    m_writer.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &Workspace::rescanInBackground);
}

Workspace::~Workspace() {
    ++m_generation; // stops a validation under way
    m_writer.waitForDone();
    m_readers.waitForDone();
}

WorkspaceResult Workspace::create(const QString &folder, const QString &name) {
    const QDir dir(folder);
    if (!QDir().mkpath(folder) || !dir.mkpath(paths::environmentsFolder()))
        return WorkspaceResult::failed(
            QStringLiteral("Could not create the folder %1").arg(QDir::toNativeSeparators(folder)));
    const QString settingsPath = dir.filePath(QString::fromUtf16(workspacefiles::kSettings));
    if (QFileInfo::exists(settingsPath))
        return WorkspaceResult::failed(
            QStringLiteral("%1 already holds a workspace").arg(QDir::toNativeSeparators(folder)));
    QString error;
    WorkspaceSettings settings;
    settings.name = name;
    if (!writeFileAtomically(settingsPath, writeWorkspaceSettings(settings), &error))
        return WorkspaceResult::failed(error);
    const QString ignore = dir.filePath(QStringLiteral(".gitignore"));
    if (!QFileInfo::exists(ignore) && !writeFileAtomically(ignore, kGitIgnore, &error))
        return WorkspaceResult::failed(error);
    return WorkspaceResult::done(QString());
}

bool Workspace::open(const QString &folder, QString *error) {
    const QFileInfo info(folder);
    if (!info.isDir() || !info.isReadable()) {
        if (error)
            *error = QStringLiteral("%1 is not a folder that can be read").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    close();
    m_root = info.canonicalFilePath();
    relist();
    return true;
}

void Workspace::close() {
    ++m_generation;
    m_root.clear();
    m_listing = {};
    m_index.clear();
    m_openFiles.clear();
    if (m_watcher && !(m_watcher->files() + m_watcher->directories()).isEmpty())
        m_watcher->removePaths(m_watcher->files() + m_watcher->directories());
}

QString Workspace::absolutePath(const QString &path) const {
    return path.isEmpty() ? m_root : m_root + QLatin1Char('/') + path;
}

int Workspace::indexOf(const QString &path) const {
    return m_index.value(path, -1);
}

QStringList Workspace::requestPaths() const {
    QStringList paths;
    for (const WorkspaceNode &node : m_listing.nodes) {
        if (node.kind == WorkspaceNode::Kind::Request)
            paths.append(node.path);
    }
    return paths;
}

void Workspace::relist() {
    if (!isOpen())
        return;
    WorkspaceListing listing = listWorkspace(m_root);
    for (auto it = listing.files.begin(); it != listing.files.end(); ++it) {
        const auto old = m_listing.files.constFind(it.key());
        if (old != m_listing.files.cend() && old->sameStat(*it) && it->hash.isEmpty())
            it->hash = old->hash;
    }
    setListing(std::move(listing));
}

void Workspace::setListing(WorkspaceListing listing) {
    m_listing = std::move(listing);
    m_index.clear();
    m_index.reserve(m_listing.nodes.size());
    for (int i = 0; i < m_listing.nodes.size(); ++i)
        m_index.insert(m_listing.nodes.at(i).path, i);
    if (m_watcher)
        watchFolders();
    Q_EMIT treeChanged();
}

void Workspace::rememberWrite(const QString &path, const FileState &state) {
    const bool isNew = !m_listing.files.contains(path);
    m_listing.files.insert(path, state);
    if (isNew && m_batchDepth > 0)
        m_relistAfterBatch = true;
    else if (isNew)
        relist();
}

Workspace::BatchOfWrites::~BatchOfWrites() {
    if (--m_workspace.m_batchDepth == 0 && std::exchange(m_workspace.m_relistAfterBatch, false))
        m_workspace.relist();
}

FileState Workspace::stateOf(const QString &absolutePath, const QByteArray &hash) {
    const QFileInfo info(absolutePath);
    FileState state;
    state.size = info.size();
    state.modifiedMs = info.lastModified().toMSecsSinceEpoch();
    state.hash = hash;
    return state;
}

LoadedRequest Workspace::load(const QString &path) {
    LoadedRequest loaded;
    const auto style = styleOfFileName(path);
    loaded.document.name = requestNameOfFileName(paths::lastPart(path));
    QString error;
    const auto bytes = style ? readWholeFile(absolutePath(path), &error) : std::nullopt;
    if (!bytes) {
        loaded.diagnostics.append({Diagnostic::Severity::Error, path, 0, 0,
                                   style ? error
                                         : QStringLiteral("not a request file (.rest.yaml, .graphql.yaml or "
                                                          ".grpc.yaml)")});
        return loaded;
    }
    const RequestReadResult read = readRequest(*bytes, *style, loaded.document.name, path);
    loaded.document = read.document;
    loaded.diagnostics = read.diagnostics;
    loaded.hash = contentHash(*bytes);
    if (m_listing.files.contains(path))
        m_listing.files[path] = stateOf(absolutePath(path), loaded.hash);
    return loaded;
}

WorkspaceResult Workspace::writeChecked(const QString &root, const QString &path, const QByteArray &bytes,
                                        const QByteArray &expectedHash) {
    const QString absolute = root + QLatin1Char('/') + path;
    if (!expectedHash.isEmpty()) {
        const auto current = readWholeFile(absolute);
        if (!current || contentHash(*current) != expectedHash) {
            WorkspaceResult conflict = WorkspaceResult::failed(
                current ? QStringLiteral("%1 was changed on disk since it was opened").arg(path)
                        : QStringLiteral("%1 was removed on disk since it was opened").arg(path));
            conflict.conflict = true;
            return conflict;
        }
    }
    QString error;
    if (!writeFileAtomically(absolute, bytes, &error))
        return WorkspaceResult::failed(error);
    return WorkspaceResult::done(path, contentHash(bytes));
}

WorkspaceResult Workspace::save(const QString &path, const RequestDocument &document, const QByteArray &expectedHash) {
    const auto style = styleOfFileName(path);
    if (!isOpen() || !style || *style != document.style)
        return WorkspaceResult::failed(
            QStringLiteral("%1 is not a %2 request file").arg(path, styleName(document.style)));
    const WorkspaceResult result = writeChecked(m_root, path, writeRequest(document), expectedHash);
    if (result)
        rememberWrite(path, stateOf(absolutePath(path), result.hash));
    return result;
}

WorkspaceResult Workspace::createRequest(const QString &folder, const RequestDocument &document) {
    const QString problem = entryNameProblem(document.name);
    if (!problem.isEmpty())
        return WorkspaceResult::failed(problem);
    if (indexOf(folder) < 0 || m_listing.nodes.at(indexOf(folder)).kind != WorkspaceNode::Kind::Folder)
        return WorkspaceResult::failed(QStringLiteral("There is no folder %1").arg(folder));
    const QString path = paths::join(folder, requestFileName(document.name, document.style));
    if (QFileInfo::exists(absolutePath(path)))
        return WorkspaceResult::failed(
            QStringLiteral("A %1 request named %2 already exists here").arg(styleName(document.style), document.name));
    return save(path, document);
}

WorkspaceResult Workspace::renameRequest(const QString &path, const QString &newName) {
    const auto style = styleOfFileName(path);
    const QString problem = entryNameProblem(newName);
    if (!style)
        return WorkspaceResult::failed(QStringLiteral("%1 is not a request file").arg(path));
    if (!problem.isEmpty())
        return WorkspaceResult::failed(problem);
    return moveEntry(path, paths::join(paths::parentOf(path), requestFileName(newName, *style)), false);
}

QString Workspace::freeCopyName(const QString &folder, const QString &name, RequestStyle style) const {
    for (int n = 1;; ++n) {
        const QString candidate =
            n == 1 ? QStringLiteral("%1 copy").arg(name) : QStringLiteral("%1 copy %2").arg(name).arg(n);
        if (!QFileInfo::exists(absolutePath(paths::join(folder, requestFileName(candidate, style)))))
            return candidate;
    }
}

WorkspaceResult Workspace::duplicateRequest(const QString &path, const QString &newName) {
    const auto style = styleOfFileName(path);
    if (!style)
        return WorkspaceResult::failed(QStringLiteral("%1 is not a request file").arg(path));
    const QString folder = paths::parentOf(path);
    const QString name =
        newName.isEmpty() ? freeCopyName(folder, requestNameOfFileName(paths::lastPart(path)), *style) : newName;
    const QString problem = entryNameProblem(name);
    if (!problem.isEmpty())
        return WorkspaceResult::failed(problem);
    const QString target = paths::join(folder, requestFileName(name, *style));
    if (QFileInfo::exists(absolutePath(target)))
        return WorkspaceResult::failed(
            QStringLiteral("A %1 request named %2 already exists here").arg(styleName(*style), name));
    QString error;
    const auto bytes = readWholeFile(absolutePath(path), &error);
    if (!bytes || !writeFileAtomically(absolutePath(target), *bytes, &error))
        return WorkspaceResult::failed(error);
    rememberWrite(target, stateOf(absolutePath(target), contentHash(*bytes)));
    return WorkspaceResult::done(target, contentHash(*bytes));
}

WorkspaceResult Workspace::moveRequest(const QString &path, const QString &toFolder) {
    return moveEntry(path, paths::join(toFolder, paths::lastPart(path)), false);
}

WorkspaceResult Workspace::removeRequest(const QString &path) {
    if (!styleOfFileName(path) || !QFile::remove(absolutePath(path)))
        return WorkspaceResult::failed(QStringLiteral("Could not remove %1").arg(path));
    m_openFiles.remove(path);
    const WorkspaceResult order = updateOrder(paths::parentOf(path), paths::lastPart(path), {});
    relist();
    return order ? WorkspaceResult::done(path) : order;
}

} // namespace triptych::workspace
