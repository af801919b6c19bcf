#pragma once

#include "app/client/callrecord.h"
#include "app/ui/serverhost.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QSet>

class QAction;
class QComboBox;
class QSplitter;
class QTableView;

namespace triptych::model {
class ComparisonModel;
class HistoryModel;
} // namespace triptych::model

namespace triptych::ui {

class ComparisonRunner;
class ComparisonStrip;
class ComposerPane;
class GraphQLPane;
class GrpcPane;
class RestPane;
class StatusLine;
class TraceView;

// The window of UX.md: three composers side by side, the history on the left, the embedded server's status line
// at the bottom; every action in a menu with its shortcut.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ServerHost *server, QWidget *parent = nullptr);

    RestPane *restPane() const { return m_rest; }
    GraphQLPane *graphqlPane() const { return m_graphql; }
    GrpcPane *grpcPane() const { return m_grpc; }
    model::HistoryModel *historyModel() const { return m_history; }
    QTableView *historyView() const { return m_historyView; }
    StatusLine *statusLine() const { return m_statusLine; }
    model::ComparisonModel *comparisonModel() const { return m_comparison; }
    ComparisonStrip *comparisonStrip() const { return m_strip; }
    TraceView *traceView() const { return m_trace; }

    // Puts the same question into all three panes (API-CONTRACT.md's comparison presets, comparisonquestions.h).
    void applyQuestion(int index);
    // What the picker and Alt+1 … Alt+5 do: apply the question and send it in all three.
    void askQuestion(int index);
    // Sends all three panes; for a question that needs the other DataLoader setting, restarts the server first.
    void sendAll();
    // Writes the trace shown in the trace dock as OTLP/JSON (File ▸ Export trace…).
    bool exportTrace(const QString &path, QString *error) const;
    void resendSelected();
    void toggleMaximised(ComposerPane *pane);
    // The benchmark dialog for a preset or the focused pane's last call.
    void openBenchmark();

Q_SIGNALS:
    // All panes that were sent by sendAll() have an answer.
    void sendAllFinished();
    // Every call of the comparison has an answer, N+1 follow-ups included.
    void comparisonFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createToolBar();
    QWidget *createHistory();
    void createComparisonAndTraceDocks();
    void restoreViewState();
    void saveViewState() const;
    void sendAllNow();
    void onComparisonCall(const client::CallRecord &record);
    void finishComparisonStyle(client::CallKind kind);
    void watchStreamMessages(ComposerPane *pane);
    void showTraceOf(ComposerPane *pane);
    void onExportTrace();
    ComposerPane *focusedPane() const;
    ComposerPane *paneFor(client::CallKind kind) const;
    client::CallKind paneKind(const ComposerPane *pane) const;
    void onServerStateChanged(const ServerState &state);
    void onCallCompleted(const client::CallRecord &record);
    void onHistorySelected();
    void onSendFocused();
    void onCancelFocused();
    void onServerOptions();

    ServerHost *m_server;
    RestPane *m_rest;
    GraphQLPane *m_graphql;
    GrpcPane *m_grpc;
    QList<ComposerPane *> m_panes;
    QSplitter *m_paneSplitter;
    QComboBox *m_questions;
    model::HistoryModel *m_history;
    QTableView *m_historyView;
    StatusLine *m_statusLine;
    ComposerPane *m_lastPane = nullptr;
    ComposerPane *m_maximised = nullptr;
    int m_sendAllPending = 0;
    model::ComparisonModel *m_comparison;
    ComparisonStrip *m_strip;
    ComparisonRunner *m_runner;
    TraceView *m_trace;
    int m_question = -1;                // the question the panes hold, -1 once one is sent on its own
    bool m_sendAfterRestart = false;    // sendAll() waits for the server's restart with another DataLoader
    QSet<client::CallKind> m_comparing; // styles of the running comparison still without an answer
    QHash<ComposerPane *, client::CallRecord> m_lastCalls; // for the trace dock
};

} // namespace triptych::ui
