#pragma once

#include "app/client/callrecord.h"
#include "app/session/runresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace triptych::workspace {
class VariableResolver;
class Workspace;
} // namespace triptych::workspace

namespace triptych::session {
class FolderRun;
}

class QMainWindow;

namespace triptych::ui {

class PaneRow;
class WorkspaceController;

// The Runner dock (docs/checks.md, "Runner in the window"): runs a folder of saved requests with the loop of
// `triptych-cli run` (session::FolderRun, on a thread of its own: judging a big answer never blocks the window) and
// lists each request and each of its checks as they finish, with the totals and the time so far; Stop, Re-run
// failed, and a double-click that opens a request's answer in its pane.
class RunnerDock : public QWidget {
    Q_OBJECT
public:
    explicit RunnerDock(QWidget *parent = nullptr);
    ~RunnerDock() override;

    // Every saved request in and below `folder` (empty: the whole workspace), with the variables of `resolver`.
    bool runFolder(workspace::Workspace *workspace, const QString &folder, const workspace::VariableResolver &resolver);
    // These requests of the last run's workspace, in this order.
    void runPaths(const QStringList &paths);
    void rerunFailed();
    void stop();

    bool isRunning() const { return m_run != nullptr; }
    QTreeWidget *tree() const { return m_tree; }
    QString totalsText() const;
    QStringList failedPaths() const;
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *rerunButton() const { return m_rerun; }

Q_SIGNALS:
    void runFinished();
    // A request's answer to show in its style's pane.
    void resultActivated(const QString &path, const triptych::client::CallRecord &record);
    void message(const QString &text);

private:
    void onRequestStarted(const QString &path);
    void onRequestFinished(const session::RunRequestResult &result, const client::CallRecord &record);
    void onRunFinished();
    void onItemActivated(QTreeWidgetItem *item);
    void updateTotals();

    QLabel *m_title;
    QLabel *m_totals;
    QPushButton *m_stop;
    QPushButton *m_rerun;
    QTreeWidget *m_tree;
    QPointer<workspace::Workspace> m_workspace;
    std::unique_ptr<workspace::VariableResolver> m_resolver;
    session::FolderRun *m_run = nullptr;
    QTreeWidgetItem *m_current = nullptr; // the request under way
    QList<session::RunRequestResult> m_results;
    QHash<QTreeWidgetItem *, client::CallRecord> m_records;
    QElapsedTimer m_clock;
    QTimer m_tick;    // the elapsed time while a run goes
    QThread m_thread; // where runs live, started with the first
    bool m_stopping = false;
};

// The Runner dock in `window` (hidden until a run starts), the Run menu (Run folder…, Re-run failed, Stop) and the
// Collections tree's "Run folder"; a double-clicked result opens its request and shows its answer in its pane.
RunnerDock *installRunner(QMainWindow *window, WorkspaceController *workspace, PaneRow *panes);

} // namespace triptych::ui
