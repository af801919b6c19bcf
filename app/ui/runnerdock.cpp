#include "app/ui/runnerdock.h"

#include "app/session/folderrun.h"
#include "app/workspace/variableresolver.h"
#include "app/workspace/workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
constexpr int kTickMs = 200;
const QColor kFailed(0xc0, 0x1c, 0x28);
const QColor kPassed(0x26, 0xa2, 0x69);
} // namespace

RunnerDock::RunnerDock(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Run a folder: Run ▸ Run folder…, or a folder's menu in Collections."), this))
    , m_totals(new QLabel(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_rerun(new QPushButton(tr("Re-run failed"), this))
    , m_tree(new QTreeWidget(this)) {
    // What crosses from the run's thread.
    qRegisterMetaType<session::RunRequestResult>();
    qRegisterMetaType<client::CallRecord>();
    m_title->setWordWrap(true);
    m_totals->setWordWrap(true);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Request / check"), tr("Answer")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->setAccessibleName(tr("Run results"));
    m_stop->setEnabled(false);
    m_rerun->setEnabled(false);
    connect(m_stop, &QPushButton::clicked, this, &RunnerDock::stop);
    connect(m_rerun, &QPushButton::clicked, this, &RunnerDock::rerunFailed);
    connect(m_tree, &QTreeWidget::itemActivated, this, &RunnerDock::onItemActivated);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &RunnerDock::updateTotals);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_stop);
    buttons->addWidget(m_rerun);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_totals);
}

