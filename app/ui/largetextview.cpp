#include "app/ui/largetextview.h"
#include "app/ui/fonts.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cstring>
#include <limits>

namespace triptych::ui {

namespace {
// Bytes of one line decoded per paint beyond the visible columns: a 50 MB one-line body paints only what shows.
constexpr int kPaintSlackColumns = 8;
constexpr int kLeftMarginPx = 4;

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

enum class Token { Plain, Key, String, Number, Keyword };

struct Span {
    qsizetype start;
    qsizetype length;
    Token token;
};

// Colours one line of indented JSON; a line never splits a JSON string, so no state crosses lines.
QList<Span> jsonSpans(const QString &line) {
    QList<Span> spans;
    const qsizetype n = line.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < n && line.at(j) != QLatin1Char('"'))
                j += line.at(j) == QLatin1Char('\\') ? 2 : 1;
            j = std::min(j + 1, n);
            qsizetype k = j;
            while (k < n && line.at(k) == QLatin1Char(' '))
                ++k;
            spans.append({i, j - i, k < n && line.at(k) == QLatin1Char(':') ? Token::Key : Token::String});
            i = j;
        } else if (c == QLatin1Char('-') || c.isDigit()) {
            qsizetype j = i + 1;
            while (j < n && (line.at(j).isDigit() || QStringView(u".eE+-").contains(line.at(j))))
                ++j;
            spans.append({i, j - i, Token::Number});
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && line.at(j).isLetter())
                ++j;
            spans.append({i, j - i, Token::Keyword});
            i = j;
        } else {
            qsizetype j = i + 1;
            while (j < n && !QStringView(u"\"-0123456789").contains(line.at(j)) && !line.at(j).isLetter())
                ++j;
            spans.append({i, j - i, Token::Plain});
            i = j;
        }
    }
    return spans;
}
} // namespace

IndexedText IndexedText::fromUtf8(QByteArray text) {
    IndexedText indexed;
    indexed.text = std::move(text);
    const char *data = indexed.text.constData();
    const qint64 size = indexed.text.size();
    qint64 start = 0;
    while (start <= size) {
        const void *found = size > start ? std::memchr(data + start, '\n', std::size_t(size - start)) : nullptr;
        const qint64 end = found ? static_cast<const char *>(found) - data : size;
        indexed.longestLineBytes = std::max(indexed.longestLineBytes, end - start);
        if (!found)
            break;
        start = end + 1;
        indexed.lineStarts.push_back(start);
    }
    return indexed;
}

qint64 IndexedText::lineEnd(qsizetype line) const {
    if (line + 1 < lineCount())
        return lineStarts.at(line + 1) - 1;
    return text.size();
}

LargeTextView::LargeTextView(QWidget *parent)
    : QAbstractScrollArea(parent) {
    useFixedPitchFont(this);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    pickColours();
    measureFont();
}

void LargeTextView::pickColours() {
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    // The same colours as the built-in JSON highlighter (builtinhighlighter.cpp).
    m_colours = dark ? Colours{QColor(0x7f, 0xb2, 0xff), QColor(0xf0, 0xa8, 0x68), QColor(0x6f, 0xd3, 0xc9),
                               QColor(0xc5, 0xa3, 0xff)}
                     : Colours{QColor(0x1f, 0x5f, 0xbf), QColor(0xa3, 0x41, 0x0a), QColor(0x0b, 0x7a, 0x75),
                               QColor(0x8a, 0x3f, 0xfc)};
}

void LargeTextView::measureFont() {
    const QFontMetrics metrics(font());
    m_lineHeight = std::max(1, metrics.height());
    m_charWidth = std::max(1, metrics.horizontalAdvance(QLatin1Char('M')));
    m_ascent = metrics.ascent();
}

void LargeTextView::changeEvent(QEvent *event) {
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        pickColours();
        viewport()->update();
    } else if (event->type() == QEvent::FontChange) {
        measureFont(); // zoom: lines, columns and the scroll range follow the new size
        updateScrollBars();
        viewport()->update();
    }
}

