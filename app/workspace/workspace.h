#pragma once

#include "app/workspace/diagnostic.h"
#include "app/workspace/environment.h"
#include "app/workspace/requestdocument.h"
#include "app/workspace/workspacelisting.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <atomic>

class QFileSystemWatcher;

namespace triptych::workspace {

// The outcome of one change to the workspace: ok, or a sentence saying what failed and why.
struct WorkspaceResult {
    bool ok = true;
    QString error;
    QString path;          // the entry's path afterwards (a new name, a moved or duplicated file)
    QByteArray hash;       // saves: the content hash of what was written
    bool conflict = false; // saves: the file changed on disk since the caller read it
    explicit operator bool() const { return ok; }

    static WorkspaceResult failed(const QString &error) { return {false, error, {}, {}, false}; }
    static WorkspaceResult done(const QString &path, const QByteArray &hash = {}) {
        return {true, {}, path, hash, false};
    }
};

struct LoadedRequest {
    RequestDocument document;
    QByteArray hash; // of the bytes read: pass it back to save() to detect a conflicting outside change
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

// A workspace is a folder a person picks (docs/workspace.md): collections are sub-folders, each saved request one file
// "<name>.<style>.yaml", environments in environments/, optional workspace.yaml and folder.yaml files for names,
// variables and order. Opening lists names only; files are parsed when loaded or validated, never written unless a
// change is saved. Every write is atomic. Outside changes (git pull, an editor) are found by a rescan, which the
// folder watcher starts by itself; comparing content hashes tells a real change from a touch and a conflict from a
// file the person has not edited. Paths in this API are relative to the root, '/'-separated.
class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    // Makes `folder` (created when missing) a new workspace: workspace.yaml with `name`, environments/ and a
    // .gitignore for what stays on this machine. Refuses a folder that already holds a workspace.yaml.
    static WorkspaceResult create(const QString &folder, const QString &name);

    // While one is alive, each new request file does not list the tree again (an import writes thousands, and a
    // listing reads every folder): the tree is listed once when the outermost one ends.
    class BatchOfWrites {
    public:
        explicit BatchOfWrites(Workspace &workspace)
            : m_workspace(workspace) {
            ++m_workspace.m_batchDepth;
        }
        ~BatchOfWrites();
        BatchOfWrites(const BatchOfWrites &) = delete;
        BatchOfWrites &operator=(const BatchOfWrites &) = delete;

    private:
        Workspace &m_workspace;
    };

    // Lists the folder's tree; false with `error` when it is not a readable folder. Watching starts when asked.
    bool open(const QString &folder, QString *error = nullptr);
    void close();
    bool isOpen() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }
    QString absolutePath(const QString &path) const;

    // The tree: nodes()[0] is the root folder; children are in display order.
    const QList<WorkspaceNode> &nodes() const { return m_listing.nodes; }
    int indexOf(const QString &path) const;
    QStringList requestPaths() const;
    // Problems of the order and settings files found while listing (request files are checked by validate()).
    const Diagnostics &listingDiagnostics() const { return m_listing.diagnostics; }

    LoadedRequest load(const QString &path);
    // Writes `document` to `path` atomically (its name is the file's; renameRequest() changes it). With
    // `expectedHash` (from load() or an earlier save) the save is refused as a conflict when the file on disk has
    // changed since; without, the file is overwritten.
    WorkspaceResult save(const QString &path, const RequestDocument &document, const QByteArray &expectedHash = {});
    // The same off the calling thread: the document is serialized here, the file written on the workspace's writer
    // thread; saveFinished or saveFailed follows. Saves are written in the order they were asked for.
    void saveInBackground(const QString &path, const RequestDocument &document, const QByteArray &expectedHash = {});
    // A new request file in `folder` named after document.name and style; refused when the name is taken.
    WorkspaceResult createRequest(const QString &folder, const RequestDocument &document);
    WorkspaceResult renameRequest(const QString &path, const QString &newName);
    // A copy beside the original, named `newName` or "<name> copy", "<name> copy 2" …
    WorkspaceResult duplicateRequest(const QString &path, const QString &newName = {});
    WorkspaceResult moveRequest(const QString &path, const QString &toFolder);
    WorkspaceResult removeRequest(const QString &path);

