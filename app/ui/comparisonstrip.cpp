#include "app/ui/comparisonstrip.h"

#include "app/model/comparisonmodel.h"
#include "app/session/comparisonsession.h"
#include "app/ui/composerpane.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace triptych::ui {

namespace {
constexpr int kBarMinWidthPx = 240;
constexpr int kBarGapPx = 1;
} // namespace

void PhaseBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QStyledItemDelegate::paint(painter, option, index);
    const auto figures = index.data(model::ComparisonModel::FiguresRole).value<model::StyleFigures>();
    const qint64 scale = index.data(model::ComparisonModel::ScaleRole).toLongLong();
    if (figures.calls == 0 || scale <= 0)
        return;
    const QRect area = option.rect.adjusted(4, 4, -4, -4);
    const double pxPerUs = double(area.width()) / double(scale);
    const QColor accent = ComposerPane::accentFor(figures.kind);
    // Phases of every call, summed, over the calls' total time; what no phase accounts for is left pale.
    const std::optional<qint64> phases[] = {figures.phases.dnsUs,       figures.phases.connectUs,
                                            figures.phases.tlsUs,       figures.phases.sentUs,
                                            figures.phases.firstByteUs, figures.phases.downloadUs};
    const int shades[] = {170, 150, 130, 120, 100, 80}; // lighter to darker: setup, then wait, then download
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    QColor pale = accent;
    pale.setAlpha(50);
    const bool hasPhases = std::any_of(std::begin(phases), std::end(phases), [](const auto &p) { return p && *p > 0; });
    // gRPC reports only its total for a unary call: then the whole bar is the call.
    painter->fillRect(
        QRect(area.left(), area.top(), std::max(1, int(double(figures.phases.totalUs) * pxPerUs)), area.height()),
        hasPhases ? pale : accent);
    double x = area.left();
    for (std::size_t i = 0; i < std::size(phases); ++i) {
        if (!phases[i] || *phases[i] <= 0)
            continue;
        const double width = std::min(double(*phases[i]) * pxPerUs, double(area.right()) - x);
        if (width <= 0)
            break;
        painter->fillRect(QRectF(x, area.top(), std::max(1.0, width - kBarGapPx), area.height()),
                          accent.lighter(shades[i]));
        x += width;
    }
    painter->restore();
}

QSize PhaseBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(kBarMinWidthPx, 0));
}

ComparisonStrip::ComparisonStrip(QWidget *parent)
    : QWidget(parent)
    , m_model(new model::ComparisonModel(this))
    , m_title(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_view(new QTableView(this)) {
    m_title->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(model::ComparisonModel::Phases, new PhaseBarDelegate(m_view));
    m_view->verticalHeader()->hide();
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int rowHeight = m_view->fontMetrics().height() + 8;
    m_view->verticalHeader()->setDefaultSectionSize(rowHeight);
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(model::ComparisonModel::Phases, QHeaderView::Stretch);
    // Header plus three rows, never more: the strip is a summary, not a table to scroll.
    m_view->setFixedHeight(header->sizeHint().height() + 3 * rowHeight + 2 * m_view->frameWidth());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_view);
    layout->addWidget(m_notice);
    setQuestion(tr("Ask all three a question (Alt+1 … Alt+5) to compare the styles"), QString());
}

void ComparisonStrip::setQuestion(const QString &title, const QString &notice) {
    m_title->setText(title);
    m_notice->setText(notice.isEmpty() ? QString() : tr("What to notice: %1").arg(notice));
    m_notice->setVisible(!notice.isEmpty());
}

void ComparisonStrip::follow(session::ComparisonSession *session) {
    connect(session, &session::ComparisonSession::comparisonStarted, this, [this, session] {
        m_model->reset();
        const auto &question = session->question();
        setQuestion(question ? question->title : tr("Your own calls"), question ? question->notice : QString());
    });
    connect(session, &session::ComparisonSession::streamStarted, this,
            [this](client::CallKind style) { m_model->setStreaming(style, true); });
    connect(session, &session::ComparisonSession::callFinished, m_model, &model::ComparisonModel::addRecord);
    connect(session, &session::ComparisonSession::messagesReceived, m_model,
            &model::ComparisonModel::addStreamMessages);
}

QString ComparisonStrip::noticeText() const {
    return m_notice->text();
}

} // namespace triptych::ui
