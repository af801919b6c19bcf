#include "app/ui/mainwindow.h"

#include "app/model/benchmarkpresets.h"
#include "app/model/comparisonmodel.h"
#include "app/model/comparisonquestions.h"
#include "app/model/historymodel.h"
#include "app/model/streammessagemodel.h"
#include "app/ui/benchmarkdialog.h"
#include "app/ui/comparisonrunner.h"
#include "app/ui/comparisonstrip.h"
#include "app/ui/findbar.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/grpcpane.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/ui/serverdialog.h"
#include "app/ui/statusline.h"
#include "app/ui/traceview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include <utility>

namespace triptych::ui {

namespace {
constexpr auto kStateKey = "mainWindow/state";
constexpr auto kComparisonVisibleKey = "view/comparisonVisible";
constexpr auto kTraceVisibleKey = "view/traceVisible";
} // namespace

MainWindow::MainWindow(ServerHost *server, QWidget *parent)
    : QMainWindow(parent)
    , m_server(server)
    , m_rest(new RestPane(this))
    , m_graphql(new GraphQLPane(this))
    , m_grpc(new GrpcPane(this))
    , m_paneSplitter(new QSplitter(Qt::Horizontal, this))
    , m_questions(new QComboBox(this))
    , m_history(new model::HistoryModel(this))
    , m_historyView(new QTableView(this))
    , m_statusLine(new StatusLine(this))
    , m_comparison(new model::ComparisonModel(this))
    , m_strip(new ComparisonStrip(m_comparison, this))
    , m_runner(new ComparisonRunner(this))
    , m_trace(new TraceView(this)) {
    setWindowTitle(tr("Triptych"));
    m_panes = {m_rest, m_graphql, m_grpc};
    for (auto *pane : m_panes) {
        m_paneSplitter->addWidget(pane);
        connect(pane, &ComposerPane::callCompleted, this, &MainWindow::onCallCompleted);
        connect(pane->title(), &PaneTitle::doubleClicked, this, [this, pane] { toggleMaximised(pane); });
    }
    m_paneSplitter->setChildrenCollapsible(false);
    // Equal columns (UX.md): the splitter would otherwise follow each composer's size hint.
    m_paneSplitter->setSizes({1000, 1000, 1000});
    setCentralWidget(m_paneSplitter);
    addDockWidget(Qt::LeftDockWidgetArea, static_cast<QDockWidget *>(createHistory()));
    createComparisonAndTraceDocks();
    for (auto *pane : std::as_const(m_panes))
        watchStreamMessages(pane);
    connect(m_runner, &ComparisonRunner::callFinished, this, [this](const client::CallRecord &record) {
        m_history->append(record);
        m_historyView->scrollToBottom();
        if (m_comparing.contains(model::ComparisonModel::styleOf(record.kind)))
            m_comparison->addRecord(record);
    });
    connect(m_runner, &ComparisonRunner::followUpsFinished, this, &MainWindow::finishComparisonStyle);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (auto *pane : std::as_const(m_panes)) {
            if (now && pane->isAncestorOf(now) && pane != m_lastPane) {
                m_lastPane = pane;
                showTraceOf(pane);
            }
        }
    });
    statusBar()->addWidget(m_statusLine, 1);
    connect(m_statusLine, &StatusLine::copyFinished, this,
            [this](const QString &value) { statusBar()->showMessage(tr("Copied %1").arg(value), 3000); });
    createToolBar();
    createMenus();
    restoreViewState();
    connect(m_server, &ServerHost::stateChanged, this, &MainWindow::onServerStateChanged);
    onServerStateChanged(m_server->state());
}

