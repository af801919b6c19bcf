#include "app/ui/historyview.h"

#include "app/model/historymodel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
constexpr int kMinimumWidthPx = 200;
constexpr int kColumnPaddingPx = 24;
} // namespace

HistoryView::HistoryView(QWidget *parent)
    : QWidget(parent)
    , m_history(new model::HistoryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this)) {
    m_proxy->setSourceModel(m_history);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A comparison stays visible when one of its calls matches, and shows just the matching ones.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_filter->setPlaceholderText(tr("Filter: style, status or target"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter the history"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_tree->setModel(m_proxy);
    m_tree->setAccessibleName(tr("History"));
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    const QFontMetrics metrics = fontMetrics();
    const auto widthOf = [&metrics](const QString &text) { return metrics.horizontalAdvance(text) + kColumnPaddingPx; };
    m_tree->header()->resizeSection(model::HistoryModel::Style, widthOf(tr("All three")) + m_tree->indentation());
    m_tree->header()->resizeSection(model::HistoryModel::Status, widthOf(QStringLiteral("NOT_FOUND")));
    m_tree->header()->resizeSection(model::HistoryModel::Time, widthOf(QStringLiteral("1000 ms")));
    setMinimumWidth(kMinimumWidthPx);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    setFocusProxy(m_tree);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (const auto *record = selectedRecord())
            Q_EMIT recordSelected(*record);
    });
    connect(m_tree, &QTreeView::activated, this, [this] {
        if (selectedRecord())
            Q_EMIT resendRequested();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        auto *menu = createContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_tree->viewport()->mapToGlobal(at));
    });
    connect(m_history, &QAbstractItemModel::rowsInserted, this, &HistoryView::onRowsInserted);
}

void HistoryView::append(const client::CallRecord &record) {
    m_history->append(record);
}

void HistoryView::beginGroup(const QString &title, const QString &key) {
    m_history->beginGroup(title, key);
}

void HistoryView::appendToGroup(const client::CallRecord &record) {
    m_history->appendToGroup(record);
}

void HistoryView::onRowsInserted() {
    // Like a log: the newest entry in sight, unless a person scrolled up to read an older one.
    m_tree->scrollToBottom();
}

const client::CallRecord *HistoryView::selectedRecord() const {
    return m_history->record(m_proxy->mapToSource(m_tree->currentIndex()));
}

const client::CallRecord *HistoryView::lastRecordOf(client::CallKind style) const {
    return m_history->lastRecordOf(style);
}

bool HistoryView::selectRecord(quint64 id) {
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex top = m_proxy->index(row, 0);
        for (int child = -1; child < m_proxy->rowCount(top); ++child) {
            const QModelIndex index = child < 0 ? top : m_proxy->index(child, 0, top);
            const auto *record = m_history->record(m_proxy->mapToSource(index));
            if (record && record->id == id) {
                m_tree->expand(top);
                m_tree->setCurrentIndex(index);
                return true;
            }
        }
    }
    return false;
}

QMenu *HistoryView::createContextMenu() {
    auto *menu = new QMenu(this);
    const QModelIndex current = m_proxy->mapToSource(m_tree->currentIndex());
    const bool call = m_history->record(current) != nullptr;
    const bool group = current.isValid() && !call;
    if (group) {
        const QString key = current.siblingAtColumn(0).data(model::HistoryModel::GroupKeyRole).toString();
        menu->addAction(tr("Ask again"), this, [this, key] { Q_EMIT askAgainRequested(key); });
    } else {
        menu->addAction(tr("Re-send"), QKeySequence(Qt::CTRL | Qt::Key_R), this, &HistoryView::resendRequested)
            ->setEnabled(call);
    }
    addCompareActions(menu);
    menu->addAction(tr("Copy URL or target"), this, [this] { copySelected(false); })->setEnabled(call);
    menu->addAction(tr("Copy response body"), this, [this] { copySelected(true); })->setEnabled(call);
    menu->addSeparator();
    menu->addAction(tr("Delete"), QKeySequence::Delete, this, &HistoryView::deleteSelected)
        ->setEnabled(current.isValid());
    menu->addAction(tr("Clear history"), m_history, &model::HistoryModel::clear)->setEnabled(m_history->rowCount() > 0);
    return menu;
}

void HistoryView::addCompareActions(QMenu *menu) {
    const client::CallRecord *record = selectedRecord();
    if (m_compareWith && record && record->id != m_compareWith->id) {
        const QString other = m_compareWith->url.isEmpty() ? m_compareWith->method : m_compareWith->url;
        menu->addAction(tr("Compare with %1 (#%2)").arg(other.right(40)).arg(m_compareWith->id), this, [this] {
            if (const auto *current = selectedRecord())
                Q_EMIT compareRequested(*m_compareWith, *current);
        });
    }
    menu->addAction(tr("Compare with…"), this,
                    [this] {
                        if (const auto *current = selectedRecord())
                            m_compareWith = *current; // the other answer's menu offers the comparison
                    })
        ->setEnabled(record != nullptr);
}

void HistoryView::copySelected(bool body) {
    const auto *record = selectedRecord();
    if (!record)
        return;
    const QString text = body                                     ? QString::fromUtf8(record->body)
                         : record->kind == client::CallKind::Grpc ? record->url + QLatin1Char(' ') + record->method
                                                                  : record->url;
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT copyFinished(body ? tr("the response body") : text);
}

void HistoryView::deleteSelected() {
    m_history->remove(m_proxy->mapToSource(m_tree->currentIndex()));
}

} // namespace triptych::ui
