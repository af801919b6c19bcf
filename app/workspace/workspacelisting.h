#pragma once

#include "app/workspace/diagnostic.h"
#include "app/workspace/requestdocument.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Listing a workspace folder without opening its request files: the tree comes from names alone (a request's name
// and style are in its file name), so 10,000 requests list in milliseconds; files are read when opened or validated.
namespace triptych::workspace {

namespace workspacefiles {
inline constexpr auto kSettings = u"workspace.yaml";   // at the root: name, variables, order of the root
inline constexpr auto kFolderOrder = u"folder.yaml";   // in a collection folder: the order of its entries
inline constexpr auto kEnvironments = u"environments"; // at the root: <name>.yaml per environment
inline constexpr auto kLocalState = u".triptych";      // at the root: this machine's state, ignored by git
} // namespace workspacefiles

// One folder or request of the tree. Paths are relative to the workspace root with '/' separators ("" is the root);
// a request's path is its file's ("Orders/A user's orders.rest.yaml").
struct WorkspaceNode {
    enum class Kind { Folder, Request };
    Kind kind = Kind::Folder;
    QString name; // a folder's name, or a request's file name without ".<style>.yaml"
    QString path;
    RequestStyle style = RequestStyle::Rest; // requests only
    int parent = -1;
    QList<int> children; // display order: the folder's order file first, then folders, then requests, by name
};

// What the workspace last knew of a file on disk; the hash is known once the file was read or written.
struct FileState {
    qint64 size = -1;
    qint64 modifiedMs = 0;
    QByteArray hash;
    bool sameStat(const FileState &other) const { return size == other.size && modifiedMs == other.modifiedMs; }
};
using FileStates = QHash<QString, FileState>;

struct WorkspaceListing {
    QList<WorkspaceNode> nodes; // nodes[0] is the root
    FileStates files;           // every request, environment and settings file, by relative path
    Diagnostics diagnostics;    // order files that could not be read
};

WorkspaceListing listWorkspace(const QString &root);

// Files added, removed or changed on disk since the states known before. A file whose size or modification time moved
// is read and hashed; when its hash is the one known before it was only touched and is not reported.
struct WorkspaceChanges {
    QStringList added;
    QStringList removed;
    QStringList changed;
    QHash<QString, QByteArray> hashes; // the new content hash of every added and changed file
    bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
};

// Compares `after` (a fresh listing's files) with `before`, hashing what moved and every path in `alwaysHash` (files
// open in an editor, whose in-place rewrites may keep size and time); fills in the hashes of `after`.
WorkspaceChanges compareFiles(const QString &root, const FileStates &before, FileStates &after,
                              const QSet<QString> &alwaysHash = {});

} // namespace triptych::workspace