QWidget *MainWindow::createHistory() {
    auto *dock = new QDockWidget(tr("History"), this);
    dock->setObjectName(QStringLiteral("history"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(m_historyView->fontMetrics().height() + 6);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    // Fixed widths sized for the longest value each column shows, so nothing is elided as rows arrive.
    const QFontMetrics metrics = m_historyView->fontMetrics();
    auto *header = m_historyView->horizontalHeader();
    header->resizeSection(model::HistoryModel::Style, metrics.horizontalAdvance(QStringLiteral("GraphQL")) + 16);
    header->resizeSection(model::HistoryModel::Status, metrics.horizontalAdvance(QStringLiteral("NOT_FOUND")) + 16);
    header->resizeSection(model::HistoryModel::Time, metrics.horizontalAdvance(QStringLiteral("1000 ms")) + 16);
    m_historyView->setWordWrap(false);
    m_historyView->setMinimumWidth(290);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onHistorySelected);
    connect(m_historyView, &QTableView::doubleClicked, this, &MainWindow::resendSelected);
    dock->setWidget(m_historyView);
    return dock;
}

void MainWindow::createComparisonAndTraceDocks() {
    auto *comparison = new QDockWidget(tr("Comparison"), this);
    comparison->setObjectName(QStringLiteral("comparison"));
    comparison->setWidget(m_strip);
    addDockWidget(Qt::BottomDockWidgetArea, comparison);
    auto *trace = new QDockWidget(tr("Trace"), this);
    trace->setObjectName(QStringLiteral("trace"));
    trace->setWidget(m_trace);
    addDockWidget(Qt::BottomDockWidgetArea, trace);
    splitDockWidget(comparison, trace, Qt::Vertical);
    resizeDocks({comparison, trace}, {m_strip->sizeHint().height(), m_trace->sizeHint().height()}, Qt::Vertical);
    // Only a person's choice is remembered: a dock also turns invisible when the window closes.
    for (auto *dock : {comparison, trace})
        connect(dock->toggleViewAction(), &QAction::triggered, this, &MainWindow::saveViewState);
}

void MainWindow::restoreViewState() {
    QSettings settings;
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    findChild<QDockWidget *>(QStringLiteral("comparison"))
        ->setVisible(settings.value(QLatin1String(kComparisonVisibleKey), true).toBool());
    findChild<QDockWidget *>(QStringLiteral("trace"))
        ->setVisible(settings.value(QLatin1String(kTraceVisibleKey), true).toBool());
}

void MainWindow::saveViewState() const {
    QSettings settings;
    settings.setValue(QLatin1String(kStateKey), saveState());
    settings.setValue(QLatin1String(kComparisonVisibleKey),
                      findChild<QDockWidget *>(QStringLiteral("comparison"))->toggleViewAction()->isChecked());
    settings.setValue(QLatin1String(kTraceVisibleKey),
                      findChild<QDockWidget *>(QStringLiteral("trace"))->toggleViewAction()->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveViewState();
    QMainWindow::closeEvent(event);
}

void MainWindow::createToolBar() {
    auto *toolbar = addToolBar(tr("Compare"));
    toolbar->setObjectName(QStringLiteral("compare"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr(" Ask all three: "), this));
    for (const auto &question : model::comparisonQuestions())
        m_questions->addItem(question.title);
    m_questions->setToolTip(tr("Choose a question to put it into all three panes and send it (Alt+1 … Alt+5)"));
    connect(m_questions, &QComboBox::activated, this, &MainWindow::askQuestion);
    toolbar->addWidget(m_questions);
    auto *sendAllAction = toolbar->addAction(tr("▶ Send all"), this, &MainWindow::sendAll);
    sendAllAction->setToolTip(tr("Send the question in all three panes (Ctrl+Shift+Enter)"));
    auto *benchmark = toolbar->addAction(tr("Benchmark…"), this, &MainWindow::openBenchmark);
    benchmark->setToolTip(tr("Repeat a preset or the focused pane's call and compare latencies (Ctrl+B)"));
}

void MainWindow::createMenus() {
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Export trace…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                    &MainWindow::onExportTrace);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    auto *request = menuBar()->addMenu(tr("&Request"));
    auto *send = request->addAction(tr("&Send in focused pane"), this, &MainWindow::onSendFocused);
    send->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    auto *sendAllAction = request->addAction(tr("Send &all three"), this, &MainWindow::sendAll);
    sendAllAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    request->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), this, &MainWindow::onCancelFocused);
    // In the menu rather than a shortcut inside each view, so it is listed with its keys (issue #9).
    request->addAction(tr("&Find in response body"), QKeySequence::Find, this,
                       [this] { focusedPane()->responseView()->findBar()->open(); });
    request->addSeparator();
    request->addAction(tr("&Re-send selected history entry"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                       &MainWindow::resendSelected);
    request->addAction(tr("&Benchmark…"), QKeySequence(Qt::CTRL | Qt::Key_B), this, &MainWindow::openBenchmark);
    const auto &questions = model::comparisonQuestions();
    for (int i = 0; i < int(questions.size()); ++i) {
        request->addAction(tr("Ask all three: %1").arg(questions.at(i).title), QKeySequence(Qt::ALT | (Qt::Key_1 + i)),
                           this, [this, i] { askQuestion(i); });
    }
    // Each pane's own presets (a write with credentials, a bad request, …) fill that pane alone.
    for (auto *pane : std::as_const(m_panes)) {
        auto *presets = request->addMenu(tr("%1 presets").arg(pane->title()->text()));
        const QStringList names = pane->presetNames();
        for (int i = 0; i < names.size(); ++i)
            presets->addAction(names.at(i), this, [this, pane, i] {
                m_question = -1;
                pane->applyPreset(i);
            });
    }

    auto *serverMenu = menuBar()->addMenu(tr("&Server"));
    serverMenu->addAction(tr("&Options…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::onServerOptions);
    serverMenu->addAction(tr("&Restart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this,
                          [this] { m_server->restart(m_server->state().options); });
    serverMenu->addAction(tr("S&top"), this, [this] { m_server->stop(); });

    auto *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_panes.size(); ++i) {
        auto *pane = m_panes.at(i);
        view->addAction(tr("Maximise / restore %1").arg(pane->title()->text()),
                        QKeySequence(Qt::CTRL | (Qt::Key_1 + i)), this, [this, pane] { toggleMaximised(pane); });
    }
    view->addSeparator();
    for (const char *dock : {"history", "comparison", "trace"})
        view->addAction(findChild<QDockWidget *>(QString::fromLatin1(dock))->toggleViewAction());
}

void MainWindow::onServerStateChanged(const ServerState &state) {
    m_statusLine->setState(state);
    if (state.phase == ServerState::Phase::Running) {
        for (auto *pane : std::as_const(m_panes))
            pane->setServer(state);
        if (std::exchange(m_sendAfterRestart, false))
            sendAllNow();
    } else if (state.phase == ServerState::Phase::Failed) {
        m_sendAfterRestart = false;
    }
}

void MainWindow::onCallCompleted(const client::CallRecord &record) {
    m_history->append(record);
    m_historyView->scrollToBottom();
    auto *pane = paneFor(record.kind);
    m_lastCalls.insert(pane, record);
    if (pane == focusedPane())
        m_trace->showRecord(record);
    onComparisonCall(record);
    if (m_sendAllPending > 0 && --m_sendAllPending == 0)
        Q_EMIT sendAllFinished();
}

void MainWindow::showTraceOf(ComposerPane *pane) {
    const auto found = m_lastCalls.constFind(pane);
    if (found != m_lastCalls.constEnd())
        m_trace->showRecord(*found);
}

bool MainWindow::exportTrace(const QString &path, QString *error) const {
    return m_trace->exportTo(path, error);
}

void MainWindow::onExportTrace() {
    if (!m_trace->hasTrace()) {
        statusBar()->showMessage(tr("No trace to export yet: send a call first"), 3000);
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Export trace as OTLP/JSON"), QString(), tr("OTLP/JSON (*.json)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("trace-%1.json").arg(m_trace->record().traceId));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (exportTrace(path, &error))
            statusBar()->showMessage(tr("Exported the trace to %1").arg(path), 5000);
        else
            statusBar()->showMessage(tr("Could not export the trace to %1: %2").arg(path, error), 8000);
    });
    dialog->open();
}

