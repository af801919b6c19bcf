#include "app/ui/mainwindow.h"

#include "app/model/historymodel.h"
#include "app/session/benchmarkcalls.h"
#include "app/session/buildinfo.h"
#include "app/session/comparisonsession.h"
#include "app/session/historyrecorder.h"
#include "app/session/questioncatalog.h"
#include "app/session/serverhost.h"
#include "app/ui/aboutdialog.h"
#include "app/ui/benchmarkdialog.h"
#include "app/ui/checkstab.h"
#include "app/ui/collectionsview.h"
#include "app/ui/comparetoolbar.h"
#include "app/ui/comparisonstrip.h"
#include "app/ui/cookiescontroller.h"
#include "app/ui/diffdialog.h"
#include "app/ui/editorassist.h"
#include "app/ui/environmentbox.h"
#include "app/ui/findbar.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/historylimitsdialog.h"
#include "app/ui/historysearchview.h"
#include "app/ui/historyview.h"
#include "app/ui/interopactions.h"
#include "app/ui/panedocuments.h"
#include "app/ui/panerow.h"
#include "app/ui/panesender.h"
#include "app/ui/presentermode.h"
#include "app/ui/responselimitsetting.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/ui/runnerdock.h"
#include "app/ui/schemaexplorer.h"
#include "app/ui/serverdialog.h"
#include "app/ui/statusline.h"
#include "app/ui/themecontroller.h"
#include "app/ui/traceview.h"
#include "app/ui/workspacecontroller.h"
#include "app/workspace/historystore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QWindow>

#include <algorithm>

namespace triptych::ui {

namespace {
constexpr auto kStateKey = "mainWindow/state";
// The docks whose visibility is kept as "view/<name>Visible".
constexpr const char *kRememberedDocks[] = {"comparison", "trace"};
constexpr auto kZoomKey = "view/zoomSteps";
constexpr int kMessageMs = 3000;
constexpr int kExportMessageMs = 8000;
constexpr int kMinZoomSteps = -5;
constexpr int kMaxZoomSteps = 10;
constexpr double kZoomStep = 0.1; // of the base font size
constexpr int kMinTraceHeightPx = 120;
constexpr int kRestoredCalls = 200; // the newest calls of the persistent history shown at start
} // namespace

MainWindow::MainWindow(session::ServerHost *server, QWidget *parent)
    : MainWindow(server, WindowOptions{}, parent) {}

MainWindow::MainWindow(session::ServerHost *server, const WindowOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_server(server)
    , m_session(new session::ComparisonSession(server, this))
    , m_panes(new PaneRow(this))
    , m_toolbar(new CompareToolBar(this))
    , m_history(new HistoryView(this))
    , m_statusLine(new StatusLine(this))
    , m_strip(new ComparisonStrip(this))
    , m_trace(new TraceView(this)) {
    setWindowTitle(tr("Triptych"));
    setCentralWidget(m_panes);
    m_recorder = new session::HistoryRecorder(options.historyDatabase, this);
    m_workspace = new WorkspaceController(m_panes, options, this);
    connect(m_workspace, &WorkspaceController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kExportMessageMs); });
    auto *cookies = new CookiesController(m_workspace, m_panes, this);
    connect(cookies, &CookiesController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kExportMessageMs); });
    connect(m_session, &session::ComparisonSession::followUpFinished, m_recorder, &session::HistoryRecorder::record);
    connect(m_session, &session::ComparisonSession::eventWriteFinished, m_recorder, &session::HistoryRecorder::record);
    connect(m_recorder, &session::HistoryRecorder::restoreFinished, this, &MainWindow::onHistoryRestored);
    for (auto *pane : m_panes->panes()) {
        connect(pane, &ComposerPane::callCompleted, m_recorder, &session::HistoryRecorder::record);
        m_session->setSender(new PaneSender(pane));
    }
    m_strip->follow(m_session);
    connectHistory();
    connect(m_panes, &PaneRow::currentCallChanged, m_trace, &TraceView::showRecord);
    connect(m_trace, &TraceView::exportFinished, this,
            [this](const QString &message) { statusBar()->showMessage(message, kExportMessageMs); });
    statusBar()->addWidget(m_statusLine, 1);
    connect(m_statusLine, &StatusLine::copyFinished, this,
            [this](const QString &value) { statusBar()->showMessage(tr("Copied %1").arg(value), kMessageMs); });
    addToolBar(m_toolbar);
    connect(m_toolbar, &CompareToolBar::questionChosen, this, &MainWindow::askQuestion);
    connect(m_toolbar, &CompareToolBar::sendAllClicked, m_session, &session::ComparisonSession::sendAll);
    connect(m_toolbar, &CompareToolBar::benchmarkClicked, this, &MainWindow::openBenchmark);
    auto *environmentBar = addToolBar(tr("Environment"));
    environmentBar->setObjectName(QStringLiteral("environment"));
    environmentBar->addWidget(new QLabel(tr(" Environment "), environmentBar));
    environmentBar->addWidget(m_workspace->environmentBox());
    environmentBar->addAction(m_workspace->editEnvironmentsAction());
    createDocks();
    createHistorySearch();
    createMenus();
    installRunner(this, m_workspace, m_panes); // Run ▸ Run folder… and the Runner dock (docs/checks.md)
    // The Lessons dock, View ▸ Presenter (F5) and the lesson handout (docs/lessons.md).
    installLessons(this, m_server);
    sizeBottomDocks();
    restoreViewState();
    m_baseFont = font();
    m_zoomSteps = std::clamp(QSettings().value(QLatin1String(kZoomKey), 0).toInt(), kMinZoomSteps, kMaxZoomSteps);
    applyZoom();
    connect(m_server, &session::ServerHost::stateChanged, this, &MainWindow::onServerStateChanged);
    onServerStateChanged(m_server->state());
    m_recorder->restore(kRestoredCalls);
    // After the first paint: reading the folder never delays the window.
    QTimer::singleShot(0, m_workspace, &WorkspaceController::reopenLast);
}

