#pragma once

#include <QObject>
#include <QStringList>

class QMainWindow;
class QMenu;

namespace triptych::ui {

class PaneRow;
class WorkspaceController;

// The window's side of app/interop (docs/interop.md): a curl command pasted into the REST URL field becomes the
// request; Request ▸ Copy as curl / grpcurl (Ctrl+Shift+C) puts the focused pane's request, as it would be sent, on
// the clipboard. What an importer could not take is always said, never dropped in silence.
class InteropActions : public QObject {
    Q_OBJECT
public:
    InteropActions(PaneRow *panes, WorkspaceController *workspace, QMainWindow *window);
    void addRequestActions(QMenu *request);

    // The REST pane (or the GraphQL pane, when the importer makes a GraphQL request) becomes the command's request.
    void importCurlCommand(const QString &command);
    // Ctrl+Shift+C: curl for REST and GraphQL over HTTP, grpcurl for gRPC; false, said in a message, when the pane's
    // request cannot be sent as it stands (an undefined variable) or has no command form (GraphQL over WebSocket).
    bool copyFocusedAsCommand();
Q_SIGNALS:
    // For the status line.
    void message(const QString &text);

private:
    void showFindings(bool failed, const QString &text, const QStringList &findings);

    PaneRow *m_panes;
    WorkspaceController *m_workspace;
    QMainWindow *m_window;
};

} // namespace triptych::ui