client::CallKind MainWindow::paneKind(const ComposerPane *pane) const {
    if (pane == m_graphql)
        return client::CallKind::GraphQL;
    if (pane == m_grpc)
        return client::CallKind::Grpc;
    return client::CallKind::Rest;
}

ComposerPane *MainWindow::paneFor(client::CallKind kind) const {
    switch (kind) {
    case client::CallKind::Rest:
        return m_rest;
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        return m_graphql;
    case client::CallKind::Grpc:
        return m_grpc;
    }
    return m_rest;
}

void MainWindow::onHistorySelected() {
    const auto index = m_historyView->currentIndex();
    if (!index.isValid())
        return;
    const auto &record = m_history->record(index.row());
    auto *pane = paneFor(record.kind);
    pane->cancel();
    pane->load(record);
    m_lastPane = pane;
    m_trace->showRecord(record);
}

void MainWindow::resendSelected() {
    const auto index = m_historyView->currentIndex();
    if (!index.isValid()) {
        statusBar()->showMessage(tr("Select a call in the history to re-send it"), 3000);
        return;
    }
    m_question = -1;
    onHistorySelected();
    paneFor(m_history->record(index.row()).kind)->send();
}

ComposerPane *MainWindow::focusedPane() const {
    for (QWidget *widget = QApplication::focusWidget(); widget; widget = widget->parentWidget()) {
        for (auto *pane : m_panes) {
            if (widget == pane)
                return pane;
        }
    }
    return m_lastPane ? m_lastPane : m_rest;
}

void MainWindow::onSendFocused() {
    m_question = -1; // a call of its own: no N+1 follow-ups, no DataLoader switch
    m_lastPane = focusedPane();
    m_lastPane->send();
}

void MainWindow::onCancelFocused() {
    for (auto *pane : std::as_const(m_panes)) {
        if (pane->isBusy() && (pane == focusedPane() || !focusedPane()->isBusy()))
            pane->cancel();
    }
}

void MainWindow::toggleMaximised(ComposerPane *pane) {
    m_maximised = m_maximised == pane ? nullptr : pane;
    for (auto *other : std::as_const(m_panes))
        other->setVisible(!m_maximised || other == m_maximised);
}

void MainWindow::openBenchmark() {
    // The focused pane's last finished call, when it can be repeated as it was.
    std::optional<model::BenchmarkCall> focused;
    ComposerPane *pane = focusedPane();
    for (int row = m_history->rowCount() - 1; row >= 0; --row) {
        if (paneFor(m_history->record(row).kind) == pane) {
            focused = model::benchmarkCallFromRecord(m_history->record(row));
            break;
        }
    }
    const ServerState &state = m_server->state();
    auto *dialog = new BenchmarkDialog(state.httpBaseUrl(), state.grpcTarget(), focused, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::onServerOptions() {
    auto *dialog = new ServerDialog(m_server->state().options, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_server->restart(dialog->options()); });
    dialog->open();
}

} // namespace triptych::ui
