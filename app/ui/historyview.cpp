#include "app/ui/historyview.h"

#include "app/model/historymodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>

namespace triptych::ui {

namespace {
constexpr int kMinimumWidthPx = 290;
constexpr int kColumnPaddingPx = 16;
} // namespace

HistoryView::HistoryView(QWidget *parent)
    : QTableView(parent)
    , m_history(new model::HistoryModel(this)) {
    setModel(m_history);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = fontMetrics();
    auto *header = horizontalHeader();
    const auto widthOf = [&metrics](const char *text) {
        return metrics.horizontalAdvance(QString::fromLatin1(text)) + kColumnPaddingPx;
    };
    header->resizeSection(model::HistoryModel::Style, widthOf("GraphQL"));
    header->resizeSection(model::HistoryModel::Status, widthOf("NOT_FOUND"));
    header->resizeSection(model::HistoryModel::Time, widthOf("1000 ms"));
    setWordWrap(false);
    setMinimumWidth(kMinimumWidthPx);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (const auto *record = selectedRecord())
            Q_EMIT recordSelected(*record);
    });
    connect(this, &QTableView::doubleClicked, this, &HistoryView::resendRequested);
}

void HistoryView::append(const client::CallRecord &record) {
    m_history->append(record);
    scrollToBottom();
}

const client::CallRecord *HistoryView::selectedRecord() const {
    const auto index = currentIndex();
    return index.isValid() ? &m_history->record(index.row()) : nullptr;
}

const client::CallRecord *HistoryView::lastRecordOf(client::CallKind style) const {
    const auto styleOf = [](client::CallKind kind) {
        return kind == client::CallKind::GraphQLWebSocket ? client::CallKind::GraphQL : kind;
    };
    for (int row = m_history->rowCount() - 1; row >= 0; --row) {
        if (styleOf(m_history->record(row).kind) == styleOf(style))
            return &m_history->record(row);
    }
    return nullptr;
}

} // namespace triptych::ui
