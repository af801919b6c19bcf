#include "app/ui/diffdialog.h"

#include "app/ui/fonts.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
constexpr int kMaxListedChanges = 1'000;

QColor rowColour(checks::DiffLine::Kind kind, bool left) {
    switch (kind) {
    case checks::DiffLine::Kind::Removed:
        return left ? QColor(0xf9, 0xd0, 0xd0) : QColor(0xee, 0xee, 0xee);
    case checks::DiffLine::Kind::Added:
        return left ? QColor(0xee, 0xee, 0xee) : QColor(0xcf, 0xf0, 0xd0);
    case checks::DiffLine::Kind::Changed:
        return QColor(0xfb, 0xec, 0xb8);
    case checks::DiffLine::Kind::Same:
        break;
    }
    return {};
}
} // namespace

DiffDialog::DiffDialog(const QString &leftTitle, const QByteArray &left, const QString &rightTitle,
                       const QByteArray &right, QWidget *parent)
    : QDialog(parent)
    , m_diff(checks::diffAnswers(left, right))
    , m_summary(new QLabel(this))
    , m_changes(new QListWidget(this))
    , m_lines(new QTableWidget(this)) {
    setWindowTitle(tr("Compare answers"));
    m_summary->setWordWrap(true);
    m_changes->setAccessibleName(tr("Differences"));
    m_lines->setAccessibleName(tr("Both answers, side by side"));
    m_lines->setColumnCount(2);
    m_lines->setHorizontalHeaderLabels({leftTitle, rightTitle});
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_lines->verticalHeader()->hide();
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setWordWrap(false);
    useFixedPitchFont(m_lines);
    fillChanges();
    fillLines();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_changes);
    splitter->addWidget(m_lines);
    splitter->setStretchFactor(1, 4);
    m_changes->setVisible(m_diff.json && !m_diff.changes.isEmpty());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1000, 700);
}

DiffDialog *DiffDialog::openFor(const client::CallRecord &left, const client::CallRecord &right, QWidget *parent) {
    const auto title = [](const client::CallRecord &record) {
        return QStringLiteral("#%1 %2 %3").arg(record.id).arg(record.method, record.url);
    };
    auto *dialog = new DiffDialog(title(left), left.body, title(right), right.body, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

DiffDialog *DiffDialog::openFor(const QString &check, const QString &expected, const QString &actual, QWidget *parent) {
    auto *dialog = new DiffDialog(tr("Expected"), expected.toUtf8(), tr("Actual"), actual.toUtf8(), parent);
    dialog->setWindowTitle(tr("Compare: %1").arg(check));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QString DiffDialog::summaryText() const {
    return m_summary->text();
}

void DiffDialog::fillChanges() {
    if (m_diff.identical()) {
        m_summary->setText(m_diff.json ? tr("The same JSON (key order and whitespace aside).") : tr("The same text."));
        return;
    }
    if (!m_diff.json) {
        const auto differing = std::count_if(m_diff.lines.begin(), m_diff.lines.end(), [](const auto &line) {
            return line.kind != checks::DiffLine::Kind::Same;
        });
        m_summary->setText(tr("Compared as text: %n line(s) differ.", nullptr, int(differing)));
        return;
    }
    m_summary->setText(tr("Compared as JSON: %n difference(s).", nullptr, int(m_diff.changes.size())));
    for (const auto &change : m_diff.changes) {
        if (m_changes->count() == kMaxListedChanges) {
            m_changes->addItem(tr("… and %n more", nullptr, int(m_diff.changes.size()) - kMaxListedChanges));
            break;
        }
        m_changes->addItem(checks::describe(change));
    }
}

void DiffDialog::fillLines() {
    const int rows = int(std::min<qsizetype>(m_diff.lines.size(), kMaxRows));
    m_lines->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const checks::DiffLine &line = m_diff.lines.at(row);
        for (const bool left : {true, false}) {
            auto *item = new QTableWidgetItem(left ? line.left : line.right);
            if (const QColor colour = rowColour(line.kind, left); colour.isValid()) {
                item->setBackground(colour);
                item->setForeground(QColor(Qt::black)); // the light backgrounds keep dark text in a dark theme too
            }
            m_lines->setItem(row, left ? 0 : 1, item);
        }
    }
    if (m_diff.lines.size() > kMaxRows)
        m_summary->setText(m_summary->text() + u' ' +
                           tr("The first %1 of %2 lines are shown.").arg(kMaxRows).arg(m_diff.lines.size()));
    fitRowsToFont(m_lines, 4);
}

} // namespace triptych::ui
