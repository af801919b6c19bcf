#include "app/ui/traceview.h"

#include "app/model/formatting.h"
#include "app/model/historymodel.h"
#include "app/model/keyvaluemodel.h"
#include "app/model/otlpexport.h"
#include "app/model/spantreemodel.h"
#include "app/ui/waterfalldelegate.h"

#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace triptych::ui {

TraceView::TraceView(QWidget *parent)
    : QWidget(parent)
    , m_spans(new model::SpanTreeModel(this))
    , m_attributes(new model::KeyValueModel({tr("Attribute"), tr("Value")}, false, this))
    , m_header(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_attributesView(new QTableView(this)) {
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true); // a long URL wraps instead of widening the window
    m_tree->setModel(m_spans);
    m_tree->setAccessibleName(tr("Trace spans"));
    m_attributesView->setAccessibleName(tr("Span attributes"));
    m_attributesView->setTabKeyNavigation(false);
    m_tree->setItemDelegateForColumn(model::SpanTreeModel::Timeline, new WaterfallDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    auto *header = m_tree->header();
    header->setStretchLastSection(true);
    header->resizeSection(model::SpanTreeModel::Name, 300);
    header->resizeSection(model::SpanTreeModel::Start,
                          m_tree->fontMetrics().horizontalAdvance(QStringLiteral("1000 ms")) + 20);
    header->resizeSection(model::SpanTreeModel::Duration,
                          m_tree->fontMetrics().horizontalAdvance(QStringLiteral("Duration")) + 20);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TraceView::onCurrentChanged);

    m_attributesView->setModel(m_attributes);
    m_attributesView->verticalHeader()->hide();
    m_attributesView->horizontalHeader()->setStretchLastSection(true);
    m_attributesView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_attributesView->setWordWrap(true);
    m_attributesView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_attributesView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    m_header->setText(tr("No call yet: send one and its trace shows here."));
}

void TraceView::showRecord(const client::CallRecord &record) {
    m_record = record;
    m_hasRecord = true;
    m_spans->setRecord(record);
    m_attributes->setPairs({});
    m_tree->expandAll();
    // Start with the server's root selected, so its attributes (route, status, bytes) show at once.
    const QModelIndex client = m_spans->index(0, 0);
    for (int row = 0; row < m_spans->rowCount(client); ++row) {
        const QModelIndex child = m_spans->index(row, 0, client);
        if (child.data(model::SpanTreeModel::FromServerRole).toBool()) {
            m_tree->setCurrentIndex(child);
            break;
        }
    }
    QString source;
    switch (record.traceSource) {
    case client::TraceSource::DebugTraces:
        source = tr("server spans from /debug/traces");
        break;
    case client::TraceSource::ServerTiming:
        source = tr("server spans from Server-Timing only");
        break;
    case client::TraceSource::None:
        source = tr("no server spans");
        break;
    }
    const int serverSpans = record.serverSpanCount();
    m_header->setText(tr("Trace %1 · %2 %3 · %4 · %5 · %6")
                          .arg(record.traceId.isEmpty() ? tr("(none)") : record.traceId.left(8) + QStringLiteral("…"),
                               model::HistoryModel::styleName(record.kind), record.url,
                               model::formatDuration(record.timings.totalUs), source,
                               serverSpans == 1 ? tr("1 server span") : tr("%1 server spans").arg(serverSpans)));
    m_header->setToolTip(record.traceId);
}

QSize TraceView::sizeHint() const {
    // Room for a gateway trace (client phases, GraphQL phases, resolver, gRPC client and server, SQL) unscrolled.
    constexpr int kRowsShown = 13;
    const int rowHeight = m_tree->fontMetrics().height() + 4;
    return {QWidget::sizeHint().width(), m_header->sizeHint().height() + (kRowsShown + 1) * rowHeight};
}

QString TraceView::headerText() const {
    return m_header->text();
}

void TraceView::onCurrentChanged() {
    m_attributes->setPairs(m_spans->details(m_tree->currentIndex()));
}

bool TraceView::exportTo(const QString &path, QString *error) const {
    if (!m_hasRecord) {
        *error = tr("there is no call to export yet");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(model::traceToOtlpJson(m_record)) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void TraceView::exportWithDialog() {
    if (!m_hasRecord) {
        Q_EMIT exportFinished(tr("No trace to export yet: send a call first"));
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Export trace as OTLP/JSON"), QString(), tr("OTLP/JSON (*.json)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("trace-%1.json").arg(m_record.traceId));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        Q_EMIT exportFinished(exportTo(path, &error) ? tr("Exported the trace to %1").arg(path)
                                                     : tr("Could not export the trace to %1: %2").arg(path, error));
    });
    dialog->open();
}

} // namespace triptych::ui
