// How the window reaches the Runner dock: the Run menu, the Collections tree and the panes (docs/checks.md).
#include "app/session/activeenvironment.h"
#include "app/ui/collectionsview.h"
#include "app/ui/panedocuments.h"
#include "app/ui/panerow.h"
#include "app/ui/runnerdock.h"
#include "app/ui/workspacecontroller.h"
#include "app/workspace/workspace.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

namespace triptych::ui {

namespace {
constexpr int kMessageMs = 5'000;

// Asks which folder to run, without a nested event loop.
void askFolder(QMainWindow *window, WorkspaceController *controller, std::function<void(const QString &)> run) {
    const workspace::Workspace *workspace = controller->workspace();
    if (!workspace) {
        window->statusBar()->showMessage(QObject::tr("Open a workspace first: File ▸ Open workspace…"), kMessageMs);
        return;
    }
    const QString whole = QObject::tr("(the whole workspace)");
    QStringList folders{whole};
    for (const auto &node : workspace->nodes()) {
        if (node.kind == workspace::WorkspaceNode::Kind::Folder && !node.path.isEmpty())
            folders.append(node.path);
    }
    auto *dialog = new QInputDialog(window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("Run folder"));
    dialog->setLabelText(QObject::tr("Run every saved request of:"));
    dialog->setComboBoxItems(folders);
    QObject::connect(dialog, &QInputDialog::textValueSelected, window,
                     [run, whole](const QString &folder) { run(folder == whole ? QString() : folder); });
    dialog->open();
}
} // namespace

RunnerDock *installRunner(QMainWindow *window, WorkspaceController *controller, PaneRow *panes) {
    auto *runner = new RunnerDock(window);
    auto *dock = new QDockWidget(QObject::tr("Runner"), window);
    dock->setObjectName(QStringLiteral("runner"));
    dock->setWidget(runner);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide(); // a run shows it
    const auto run = [window, controller, runner, dock](const QString &folder) {
        dock->show();
        dock->raise();
        if (!runner->runFolder(controller->workspace(), folder, controller->environment()->resolver()) &&
            runner->isRunning())
            window->statusBar()->showMessage(QObject::tr("A run is under way: stop it first"), kMessageMs);
    };
    auto *menu = new QMenu(QObject::tr("R&un"), window->menuBar());
    menu->addAction(QObject::tr("Run &folder…"), window,
                    [window, controller, run] { askFolder(window, controller, run); });
    menu->addAction(QObject::tr("Re-run &failed"), runner, &RunnerDock::rerunFailed);
    menu->addAction(QObject::tr("&Stop run"), runner, &RunnerDock::stop);
    menu->addSeparator();
    menu->addAction(dock->toggleViewAction());
    // Before Help, where a menu bar ends.
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
    QObject::connect(controller->collectionsView(), &CollectionsView::runRequested, window, run);
    QObject::connect(runner, &RunnerDock::resultActivated, window,
                     [controller, panes](const QString &path, const client::CallRecord &record) {
                         controller->documents()->openRequest(path);
                         panes->showRecord(record);
                     });
    QObject::connect(runner, &RunnerDock::message, window,
                     [window](const QString &text) { window->statusBar()->showMessage(text, kMessageMs); });
    return runner;
}

} // namespace triptych::ui
