#pragma once

#include "app/client/callrecord.h"
#include "app/ui/serverhost.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QComboBox;
class QSplitter;
class QTableView;

namespace triptych::model {
class HistoryModel;
}

namespace triptych::ui {

class ComposerPane;
class GraphQLPane;
class GrpcPane;
class RestPane;
class StatusLine;

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

    // Puts the same question into all three panes (API-CONTRACT.md's comparison presets).
    void applyQuestion(int index);
    void sendAll();
    void resendSelected();
    void toggleMaximised(ComposerPane *pane);
    // The benchmark dialog for a preset or the focused pane's last call.
    void openBenchmark();

Q_SIGNALS:
    // All panes that were sent by sendAll() have an answer.
    void sendAllFinished();

private:
    void createMenus();
    void createToolBar();
    QWidget *createHistory();
    ComposerPane *focusedPane() const;
    ComposerPane *paneFor(client::CallKind kind) const;
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
};

} // namespace triptych::ui