void MainWindow::connectHistory() {
    // A comparison's calls (the panes', the follow-ups, the event writes, the cancelled ones) go under one entry;
    // the session reports a pane's call before the pane's own signal below, which then finds it filed.
    connect(m_session, &session::ComparisonSession::comparisonStarted, this, [this] {
        const auto &question = m_session->question();
        m_history->beginGroup(question ? tr("Ask all three: %1").arg(question->title) : tr("Send all: your own calls"),
                              question ? question->id : QString());
    });
    connect(m_session, &session::ComparisonSession::callFinished, m_history, &HistoryView::appendToGroup);
    connect(m_session, &session::ComparisonSession::followUpFinished, m_history, &HistoryView::appendToGroup);
    connect(m_session, &session::ComparisonSession::eventWriteFinished, m_history, &HistoryView::appendToGroup);
    for (auto *pane : m_panes->panes())
        connect(pane, &ComposerPane::callCompleted, m_history, &HistoryView::append);
    connect(m_history, &HistoryView::recordSelected, m_panes, &PaneRow::showRecord);
    connect(m_history, &HistoryView::recordSelected, m_trace, &TraceView::showRecord);
    connect(m_history, &HistoryView::resendRequested, this, &MainWindow::resendSelected);
    connect(m_history, &HistoryView::askAgainRequested, this, [this](const QString &key) {
        const auto questions = session::QuestionCatalog::builtIn().askAll();
        for (int i = 0; i < questions.size(); ++i) {
            if (questions.at(i).id == key)
                return askQuestion(i);
        }
        m_session->clearQuestion();
        m_session->sendAll();
    });
    connect(m_history, &HistoryView::copyFinished, this,
            [this](const QString &what) { statusBar()->showMessage(tr("Copied %1").arg(what), kMessageMs); });
    connect(m_history, &HistoryView::compareRequested, this,
            [this](const client::CallRecord &left, const client::CallRecord &right) {
                DiffDialog::openFor(left, right, this);
            });
    for (auto *pane : m_panes->panes())
        connect(pane->checksTab(), &ChecksTab::compareRequested, this,
                [this](const QString &check, const QString &expected, const QString &actual) {
                    DiffDialog::openFor(check, expected, actual, this);
                });
}

