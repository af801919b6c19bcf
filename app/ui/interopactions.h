#pragma once

#include "app/interop/workspaceimport.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>

class QMainWindow;
class QMenu;
class QProgressDialog;
class QThread;

namespace triptych::ui {

class PaneRow;
class WorkspaceController;

// The window's side of app/interop (docs/interop.md): a curl command pasted into the REST URL field becomes the
// request; Request ▸ Copy as curl / grpcurl (Ctrl+Shift+C) puts the focused pane's request, as it would be sent, on
// the clipboard; File ▸ Import… reads a file on a worker thread into a new collection folder and says what came in
// and what was skipped. What an importer could not take is always said, never dropped in silence.
class InteropActions : public QObject {
    Q_OBJECT
public:
    InteropActions(PaneRow *panes, WorkspaceController *workspace, QMainWindow *window);
    ~InteropActions() override;

    void addFileActions(QMenu *file);
    void addRequestActions(QMenu *request);

    // The REST pane (or the GraphQL pane, when the importer makes a GraphQL request) becomes the command's request.
    void importCurlCommand(const QString &command);
    // Ctrl+Shift+C: curl for REST and GraphQL over HTTP, grpcurl for gRPC; false, said in a message, when the pane's
    // request cannot be sent as it stands (an undefined variable) or has no command form (GraphQL over WebSocket).
    bool copyFocusedAsCommand();
    // File ▸ Import…: asks for a workspace first when none is open, then for the file.
    void chooseFileToImport();
    // File ▸ Import from URL…: an OpenAPI document a server publishes (or any file the importers read) by its URL.
    void chooseUrlToImport();
    // Imports `file` (a path or an http(s) URL) into the open workspace off the GUI thread, with its progress and a
    // Cancel button, then shows the summary.
    void importFile(const QString &file);
    bool isImporting() const { return m_thread != nullptr; }

Q_SIGNALS:
    // For the status line.
    void message(const QString &text);
    void importFinished(const triptych::interop::ImportSummary &summary);

private:
    void onImportFinished(const interop::ImportSummary &summary);
    void showSummary(const interop::ImportSummary &summary);
    void showFindings(bool failed, const QString &text, const QStringList &findings);
    void askForWorkspace();

    PaneRow *m_panes;
    WorkspaceController *m_workspace;
    QMainWindow *m_window;
    QThread *m_thread = nullptr;
    QPointer<QProgressDialog> m_busy;
    std::shared_ptr<std::atomic_bool> m_cancel; // the running import's
};

} // namespace triptych::ui