void LargeTextView::setText(IndexedText text, bool highlightJson) {
    m_text = std::move(text);
    m_highlightJson = highlightJson;
    m_anchor = m_cursor = 0;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

int LargeTextView::visibleLineCount() const {
    return std::max(1, viewport()->height() / m_lineHeight);
}

int LargeTextView::firstVisibleLine() const {
    return verticalScrollBar()->value();
}

void LargeTextView::updateScrollBars() {
    const int lines = visibleLineCount();
    verticalScrollBar()->setRange(0, int(std::max<qsizetype>(0, m_text.lineCount() - lines)));
    verticalScrollBar()->setPageStep(lines);
    verticalScrollBar()->setSingleStep(1);
    const int columns = std::max(1, (viewport()->width() - kLeftMarginPx) / m_charWidth);
    const qint64 longest = std::min<qint64>(m_text.longestLineBytes, std::numeric_limits<int>::max());
    horizontalScrollBar()->setRange(0, int(std::max<qint64>(0, longest - columns + 1)));
    horizontalScrollBar()->setPageStep(columns);
    horizontalScrollBar()->setSingleStep(1);
}

void LargeTextView::resizeEvent(QResizeEvent *event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LargeTextView::scrollContentsBy(int, int) {
    viewport()->update();
}

void LargeTextView::paintEvent(QPaintEvent *) {
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    painter.setFont(font());
    const qsizetype first = firstVisibleLine();
    const qsizetype last = std::min<qsizetype>(m_text.lineCount(), first + visibleLineCount() + 1);
    for (qsizetype line = first; line < last; ++line)
        paintLine(painter, line, int(line - first) * m_lineHeight);
    m_lastPaintedLines = int(last - first);
}

void LargeTextView::paintLine(QPainter &painter, qsizetype line, int y) {
    const qint64 lineStart = m_text.lineStarts.at(line);
    const qint64 lineEnd = m_text.lineEnd(line);
    const int columns = viewport()->width() / m_charWidth + kPaintSlackColumns;
    qint64 from = std::min(lineStart + horizontalScrollBar()->value(), lineEnd);
    while (from > lineStart && from < lineEnd && isContinuationByte(m_text.text.at(from)))
        --from;
    const qint64 to = std::min(lineEnd, from + columns * 4);
    const QString text = QString::fromUtf8(m_text.text.constData() + from, to - from);
    const QFontMetrics metrics(font());
    const int baseline = y + m_ascent;
    // Selection behind the text.
    const qint64 selStart = std::max(selectionStart(), from);
    const qint64 selEnd = std::min(selectionEnd(), to);
    QRect selected;
    if (selStart < selEnd || (selectionStart() < from && selectionEnd() > lineEnd)) {
        const int x0 = metrics.horizontalAdvance(QString::fromUtf8(m_text.text.constData() + from, selStart - from));
        const int x1 = metrics.horizontalAdvance(QString::fromUtf8(m_text.text.constData() + from, selEnd - from));
        const int extra = selectionEnd() > lineEnd ? m_charWidth : 0; // the newline is selected too
        selected = QRect(kLeftMarginPx + x0, y, x1 - x0 + extra, m_lineHeight);
        painter.fillRect(selected, palette().color(QPalette::Highlight));
    }
    paintText(painter, text, baseline, m_highlightJson && from == lineStart);
    if (!selected.isEmpty()) {
        // The selected part again in the selection's text colour, so it reads on the highlight.
        painter.save();
        painter.setClipRect(selected);
        painter.setPen(palette().color(QPalette::HighlightedText));
        painter.drawText(kLeftMarginPx, baseline, text);
        painter.restore();
    }
}

void LargeTextView::paintText(QPainter &painter, const QString &text, int baseline, bool colour) {
    if (!colour) {
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(kLeftMarginPx, baseline, text);
        return;
    }
    const QFontMetrics metrics(font());
    int x = kLeftMarginPx;
    for (const Span &span : jsonSpans(text)) {
        const QString piece = text.mid(span.start, span.length);
        switch (span.token) {
        case Token::Key:
            painter.setPen(m_colours.key);
            break;
        case Token::String:
            painter.setPen(m_colours.string);
            break;
        case Token::Number:
            painter.setPen(m_colours.number);
            break;
        case Token::Keyword:
            painter.setPen(m_colours.keyword);
            break;
        case Token::Plain:
            painter.setPen(palette().color(QPalette::Text));
            break;
        }
        painter.drawText(x, baseline, piece);
        x += metrics.horizontalAdvance(piece);
        if (x > viewport()->width())
            break;
    }
}

qsizetype LargeTextView::lineAt(qint64 offset) const {
    const auto it = std::upper_bound(m_text.lineStarts.cbegin(), m_text.lineStarts.cend(), offset);
    return std::max<qsizetype>(0, qsizetype(it - m_text.lineStarts.cbegin()) - 1);
}

qint64 LargeTextView::offsetAt(const QPoint &point) const {
    const qsizetype line =
        std::clamp<qsizetype>(firstVisibleLine() + point.y() / m_lineHeight, 0, m_text.lineCount() - 1);
    const qint64 lineStart = m_text.lineStarts.at(line);
    const qint64 lineEnd = m_text.lineEnd(line);
    qint64 offset = std::min(lineStart + horizontalScrollBar()->value(), lineEnd);
    const QFontMetrics metrics(font());
    int x = kLeftMarginPx;
    while (offset < lineEnd) {
        qint64 next = offset + 1;
        while (next < lineEnd && isContinuationByte(m_text.text.at(next)))
            ++next;
        const int width = metrics.horizontalAdvance(QString::fromUtf8(m_text.text.constData() + offset, next - offset));
        if (x + width / 2 > point.x())
            break;
        x += width;
        offset = next;
    }
    return offset;
}

void LargeTextView::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return;
    m_cursor = offsetAt(event->position().toPoint());
    if (!(event->modifiers() & Qt::ShiftModifier))
        m_anchor = m_cursor;
    viewport()->update();
}

void LargeTextView::mouseMoveEvent(QMouseEvent *event) {
    if (!(event->buttons() & Qt::LeftButton))
        return;
    m_cursor = offsetAt(event->position().toPoint());
    viewport()->update();
}

void LargeTextView::mouseDoubleClickEvent(QMouseEvent *event) {
    // Selects the word or JSON string under the pointer.
    const qint64 at = offsetAt(event->position().toPoint());
    const qsizetype line = lineAt(at);
    const qint64 lineStart = m_text.lineStarts.at(line);
    const qint64 lineEnd = m_text.lineEnd(line);
    auto isWord = [this](qint64 i) {
        const char c = m_text.text.at(i);
        return c != ' ' && c != '"' && c != ',' && c != ':' && c != '{' && c != '}' && c != '[' && c != ']';
    };
    qint64 start = at;
    qint64 end = at;
    while (start > lineStart && isWord(start - 1))
        --start;
    while (end < lineEnd && isWord(end))
        ++end;
    m_anchor = start;
    m_cursor = end;
    viewport()->update();
}

void LargeTextView::keyPressEvent(QKeyEvent *event) {
    if (event->matches(QKeySequence::Copy)) {
        copy();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else if (event->key() == Qt::Key_Home && event->modifiers() & Qt::ControlModifier) {
        verticalScrollBar()->setValue(0);
    } else if (event->key() == Qt::Key_End && event->modifiers() & Qt::ControlModifier) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    } else {
        QAbstractScrollArea::keyPressEvent(event); // arrows and page keys scroll
    }
}

void LargeTextView::select(qint64 start, qint64 end) {
    m_anchor = std::clamp<qint64>(start, 0, m_text.text.size());
    m_cursor = std::clamp<qint64>(end, 0, m_text.text.size());
    ensureVisible(m_anchor);
    viewport()->update();
}

void LargeTextView::selectAll() {
    m_anchor = 0;
    m_cursor = m_text.text.size();
    viewport()->update();
}

QString LargeTextView::selectedText() const {
    return QString::fromUtf8(m_text.text.constData() + selectionStart(), selectionEnd() - selectionStart());
}

void LargeTextView::copy() const {
    if (selectionEnd() > selectionStart())
        QGuiApplication::clipboard()->setText(selectedText());
}

void LargeTextView::ensureVisible(qint64 offset) {
    const qsizetype line = lineAt(offset);
    const int first = firstVisibleLine();
    if (line < first || line >= first + visibleLineCount())
        verticalScrollBar()->setValue(int(std::max<qsizetype>(0, line - visibleLineCount() / 3)));
    const qint64 column = offset - m_text.lineStarts.at(line);
    const int columns = std::max(1, (viewport()->width() - kLeftMarginPx) / m_charWidth);
    const int h = horizontalScrollBar()->value();
    if (column < h || column >= h + columns)
        horizontalScrollBar()->setValue(int(std::max<qint64>(0, column - columns / 3)));
}

} // namespace triptych::ui
