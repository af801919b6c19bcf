#pragma once

#include "app/client/callrecord.h"
#include "app/workspace/workspace.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace triptych::ui {

class ComposerPane;
class PaneFile;
class PaneRow;

// The saved requests open in the three panes (docs/app.md, "Workspaces"): opening one into its style's pane, Ctrl+S
// and Save as…, the ● of unsaved changes, following the files on disk — a changed file reloads into a pane without
// unsaved changes, and with them the person is asked, never overwritten silently — and the question before unsaved
// changes would be lost. Saves run off the GUI thread (Workspace::saveInBackground).
class PaneDocuments : public QObject {
    Q_OBJECT
public:
    PaneDocuments(PaneRow *panes, QWidget *window);

    // Null: no workspace; the panes go back to scratch work.
    void setWorkspace(workspace::Workspace *workspace);
    PaneFile *fileOf(const ComposerPane *pane) const;
    // The pane file showing `path`; null when no pane does.
    PaneFile *fileShowing(const QString &path) const;
    // The names of the requests with unsaved changes.
    QStringList unsavedNames() const;
    // The saved requests the panes show, by path.
    QStringList openPaths() const;

    void openRequest(const QString &path);
    void save(ComposerPane *pane);
    void saveAs(ComposerPane *pane);
    // A call from the history as a new request in its style's pane, then Save as….
    void saveCallToCollection(const client::CallRecord &record);

    // Runs `proceed` at once when no pane has unsaved changes; else asks whether to discard them first.
    void confirmDiscard(const QString &action, std::function<void()> proceed);
    // The window may close: true at once when nothing is unsaved. Otherwise asks — save them, discard them or
    // cancel — returns false, and calls `close` once saved or discarded.
    bool readyToClose(std::function<void()> close);

    // What the Collections tree did to files the panes may show.
    void onPathChanged(const QString &from, const QString &to);
    void onPathRemoved(const QString &path);

Q_SIGNALS:
    void message(const QString &text);
    void saveFinished(const QString &path);
    // A pane shows another file now (opened, saved as, renamed, moved, deleted).
    void openPathsChanged();

private:
    struct PendingSave {
        PaneFile *file = nullptr;
        workspace::RequestDocument document;
    };
    void onSaveFinished(const QString &path, const QByteArray &hash);
    void onSaveFailed(const QString &path, const QString &error, bool conflict);
    void onChangesDetected(const workspace::WorkspaceChanges &changes);
    void startSave(PaneFile *file, const QString &path, const workspace::RequestDocument &document,
                   const QByteArray &expectedHash);
    // Loads the file again into its pane; false with a message when it cannot be read.
    bool reload(PaneFile *file);
    void askAboutOutsideChange(PaneFile *file, const QByteArray &hash);
    void askAboutConflict(const QString &path, const PendingSave &save);
    void openInto(PaneFile *file, const QString &path);
    void markOpen(const QString &path, bool open);
    QStringList folders() const;
    void finishCloseSave(bool ok);

    PaneRow *m_panes;
    QWidget *m_window;
    QList<PaneFile *> m_files;
    QPointer<workspace::Workspace> m_workspace;
    QHash<QString, PendingSave> m_saving; // by path
    QSet<QString> m_asking;               // files a question is open about
    std::function<void()> m_closeAfterSaves;
    int m_closeSaves = 0; // saves still running before the window closes
    bool m_closeApproved = false;
};

} // namespace triptych::ui