RunnerDock::~RunnerDock() {
    if (m_run) {
        // The run and its callers belong to the thread: they go there, before it ends.
        m_run->disconnect(this);
        QMetaObject::invokeMethod(
            m_run, [run = m_run] { delete run; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool RunnerDock::runFolder(workspace::Workspace *workspace, const QString &folder,
                           const workspace::VariableResolver &resolver) {
    if (!workspace || isRunning())
        return false;
    const int index = folder.isEmpty() ? 0 : workspace->indexOf(folder);
    const QStringList paths = index < 0 ? QStringList() : session::requestsUnder(*workspace, index);
    if (paths.isEmpty()) {
        Q_EMIT message(tr("No saved requests in %1").arg(folder.isEmpty() ? workspace->root() : folder));
        return false;
    }
    m_workspace = workspace;
    m_resolver = std::make_unique<workspace::VariableResolver>(resolver);
    m_title->setText(folder.isEmpty() ? tr("Run of the whole workspace") : tr("Run of %1").arg(folder));
    runPaths(paths);
    return true;
}

void RunnerDock::runPaths(const QStringList &paths) {
    if (!m_workspace || !m_resolver || isRunning() || paths.isEmpty())
        return;
    m_tree->clear();
    m_records.clear();
    m_results.clear();
    m_current = nullptr;
    m_stopping = false;
    // Made here, where the workspace's files are read; run on the thread, where its callers are made by start().
    m_run = new session::FolderRun(*m_workspace, paths, *m_resolver, {});
    if (!m_thread.isRunning()) {
        m_thread.setObjectName(QStringLiteral("Runner"));
        m_thread.start();
    }
    m_run->moveToThread(&m_thread);
    connect(m_run, &session::FolderRun::requestStarted, this, &RunnerDock::onRequestStarted);
    connect(m_run, &session::FolderRun::requestFinished, this, &RunnerDock::onRequestFinished);
    connect(m_run, &session::FolderRun::runFinished, this, &RunnerDock::onRunFinished);
    m_stop->setEnabled(true);
    m_rerun->setEnabled(false);
    m_clock.start();
    m_tick.start();
    QMetaObject::invokeMethod(m_run, &session::FolderRun::start, Qt::QueuedConnection);
    updateTotals();
}

void RunnerDock::rerunFailed() {
    runPaths(failedPaths());
}

void RunnerDock::stop() {
    if (!m_run || m_stopping)
        return;
    m_stopping = true;
    m_stop->setEnabled(false);
    QMetaObject::invokeMethod(m_run, &session::FolderRun::stop, Qt::QueuedConnection);
}

QStringList RunnerDock::failedPaths() const {
    QStringList paths;
    for (const auto &result : m_results) {
        if (!result.passed() && !paths.contains(result.path))
            paths.append(result.path);
    }
    return paths;
}

void RunnerDock::onRequestStarted(const QString &path) {
    m_current = new QTreeWidgetItem(m_tree, {QStringLiteral("… %1").arg(path.chopped(5)), tr("running")});
    m_tree->scrollToItem(m_current);
}

void RunnerDock::onRequestFinished(const session::RunRequestResult &result, const client::CallRecord &record) {
    m_results.append(result);
    QTreeWidgetItem *item = m_current ? m_current : new QTreeWidgetItem(m_tree);
    m_current = nullptr;
    const bool passed = result.passed();
    item->setText(
        0, QStringLiteral("%1 %2").arg(passed ? QStringLiteral("✓") : QStringLiteral("✗"), result.path.chopped(5)));
    item->setText(1, result.requestError.isEmpty() ? result.summary
                                                   : tr("could not be made: %1").arg(result.requestError));
    item->setForeground(0, passed ? kPassed : kFailed);
    item->setData(0, Qt::UserRole, result.path);
    item->setToolTip(0, tr("Double-click to open its answer in its pane"));
    if (record.id != 0 || record.timings.totalUs > 0)
        m_records.insert(item, record);
    for (const auto &check : result.checks) {
        auto *child = new QTreeWidgetItem(
            item,
            {QStringLiteral("%1 %2").arg(check.passed ? QStringLiteral("✓") : QStringLiteral("✗"), check.description),
             check.passed ? check.actual : tr("expected %1, got %2").arg(check.expected, check.actual)});
        child->setForeground(0, check.passed ? kPassed : kFailed);
        child->setToolTip(1, check.message());
    }
    for (const auto &capture : result.captures) {
        auto *child = new QTreeWidgetItem(item, {capture.ok ? QStringLiteral("→ %1").arg(capture.variable)
                                                            : QStringLiteral("✗ %1").arg(capture.variable),
                                                 capture.ok ? capture.value.left(200) : capture.error});
        child->setForeground(0, capture.ok ? kPassed : kFailed);
    }
    item->setExpanded(!passed);
    updateTotals();
}

void RunnerDock::onRunFinished() {
    m_tick.stop();
    if (m_current) {
        m_current->setText(1, tr("stopped"));
        m_current = nullptr;
    }
    updateTotals();
    m_run->deleteLater();
    m_run = nullptr;
    m_stop->setEnabled(false);
    m_rerun->setEnabled(!failedPaths().isEmpty());
    Q_EMIT runFinished();
}

QString RunnerDock::totalsText() const {
    return m_totals->text();
}

void RunnerDock::updateTotals() {
    const session::RunTotals totals = session::totalsOf(m_results, m_clock.isValid() ? m_clock.elapsed() : 0);
    m_totals->setText(tr("%1 request(s), %2 check(s): %3 passed, %4 failed; %5 request error(s) · %6 s%7")
                          .arg(totals.requests)
                          .arg(totals.checks)
                          .arg(totals.checks - totals.failedChecks)
                          .arg(totals.failedChecks)
                          .arg(totals.requestErrors)
                          .arg(double(totals.elapsedMs) / 1000.0, 0, 'f', 1)
                          .arg(m_stopping ? tr(" · stopped") : QString()));
}

void RunnerDock::onItemActivated(QTreeWidgetItem *item) {
    while (item && item->parent())
        item = item->parent();
    if (!item || !m_records.contains(item))
        return;
    Q_EMIT resultActivated(item->data(0, Qt::UserRole).toString(), m_records.value(item));
}

} // namespace triptych::ui
