#pragma once

#include "app/client/callrecord.h"
#include "app/session/serverstate.h"
#include "app/ui/comparisonstrip.h"
#include "app/ui/historyview.h"
#include "app/ui/panerow.h"
#include "app/ui/windowoptions.h"

#include <QMainWindow>

namespace triptych::model {
class ComparisonModel;
class HistoryModel;
} // namespace triptych::model

namespace triptych::session {
class ComparisonSession;
class HistoryRecorder;
class ServerHost;
} // namespace triptych::session

namespace triptych::ui {

class CompareToolBar;
class ComposerPane;
class HistorySearchView;
class StatusLine;
class TraceView;
class WorkspaceController;

// The window of docs/app.md: the three composers side by side, the history on the left, the comparison strip and
// the trace below, the embedded server's status line at the bottom; every action in a menu with its shortcut.
// "Ask all three" is the ComparisonSession's, served by the panes.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(session::ServerHost *server, QWidget *parent = nullptr);
    // `options`: where the history, secrets and sample live (windowoptions.h); the other constructor uses defaults.
    MainWindow(session::ServerHost *server, const WindowOptions &options, QWidget *parent = nullptr);

    RestPane *restPane() const { return m_panes->restPane(); }
    GraphQLPane *graphqlPane() const { return m_panes->graphqlPane(); }
    GrpcPane *grpcPane() const { return m_panes->grpcPane(); }
    model::HistoryModel *historyModel() const { return m_history->historyModel(); }
    HistoryView *historyView() const { return m_history; }
    StatusLine *statusLine() const { return m_statusLine; }
    model::ComparisonModel *comparisonModel() const { return m_strip->model(); }
    ComparisonStrip *comparisonStrip() const { return m_strip; }
    TraceView *traceView() const { return m_trace; }
    session::ComparisonSession *session() const { return m_session; }
    WorkspaceController *workspaceController() const { return m_workspace; }
    session::HistoryRecorder *historyRecorder() const { return m_recorder; }
    // The History dock's "All calls" tab: the persistent history by day, searchable.
    HistorySearchView *historySearchView() const { return m_historySearch; }

    // Puts the picker's question `index` (Alt+1 is 0) into all three panes.
    void applyQuestion(int index);
    // What the picker and Alt+1 … do: apply the question and send it in all three.
    void askQuestion(int index);
    void resendSelected();
    // The benchmark dialog for a preset or the focused pane's last call.
    void openBenchmark();
    // Esc: stops a running comparison as a whole, else the focused pane's call.
    void cancelCalls();
    // Ctrl++ / Ctrl+- / Ctrl+0: the whole window's text in steps of 10 %, kept for the next start.
    void zoomBy(int steps);
    void resetZoom() { zoomBy(-m_zoomSteps); }
    int zoomSteps() const { return m_zoomSteps; }
    // "Save to collection": the selected history call as a new saved request (Save as… asks its name and folder).
    void saveSelectedCallToCollection();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createMenus();
    void createViewMenu();
    void connectHistory();
    void applyZoom();
    // Never wider or taller than the screen it is on: the window manager would show it cut off.
    void fitToScreen();
    void createDocks();
    void sizeBottomDocks();
    void createHistorySearch();
    void restoreViewState();
    void saveViewState() const;
    void onServerStateChanged(const session::ServerState &state);
    void onSendFocused();
    void onServerOptions();
    void onHistoryRestored(const QList<client::CallRecord> &records);

    session::ServerHost *m_server;
    session::ComparisonSession *m_session;
    PaneRow *m_panes;
    CompareToolBar *m_toolbar;
    HistoryView *m_history;
    StatusLine *m_statusLine;
    ComparisonStrip *m_strip;
    TraceView *m_trace;
    QFont m_baseFont; // the font before zoom
    int m_zoomSteps = 0;
    session::HistoryRecorder *m_recorder = nullptr;
    WorkspaceController *m_workspace = nullptr;
    HistorySearchView *m_historySearch = nullptr;
};

} // namespace triptych::ui
