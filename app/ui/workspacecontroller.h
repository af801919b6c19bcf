#pragma once

#include "app/session/serverstate.h"
#include "app/ui/windowoptions.h"
#include "app/workspace/diagnostic.h"
#include "app/workspace/workspace.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

namespace triptych::workspace {
class SecretStore;
struct WorkspaceChanges;
} // namespace triptych::workspace

namespace triptych::session {
class ActiveEnvironment;
}

namespace triptych::ui {

class CollectionsView;
class EnvironmentBox;
class PaneDocuments;
class PaneRow;
class VariableMarker;

// The window's workspace (docs/app.md, "Workspaces"): File ▸ New, Open, Open recent and the sample workspace, the
// last one reopened at start; the Collections dock; the environment switcher and {{variables}} in the panes;
// Ctrl+P quick open; what happens to the panes' saved requests is PaneDocuments' job.
class WorkspaceController : public QObject {
    Q_OBJECT
public:
    WorkspaceController(PaneRow *panes, const WindowOptions &options, QMainWindow *window);
    ~WorkspaceController() override;

    CollectionsView *collectionsView() const { return m_collections; }
    EnvironmentBox *environmentBox() const { return m_environmentBox; }
    PaneDocuments *documents() const { return m_documents; }
    session::ActiveEnvironment *environment() const { return m_environment; }
    VariableMarker *marker() const { return m_marker; }
    // Edit environments… (Ctrl+Alt+E), for the File menu and the button beside the switcher.
    QAction *editEnvironmentsAction() const { return m_editEnvironments; }
    // Null when no workspace is open.
    workspace::Workspace *workspace() const { return m_workspace; }

    // The workspace entries of the File menu: new, open, recent, sample, close; save, save as, open request, switch
    // environment.
    void addFileActions(QMenu *file);

    // Opens `folder` as the workspace now (the panes go back to scratch work); false, said in a message, when it
    // cannot be read.
    bool openWorkspace(const QString &folder);
    // Makes `folder` a new workspace and opens it.
    bool createWorkspace(const QString &folder);
    void closeWorkspace();
    // The sample, copied first into WindowOptions::sampleFolder when it is not there yet.
    void openSample();
    // At start: the workspace open when the window last closed, with the requests its panes showed.
    void reopenLast();
    void setServer(const session::ServerState &state);

    void chooseWorkspaceToOpen();
    void chooseWorkspaceToCreate();
    void quickOpen();
    void switchEnvironment();
    // The environment editor (environmenteditor.h) for the open workspace.
    void editEnvironments();
    // Asks for the value of a secret variable of the active environment or the workspace, and stores it.
    void enterSecrets();
    void saveFocused();
    void saveFocusedAs();

Q_SIGNALS:
    void message(const QString &text);
    void workspaceOpened(const QString &root);

private:
    void rebuildRecentMenu();
    void onEnvironmentChanged(const QString &name);
    void onValidationFinished(const workspace::Diagnostics &diagnostics);
    void onChangesDetected(const workspace::WorkspaceChanges &changes);
    // Asks before unsaved changes are lost, then opens.
    void openWorkspaceAfterAsking(const QString &folder);

    PaneRow *m_panes;
    QMainWindow *m_window;
    WindowOptions m_options;
    workspace::SecretStore *m_secrets;
    session::ActiveEnvironment *m_environment;
    VariableMarker *m_marker;
    PaneDocuments *m_documents;
    CollectionsView *m_collections;
    EnvironmentBox *m_environmentBox;
    QAction *m_editEnvironments;
    QPointer<workspace::Workspace> m_workspace;
    QMenu *m_recentMenu = nullptr;
    bool m_restoringRequests = false; // reopening what was open: the list stays as it was
};

} // namespace triptych::ui
