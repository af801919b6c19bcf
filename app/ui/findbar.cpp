#include "app/ui/findbar.h"

#include "app/ui/largetextview.h"
#include "app/ui/spooledtext.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QThreadPool>
#include <QToolButton>

#include <array>

namespace triptych::ui {

namespace {
// Beyond this many matches the count says "more than"; stepping covers the first ones.
constexpr std::size_t kMaxMatches = 1'000'000;
// How many bytes the search covers between looks at its stop flag.
constexpr qint64 kStopCheckBytes = 1 << 20;

std::array<unsigned char, 256> asciiFoldTable() {
    std::array<unsigned char, 256> table{};
    for (int i = 0; i < 256; ++i)
        table[std::size_t(i)] =
            (i >= 'A' && i <= 'Z') ? static_cast<unsigned char>(i + 32) : static_cast<unsigned char>(i);
    return table;
}
} // namespace

std::vector<qint64> findAllMatches(const QByteArray &text, const QByteArray &needle, std::size_t limit,
                                   const std::atomic_bool &stop) {
    static const auto fold = asciiFoldTable();
    std::vector<qint64> matches;
    const qint64 n = needle.size();
    const qint64 size = text.size();
    if (n == 0 || n > size)
        return matches;
    const auto *hay = reinterpret_cast<const unsigned char *>(text.constData());
    const auto *pattern = reinterpret_cast<const unsigned char *>(needle.constData());
    const unsigned char first = fold[pattern[0]];
    for (qint64 i = 0; i + n <= size; ++i) {
        if ((i & (kStopCheckBytes - 1)) == 0 && stop.load(std::memory_order_relaxed))
            return {};
        if (fold[hay[i]] != first)
            continue;
        qint64 j = 1;
        while (j < n && fold[hay[i + j]] == fold[pattern[j]])
            ++j;
        if (j == n) {
            matches.push_back(i);
            if (matches.size() >= limit)
                break;
            i += n - 1;
        }
    }
    return matches;
}

FindBar::FindBar(LargeTextView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_field(new QLineEdit(this))
    , m_result(new QLabel(this))
    , m_relay(std::make_shared<client::ResultRelay>(this)) {
    m_field->setPlaceholderText(tr("Find in body"));
    m_field->setClearButtonEnabled(true);
    m_field->setAccessibleName(tr("Find in body"));
    auto *previous = new QToolButton(this);
    previous->setText(QStringLiteral("↑"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    previous->setAccessibleName(tr("Previous match"));
    auto *next = new QToolButton(this);
    next->setText(QStringLiteral("↓"));
    next->setToolTip(tr("Next match (Enter)"));
    next->setAccessibleName(tr("Next match"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close (Esc)"));
    close->setAccessibleName(tr("Close the find bar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_result);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(close);
    m_field->installEventFilter(this);
    connect(m_field, &QLineEdit::textChanged, this, &FindBar::search);
    connect(m_field, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

FindBar::~FindBar() {
    m_relay->detach();
    if (m_stop)
        m_stop->store(true);
}

void FindBar::open() {
    show();
    m_field->setFocus();
    m_field->selectAll();
}

void FindBar::refresh() {
    if (!m_field->text().isEmpty())
        search();
}

void FindBar::search() {
    if (m_stop)
        m_stop->store(true);
    m_matches.clear();
    m_current = -1;
    const QByteArray needle = m_field->text().toUtf8();
    if (needle.isEmpty()) {
        m_searching = false;
        m_result->clear();
        Q_EMIT searchFinished();
        return;
    }
    m_searching = true;
    m_result->setText(tr("searching…"));
    m_stop = std::make_shared<std::atomic_bool>(false);
    auto stop = m_stop;
    auto relay = m_relay;
    const QByteArray text = m_view->utf8();
    const QString file = m_view->filePath(); // a spooled body: read from its file, not through its mapping
    QThreadPool::globalInstance()->start([this, relay, stop, text, file, needle] {
        auto matches = file.isEmpty() ? findAllMatches(text, needle, kMaxMatches, *stop)
                                      : findAllMatchesInFile(file, needle, kMaxMatches, *stop);
        relay->post([this, stop, matches = std::move(matches)]() mutable {
            if (stop->load())
                return; // replaced by a newer search
            m_searching = false;
            m_matches = std::move(matches);
            // Start at the first match after what is selected, as editors do.
            const auto after = std::lower_bound(m_matches.cbegin(), m_matches.cend(), m_view->selectionStart());
            m_current = m_matches.empty() ? -1 : int(after == m_matches.cend() ? 0 : after - m_matches.cbegin());
            showMatch();
            Q_EMIT searchFinished();
        });
    });
}

void FindBar::findNext() {
    if (m_matches.empty())
        return;
    m_current = (m_current + 1) % int(m_matches.size());
    showMatch();
}

void FindBar::findPrevious() {
    if (m_matches.empty())
        return;
    m_current = (m_current - 1 + int(m_matches.size())) % int(m_matches.size());
    showMatch();
}

void FindBar::showMatch() {
    m_result->setText(resultText());
    QPalette palette = m_field->palette();
    palette.setColor(QPalette::Text, m_matches.empty() ? QColor(0xc0, 0x1c, 0x28) : QPalette().color(QPalette::Text));
    m_field->setPalette(palette);
    if (m_current < 0)
        return;
    const qint64 start = m_matches[std::size_t(m_current)];
    m_view->select(start, start + m_field->text().toUtf8().size());
}

QString FindBar::resultText() const {
    if (m_searching)
        return tr("searching…");
    if (m_field->text().isEmpty())
        return {};
    if (m_matches.empty())
        return tr("no match");
    const QString count =
        m_matches.size() >= kMaxMatches ? tr("%1+").arg(kMaxMatches) : QString::number(m_matches.size());
    return tr("%1 of %2").arg(m_current + 1).arg(count);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_field && event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_view->setFocus();
    } else if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
               event->modifiers() & Qt::ShiftModifier) {
        findPrevious();
    } else {
        QWidget::keyPressEvent(event);
    }
}

} // namespace triptych::ui
