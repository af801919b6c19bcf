#include "app/ui/comparisonstrip.h"

#include "app/model/comparisonmodel.h"
#include "app/session/comparisonsession.h"
#include "app/ui/composerpane.h"

#include <QEvent>
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
constexpr int kPhaseShades[] = {170, 150, 130, 120, 100, 80}; // lighter to darker: setup, then wait, then download
// The legend shows the shades on a neutral colour: each row draws them in its style's own.
const QColor kLegendAccent(0x5a, 0x64, 0x70);

QString swatch(const QColor &colour) {
    return QStringLiteral("<span style=\"background-color:%1; color:%1\">&#9608;&#9608;</span>").arg(colour.name());
}
} // namespace

QStringList PhaseBarDelegate::phaseNames() {
    return {tr("dns"), tr("connect"), tr("tls"), tr("send"), tr("wait"), tr("download")};
}

QColor PhaseBarDelegate::phaseColour(const QColor &accent, int phase) {
    return accent.lighter(kPhaseShades[phase]);
}

QColor PhaseBarDelegate::remainderColour(const QColor &accent) {
    QColor pale = accent;
    pale.setAlpha(70);
    return pale;
}

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
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    // The call's whole time, pale and outlined; the phases fill it from the left. What no phase accounts for (a
    // stream's time after its last message, a call cut short) stays pale, as the legend says.
    const QRect whole(area.left(), area.top(), std::max(2, int(double(figures.phases.totalUs) * pxPerUs)),
                      area.height());
    painter->fillRect(whole, remainderColour(accent));
    painter->setPen(accent);
    painter->drawRect(whole.adjusted(0, 0, -1, -1));
    double x = area.left();
    for (std::size_t i = 0; i < std::size(phases); ++i) {
        if (!phases[i] || *phases[i] <= 0)
            continue;
        const double width = std::min(double(*phases[i]) * pxPerUs, double(area.right()) - x);
        if (width <= 0)
            break;
        painter->fillRect(QRectF(x, area.top(), std::max(1.0, width - kBarGapPx), area.height()),
                          phaseColour(accent, int(i)));
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
    , m_legend(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_view(new QTableView(this)) {
    m_title->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_title->setWordWrap(true);
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
    m_view->setAccessibleName(tr("Comparison of the three styles"));
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(model::ComparisonModel::Phases, QHeaderView::Stretch);
    fitTable();

    QStringList legend;
    const QStringList names = PhaseBarDelegate::phaseNames();
    for (int phase = 0; phase < names.size(); ++phase)
        legend << swatch(PhaseBarDelegate::phaseColour(kLegendAccent, phase)) + QLatin1Char(' ') + names.at(phase);
    // The pale colour as it shows over the table's background.
    const QColor pale = PhaseBarDelegate::remainderColour(kLegendAccent);
    const QColor base = m_view->palette().color(QPalette::Base);
    const double alpha = pale.alphaF();
    const QColor shown = QColor::fromRgbF(float(pale.redF() * alpha + base.redF() * (1 - alpha)),
                                          float(pale.greenF() * alpha + base.greenF() * (1 - alpha)),
                                          float(pale.blueF() * alpha + base.blueF() * (1 - alpha)));
    legend << swatch(shown) + QLatin1Char(' ') + tr("the rest of the call, outlined (what no phase accounts for)");
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_legend->setText(tr("Phase bars, each row in its style's colour, all on one time scale: %1")
                          .arg(legend.join(QStringLiteral(" &nbsp; "))));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_view);
    layout->addWidget(m_legend);
    layout->addWidget(m_notice);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ComparisonStrip::refreshNotice);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ComparisonStrip::refreshNotice);
    setQuestion(tr("Ask all three a question (Alt+1 … Alt+5) to compare the styles"), QString());
}

void ComparisonStrip::fitTable() {
    // Header plus three rows, never more: the strip is a summary, not a table to scroll. Follows the font (zoom).
    const int rowHeight = m_view->fontMetrics().height() + 8;
    m_view->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_view->setFixedHeight(m_view->horizontalHeader()->sizeHint().height() + 3 * rowHeight + 2 * m_view->frameWidth());
}

void ComparisonStrip::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitTable();
}

void ComparisonStrip::setQuestion(const QString &title, const QString &notice) {
    m_title->setText(title);
    m_noticeTemplate = notice;
    refreshNotice();
}

void ComparisonStrip::setServerNote(const QString &note) {
    m_serverNote = note;
    refreshNotice();
}

void ComparisonStrip::refreshNotice() {
    QStringList paragraphs;
    if (!m_noticeTemplate.isEmpty())
        paragraphs << tr("What to notice: %1").arg(m_model->fillNotice(m_noticeTemplate));
    if (const QString setup = m_model->setupNotice(); !setup.isEmpty())
        paragraphs << setup;
    if (!m_serverNote.isEmpty())
        paragraphs << m_serverNote;
    m_notice->setText(paragraphs.join(QLatin1Char('\n')));
    m_notice->setVisible(!paragraphs.isEmpty());
}

void ComparisonStrip::follow(session::ComparisonSession *session) {
    connect(session, &session::ComparisonSession::serverSwitchStarted, this, [this, session](const QString &change) {
        m_model->reset();
        const auto &question = session->question();
        m_serverNote.clear();
        setQuestion(tr("%1 — restarting the embedded server first: %2, on the same ports…")
                        .arg(question ? question->title : tr("Your own calls"), change),
                    QString());
    });
    connect(session, &session::ComparisonSession::comparisonStarted, this, [this, session] {
        m_model->reset();
        const auto &question = session->question();
        const QString change = session->serverSwitch();
        m_serverNote = change.isEmpty() ? QString()
                                        : tr("This question restarted the embedded server (same ports) with %1; "
                                             "the server stays so until another question or Server ▸ Options "
                                             "changes it.")
                                              .arg(change);
        setQuestion(question ? question->title : tr("Your own calls"), question ? question->notice : QString());
    });
    connect(session, &session::ComparisonSession::comparisonFailed, this, [this](const QString &reason) {
        setQuestion(tr("The embedded server did not come back: %1 — nothing was sent").arg(reason), QString());
    });
    connect(session, &session::ComparisonSession::streamStarted, this,
            [this](client::CallKind style) { m_model->setStreaming(style, true); });
    connect(session, &session::ComparisonSession::callFinished, m_model, &model::ComparisonModel::addRecord);
    connect(session, &session::ComparisonSession::messagesReceived, m_model,
            &model::ComparisonModel::addStreamMessages);
}

QString ComparisonStrip::titleText() const {
    return m_title->text();
}

QString ComparisonStrip::noticeText() const {
    return m_notice->isHidden() ? QString() : m_notice->text();
}

QString ComparisonStrip::legendText() const {
    return m_legend->text();
}

} // namespace triptych::ui