    WorkspaceResult createFolder(const QString &parent, const QString &name);
    // Creates `path` and every missing folder above it, listing the tree once (an import makes hundreds).
    WorkspaceResult createFolderPath(const QString &path);
    WorkspaceResult renameFolder(const QString &path, const QString &newName);
    WorkspaceResult moveFolder(const QString &path, const QString &toFolder);
    // Removes the folder and everything in it.
    WorkspaceResult removeFolder(const QString &path);
    // The display order of a folder's entries (folder names and request file names), kept in folder.yaml, or in
    // workspace.yaml for the root.
    WorkspaceResult setOrder(const QString &folder, const QStringList &entries);

    ReadResult<WorkspaceSettings> settings() const;
    WorkspaceResult saveSettings(const WorkspaceSettings &settings);
    QStringList environmentNames() const;
    // Secret variables come back without values: they live in a SecretStore (secretstore.h).
    ReadResult<Environment> loadEnvironment(const QString &name) const;
    // Writes the environment; the values of secret variables are never written to the workspace.
    WorkspaceResult saveEnvironment(const Environment &environment);
    WorkspaceResult removeEnvironment(const QString &name);

    // Reads and checks every request, environment and settings file: the problems of each, while the rest loads.
    // Runs on the calling thread, spread over the cores; validateInBackground() does it off the calling thread.
    Diagnostics validate() const;
    void validateInBackground();

    // Looks for outside changes now and reports them (also through changesDetected when there are any).
    WorkspaceChanges rescan();
    void rescanInBackground();
    // Watch the folders for outside changes (debounced, then a background rescan); files marked open are also
    // watched themselves and always re-hashed, since an in-place rewrite may keep their size and time.
    void setWatching(bool watching);
    void setFileOpen(const QString &path, bool open);

Q_SIGNALS:
    void treeChanged();
    void changesDetected(const triptych::workspace::WorkspaceChanges &changes);
    void saveFinished(const QString &path, const QByteArray &hash);
    void saveFailed(const QString &path, const QString &error, bool conflict);
    void validationFinished(const triptych::workspace::Diagnostics &diagnostics);

private:
    void relist();
    // mkdir of one folder after checking its name; the caller relists.
    WorkspaceResult makeFolder(const QString &parent, const QString &name);
    void setListing(WorkspaceListing listing);
    WorkspaceChanges applyRescan(WorkspaceListing listing, const WorkspaceChanges &found);
    void rememberWrite(const QString &path, const FileState &state);
    static FileState stateOf(const QString &absolutePath, const QByteArray &hash);
    // The conflict check and the atomic write of a save; runs on any thread.
    static WorkspaceResult writeChecked(const QString &root, const QString &path, const QByteArray &bytes,
                                        const QByteArray &expectedHash);
    // Stops early, with what it has, once `generation` moves on from `expected` (the workspace closed).
    static Diagnostics validateFiles(const QString &root, const QStringList &paths,
                                     const std::atomic<quint64> &generation, quint64 expected);
    void onWatcherFired();
    void watchFolders();
    WorkspaceResult moveEntry(const QString &from, const QString &to, bool isFolder);
    WorkspaceResult updateOrder(const QString &folder, const QString &oldEntry, const QString &newEntry);
    QStringList orderOf(const QString &folder) const;
    QString freeCopyName(const QString &folder, const QString &name, RequestStyle style) const;

    QString m_root;
    WorkspaceListing m_listing;
    QHash<QString, int> m_index; // node index by path
    QSet<QString> m_openFiles;
    QThreadPool m_writer;  // one thread: background saves and rescans, in order
    QThreadPool m_readers; // background validation
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer m_debounce;
    std::atomic<quint64> m_generation{0}; // a background result for a workspace closed since is dropped
    int m_batchDepth = 0;                 // BatchOfWrites alive
    bool m_relistAfterBatch = false;
};

} // namespace triptych::workspace

Q_DECLARE_METATYPE(triptych::workspace::WorkspaceChanges)
Q_DECLARE_METATYPE(triptych::workspace::Diagnostics)