void MainWindow::createDocks() {
    const auto addDock = [this](const QString &title, const char *name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(QString::fromLatin1(name));
        if (widget == m_strip) {
            // A long notice scrolls inside the dock instead of making the window taller than the screen.
            auto *scroller = new QScrollArea(dock);
            scroller->setWidget(widget);
            scroller->setWidgetResizable(true);
            scroller->setFrameShape(QFrame::NoFrame);
            scroller->setFocusPolicy(Qt::NoFocus);
            widget = scroller;
        }
        dock->setWidget(widget);
        addDockWidget(area, dock);
        return dock;
    };
    auto *collections =
        addDock(tr("Collections"), "collections", m_workspace->collectionsView(), Qt::LeftDockWidgetArea);
    auto *history = addDock(tr("History"), "history", m_history, Qt::LeftDockWidgetArea);
    splitDockWidget(collections, history, Qt::Vertical);
    auto *comparison = addDock(tr("Comparison"), "comparison", m_strip, Qt::BottomDockWidgetArea);
    auto *trace = addDock(tr("Trace"), "trace", m_trace, Qt::BottomDockWidgetArea);
    splitDockWidget(comparison, trace, Qt::Vertical);
    // The GraphQL pane's schema as a docs browser (docs/editor.md); a click on a field inserts it into the query.
    auto *explorer = new SchemaExplorer(this);
    auto *schemaDock = addDock(tr("GraphQL schema"), "graphqlSchema", explorer, Qt::RightDockWidgetArea);
    schemaDock->hide(); // View ▸ GraphQL schema opens it
    connect(graphqlPane(), &GraphQLPane::schemaFinished, explorer,
            [this, explorer] { explorer->setSchema(graphqlPane()->assist()->schema()); });
    connect(explorer, &SchemaExplorer::fieldInsertRequested, graphqlPane(), &GraphQLPane::insertField);
    // Only a person's choice is remembered: a dock also turns invisible when the window closes.
    for (auto *dock : {comparison, trace})
        connect(dock->toggleViewAction(), &QAction::triggered, this, &MainWindow::saveViewState);
}

void MainWindow::sizeBottomDocks() {
    // The strip's table whole; the trace what a small screen can spare, so the panes keep half of it. After every
    // dock is in place: tabbing one with the trace (the lessons) lays the area out again.
    auto *comparison = findChild<QDockWidget *>(QStringLiteral("comparison"));
    auto *trace = findChild<QDockWidget *>(QStringLiteral("trace"));
    const int screenHeight = screen() ? screen()->availableGeometry().height() : 1000;
    const int traceHeight = std::min(m_trace->sizeHint().height(), std::max(kMinTraceHeightPx, screenHeight / 5));
    resizeDocks({comparison, trace}, {m_strip->sizeHint().height(), traceHeight}, Qt::Vertical);
}

void MainWindow::createHistorySearch() {
    // The person's limits before the first call is written: the store prunes with them after every write.
    m_recorder->store()->setLimits(HistoryLimitsDialog::savedLimits());
    m_historySearch = new HistorySearchView(m_recorder->store(), this);
    auto *dock = new QDockWidget(tr("All calls"), this);
    dock->setObjectName(QStringLiteral("allCalls"));
    dock->setWidget(m_historySearch);
    auto *history = findChild<QDockWidget *>(QStringLiteral("history"));
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    tabifyDockWidget(history, dock);
    history->raise();
    connect(m_historySearch, &HistorySearchView::callSelected, this, [this](const workspace::HistoryEntry &entry) {
        const client::CallRecord record = session::HistoryRecorder::toCallRecord(entry);
        m_panes->showRecord(record);
        m_trace->showRecord(record);
    });
    connect(m_historySearch, &HistorySearchView::saveToCollectionRequested, this,
            [this](const workspace::HistoryEntry &entry) {
                m_workspace->documents()->saveCallToCollection(session::HistoryRecorder::toCallRecord(entry));
            });
}

void MainWindow::restoreViewState() {
    QSettings settings;
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    for (const char *name : kRememberedDocks) {
        const QString dock = QString::fromLatin1(name);
        findChild<QDockWidget *>(dock)->setVisible(
            settings.value(QStringLiteral("view/%1Visible").arg(dock), true).toBool());
    }
}

void MainWindow::saveViewState() const {
    QSettings settings;
    settings.setValue(QLatin1String(kStateKey), saveState());
    for (const char *name : kRememberedDocks) {
        const QString dock = QString::fromLatin1(name);
        settings.setValue(QStringLiteral("view/%1Visible").arg(dock),
                          findChild<QDockWidget *>(dock)->toggleViewAction()->isChecked());
    }
}

