#include "app/ui/historysearchview.h"

#include "app/model/historydaymodel.h"
#include "app/ui/historylimitsdialog.h"
#include "app/workspace/historystore.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
constexpr int kTypingPauseMs = 250; // a search per pause in typing, not per key
constexpr int kShownCalls = 500;
constexpr int kColumnPaddingPx = 24;

// "404" → 404..404, "4xx" → 400..499; false when it is neither.
bool parseStatus(const QString &value, workspace::HistoryQuery &query) {
    static const QRegularExpression range(QStringLiteral("^([0-9])xx$"), QRegularExpression::CaseInsensitiveOption);
    if (const auto match = range.match(value); match.hasMatch()) {
        query.statusFrom = match.captured(1).toInt() * 100;
        query.statusTo = query.statusFrom + 99;
        return true;
    }
    bool ok = false;
    const int status = value.toInt(&ok);
    if (ok)
        query.statusFrom = query.statusTo = status;
    return ok;
}
} // namespace

HistorySearchView::HistorySearchView(workspace::HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new model::HistoryDayModel(this))
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_pause(new QTimer(this)) {
    m_search->setPlaceholderText(tr("Search every call: words in bodies, url:, status:4xx, style:grpc"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the saved history"));
    auto *limits = new QToolButton(this);
    limits->setText(tr("Limits…"));
    limits->setToolTip(tr("How many calls, days and MiB of history to keep"));
    connect(limits, &QToolButton::clicked, this, &HistorySearchView::editLimits);
    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("Saved history by day"));
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    const QFontMetrics metrics = fontMetrics();
    m_tree->header()->resizeSection(model::HistoryDayModel::Time, metrics.horizontalAdvance(tr("Yesterday")) +
                                                                      kColumnPaddingPx + m_tree->indentation());
    m_tree->header()->resizeSection(model::HistoryDayModel::Style,
                                    metrics.horizontalAdvance(QStringLiteral("GraphQL")) + kColumnPaddingPx);
    m_tree->header()->resizeSection(model::HistoryDayModel::Status,
                                    metrics.horizontalAdvance(QStringLiteral("NOT_FOUND")) + kColumnPaddingPx);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_search, 1);
    top->addWidget(limits);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_summary);
    setFocusProxy(m_search);

    m_pause->setSingleShot(true);
    m_pause->setInterval(kTypingPauseMs);
    connect(m_pause, &QTimer::timeout, this, &HistorySearchView::refresh);
    connect(m_search, &QLineEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    connect(m_store, &workspace::HistoryStore::searchFinished, this, &HistorySearchView::onSearchFinished);
    connect(m_store, &workspace::HistoryStore::searchFailed, this, [this](quint64 request, const QString &error) {
        if (request != m_searchRequest)
            return;
        m_summary->setText(tr("The saved history cannot be read: %1").arg(error));
        Q_EMIT searchFailed(error);
    });
    connect(m_store, &workspace::HistoryStore::entryFetched, this, &HistorySearchView::onEntryFetched);
    // New calls and deletions show after a pause too: a burst of calls is one search.
    connect(m_store, &workspace::HistoryStore::appendFinished, m_pause, qOverload<>(&QTimer::start));
    connect(m_store, &workspace::HistoryStore::clearFinished, this, &HistorySearchView::refresh);
    connect(m_store, &workspace::HistoryStore::removeFinished, m_model, &model::HistoryDayModel::removeCall);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistorySearchView::onCurrentChanged);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        auto *menu = createContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_tree->viewport()->mapToGlobal(at));
    });
    refresh();
}

workspace::HistoryQuery HistorySearchView::parseQuery(const QString &text) {
    workspace::HistoryQuery query;
    query.limit = kShownCalls;
    QStringList words;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        const QString key = colon > 0 ? word.left(colon).toLower() : QString();
        const QString value = word.mid(colon + 1);
        if (key == QLatin1String("style") && workspace::styleFromName(value.toLower()))
            query.style = workspace::styleFromName(value.toLower());
        else if (key == QLatin1String("method") && !value.isEmpty())
            query.method = value;
        else if (key == QLatin1String("url") && !value.isEmpty())
            query.url = value;
        else if (key != QLatin1String("status") || !parseStatus(value, query))
            words.append(word);
    }
    query.text = words.join(QLatin1Char(' '));
    return query;
}

void HistorySearchView::refresh() {
    m_pause->stop();
    m_searchRequest = m_store->search(parseQuery(m_search->text()));
}

void HistorySearchView::onSearchFinished(quint64 request, const QList<workspace::HistoryDay> &days) {
    if (request != m_searchRequest)
        return; // an older search answered after a newer one was asked
    const qint64 selected = m_selectedId;
    m_model->setDays(days);
    m_tree->expandAll();
    const int calls = m_model->callCount();
    m_summary->setText(calls >= kShownCalls ? tr("The newest %1 calls; search to find older ones").arg(calls)
                                            : (calls == 1 ? tr("1 call") : tr("%1 calls").arg(calls)));
    if (const QModelIndex again = m_model->indexOfCall(selected); again.isValid()) {
        const QSignalBlocker quiet(m_tree->selectionModel()); // the same call: no need to fetch it again
        m_tree->setCurrentIndex(again);
    }
    Q_EMIT searchFinished(calls, int(days.size()));
}

void HistorySearchView::onCurrentChanged() {
    m_selectedId = selectedId();
    m_selectFetch = m_selectedId > 0 ? m_store->fetch(m_selectedId) : 0;
}

void HistorySearchView::onEntryFetched(quint64 request, const workspace::HistoryEntry &entry) {
    if (request == m_selectFetch) {
        m_selectFetch = 0;
        Q_EMIT callSelected(entry);
    } else if (request == m_saveFetch) {
        m_saveFetch = 0;
        Q_EMIT saveToCollectionRequested(entry);
    }
}

qint64 HistorySearchView::selectedId() const {
    const auto *summary = m_model->summary(m_tree->currentIndex());
    return summary ? summary->id : 0;
}

void HistorySearchView::editLimits() {
    auto *dialog = new HistoryLimitsDialog(m_store->limits(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const workspace::HistoryLimits limits = dialog->limits();
        HistoryLimitsDialog::saveLimits(limits);
        m_store->setLimits(limits);
        refresh(); // after the store has dropped what is now beyond them: its thread takes one job at a time
        Q_EMIT limitsChanged(limits);
    });
    dialog->open();
}

QMenu *HistorySearchView::createContextMenu() {
    auto *menu = new QMenu(this);
    const qint64 id = selectedId();
    menu->addAction(tr("Save to collection…"), this, [this, id] { m_saveFetch = m_store->fetch(id); })
        ->setEnabled(id > 0);
    menu->addAction(tr("Copy URL or target"), this,
                    [this] {
                        if (const auto *summary = m_model->summary(m_tree->currentIndex()))
                            QGuiApplication::clipboard()->setText(summary->url);
                    })
        ->setEnabled(id > 0);
    menu->addAction(tr("Delete from history"), this, [this, id] { m_store->remove(id); })->setEnabled(id > 0);
    menu->addSeparator();
    menu->addAction(tr("Limits…"), this, &HistorySearchView::editLimits);
    menu->addAction(tr("Clear the saved history"), m_store, &workspace::HistoryStore::clear)
        ->setEnabled(m_model->rowCount() > 0);
    return menu;
}

} // namespace triptych::ui