void MainWindow::closeEvent(QCloseEvent *event) {
    // Unsaved requests: the person is asked first, and the window closes itself once they have answered.
    if (!m_workspace->documents()->readyToClose([this] { close(); })) {
        event->ignore();
        return;
    }
    saveViewState();
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus() {
    // Import and export (docs/interop.md): a pasted curl command, File ▸ Import…, Copy as curl / grpcurl.
    auto *interop = new InteropActions(m_panes, m_workspace, this);
    connect(interop, &InteropActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kExportMessageMs); });
    auto *file = menuBar()->addMenu(tr("&File"));
    m_workspace->addFileActions(file);
    interop->addFileActions(file);
    file->addAction(tr("Save selected &call to collection…"), this, &MainWindow::saveSelectedCallToCollection);
    file->addSeparator();
    file->addAction(tr("&Export trace…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), m_trace,
                    &TraceView::exportWithDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    auto *request = menuBar()->addMenu(tr("&Request"));
    auto *send = request->addAction(tr("&Send in focused pane"), this, &MainWindow::onSendFocused);
    send->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    auto *sendAllAction = request->addAction(tr("Send &all three"), m_session, &session::ComparisonSession::sendAll);
    sendAllAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    request->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), this, &MainWindow::cancelCalls);
    // In the menu rather than a shortcut inside each view, so it is listed with its keys (issue #9).
    request->addAction(tr("&Find in response body"), QKeySequence::Find, this,
                       [this] { m_panes->focusedPane()->responseView()->findBar()->open(); });
    interop->addRequestActions(request);
    request->addSeparator();
    request->addAction(tr("&Re-send selected history entry"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                       &MainWindow::resendSelected);
    request->addAction(tr("&Benchmark…"), QKeySequence(Qt::CTRL | Qt::Key_B), this, &MainWindow::openBenchmark);
    request->addAction((new ResponseLimitSetting(this))->action());
    const auto questions = session::QuestionCatalog::builtIn().askAll();
    for (int i = 0; i < int(questions.size()) && i < 9; ++i) {
        request->addAction(tr("Ask all three: %1").arg(questions.at(i).title), QKeySequence(Qt::ALT | (Qt::Key_1 + i)),
                           this, [this, i] { askQuestion(i); });
    }
    // Each pane's own presets (a write with credentials, a bad request, …) fill that pane alone.
    for (auto *pane : m_panes->panes()) {
        auto *presets = request->addMenu(tr("%1 presets").arg(pane->title()->text()));
        const QStringList names = pane->presetNames();
        for (int i = 0; i < names.size(); ++i)
            presets->addAction(names.at(i), this, [this, pane, i] {
                m_session->clearQuestion();
                pane->applyPreset(i);
            });
    }

    auto *serverMenu = menuBar()->addMenu(tr("&Server"));
    serverMenu->addAction(tr("&Options…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::onServerOptions);
    serverMenu->addAction(tr("&Restart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this,
                          [this] { m_server->restart(m_server->state().settings); });
    serverMenu->addAction(tr("S&top"), this, [this] { m_server->stop(); });

    createViewMenu();
}

void MainWindow::createViewMenu() {
    auto *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_panes->panes().size(); ++i) {
        auto *pane = m_panes->panes().at(i);
        view->addAction(tr("Maximise / restore %1").arg(pane->title()->text()),
                        QKeySequence(Qt::CTRL | (Qt::Key_1 + i)), this,
                        [this, pane] { m_panes->toggleMaximised(pane); });
    }
    view->addSeparator();
    for (const char *dock : {"collections", "history", "allCalls", "comparison", "trace", "graphqlSchema"})
        view->addAction(findChild<QDockWidget *>(QString::fromLatin1(dock))->toggleViewAction());
    view->addAction(findChild<CookiesController *>()->cookiesAction());
    view->addSeparator();
    auto *zoomIn = view->addAction(tr("Zoom &in"), this, [this] { zoomBy(1); });
    // Ctrl++ is Ctrl+Shift+= on most keyboards, Ctrl+= without Shift on some: both work.
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this, [this] { zoomBy(-1); });
    view->addAction(tr("&Reset zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), this, &MainWindow::resetZoom);
    view->addMenu((new ThemeController(this))->createMenu(this));

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Triptych"), this, [this] {
        auto *dialog = new AboutDialog(session::buildInfo(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::applyQuestion(int index) {
    const auto questions = session::QuestionCatalog::builtIn().askAll();
    if (index < 0 || index >= questions.size())
        return;
    m_toolbar->setCurrentQuestion(index);
    m_session->applyQuestion(questions.at(index));
}

void MainWindow::askQuestion(int index) {
    applyQuestion(index);
    m_session->sendAll();
}

void MainWindow::cancelCalls() {
    if (m_session->isRunning())
        m_session->cancel(); // all of it: the three calls, the follow-ups, the event writes
    else
        m_panes->cancelFocused();
}

void MainWindow::zoomBy(int steps) {
    m_zoomSteps = std::clamp(m_zoomSteps + steps, kMinZoomSteps, kMaxZoomSteps);
    QSettings().setValue(QLatin1String(kZoomKey), m_zoomSteps);
    applyZoom();
}

void MainWindow::applyZoom() {
    QFont zoomed = m_baseFont;
    zoomed.setPointSizeF(m_baseFont.pointSizeF() * (1.0 + kZoomStep * m_zoomSteps));
    setFont(zoomed); // every child follows: their own fonts set only a family or a weight (fonts.h)
    fitToScreen();
}

void MainWindow::showEvent(QShowEvent *event) {
    QMainWindow::showEvent(event);
    if (windowHandle())
        connect(windowHandle(), &QWindow::screenChanged, this, &MainWindow::fitToScreen, Qt::UniqueConnection);
    fitToScreen();
}

void MainWindow::resizeEvent(QResizeEvent *event) {
    QMainWindow::resizeEvent(event);
    // A layout whose minimum grew for a moment widened the window past its maximum: take it back when it allows.
    if (width() > maximumWidth() || height() > maximumHeight())
        QTimer::singleShot(0, this, &MainWindow::fitToScreen);
}

void MainWindow::fitToScreen() {
    const QScreen *where = screen();
    if (!where)
        return;
    // The frame (title bar, borders) is the window manager's; what is left is for the window's contents.
    const QSize frame = isVisible() ? frameGeometry().size() - geometry().size() : QSize();
    const QSize available = where->availableGeometry().size() - frame;
    setMaximumSize(available);
    if (width() > available.width() || height() > available.height())
        resize(size().boundedTo(available));
}

void MainWindow::onServerStateChanged(const session::ServerState &state) {
    m_statusLine->setState(state);
    m_workspace->setServer(state);
    if (state.phase == session::ServerState::Phase::Running)
        m_panes->setServer(state);
}

void MainWindow::resendSelected() {
    const auto *record = m_history->selectedRecord();
    if (!record) {
        statusBar()->showMessage(tr("Select a call in the history to re-send it"), kMessageMs);
        return;
    }
    m_session->clearQuestion();
    const client::CallRecord selected = *record; // a copy: the resent call adds a row to the model it is in
    m_trace->showRecord(selected);
    m_panes->resend(selected);
}

void MainWindow::onHistoryRestored(const QList<client::CallRecord> &records) {
    for (const auto &record : records)
        m_history->append(record);
}

void MainWindow::saveSelectedCallToCollection() {
    if (const auto *record = m_history->selectedRecord())
        m_workspace->documents()->saveCallToCollection(*record);
    else
        statusBar()->showMessage(tr("Select a call in the history to save it to a collection"), kMessageMs);
}

void MainWindow::onSendFocused() {
    m_session->clearQuestion(); // a call of its own: no N+1 follow-ups, no DataLoader switch
    m_panes->sendFocused();
}

void MainWindow::openBenchmark() {
    // The focused pane's last finished call, when it can be repeated as it was.
    std::optional<session::BenchmarkCall> focused;
    if (const auto *last = m_history->lastRecordOf(m_panes->focusedPane()->style()))
        focused = session::benchmarkCallFromRecord(*last);
    auto *dialog = new BenchmarkDialog(m_server->state().endpoints(), focused, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::onServerOptions() {
    auto *dialog = new ServerDialog(m_server->state().settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_server->restart(dialog->settings()); });
    dialog->open();
}

} // namespace triptych::ui
