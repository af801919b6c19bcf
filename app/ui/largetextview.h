#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QColor>
#include <QList>
#include <QString>

#include <memory>

namespace triptych::ui {

// UTF-8 text with the start of every line: built off the GUI thread, handed to the view in O(1). Both parts are
// implicitly shared, so copies (pretty and raw kept side by side) cost nothing.
struct IndexedText {
    QByteArray text;
    QList<qint64> lineStarts{0}; // byte offset of each line; always at least one line
    qint64 longestLineBytes = 0;
    // Set when `text` maps a file (a spooled body, app/ui/spooledtext.h): searches read the file instead of the
    // mapping, and `storage` keeps the mapping alive as long as a copy uses it.
    QString filePath;
    std::shared_ptr<const void> storage;

    static IndexedText fromUtf8(QByteArray text);
    qsizetype lineCount() const { return qsizetype(lineStarts.size()); }
    // The line's bytes without its newline.
    qint64 lineEnd(qsizetype line) const;
};

// A read-only view of text of any size (a 50 MB JSON body is ~3 million lines): it paints only the visible lines,
// colours JSON as it paints them (so highlighting costs the same for 1 KB and 100 MB), and supports selection, copy
// and finding. Columns are bytes, which is exact for the ASCII that JSON bodies mostly are.
class LargeTextView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit LargeTextView(QWidget *parent = nullptr);

    void setText(IndexedText text, bool highlightJson);
    void clear() { setText(IndexedText::fromUtf8({}), false); }
    const QByteArray &utf8() const { return m_text.text; }
    // The file the text maps, empty when it is held in memory.
    const QString &filePath() const { return m_text.filePath; }
    QString toPlainText() const { return QString::fromUtf8(m_text.text); }
    qsizetype lineCount() const { return m_text.lineCount(); }
    bool highlightsJson() const { return m_highlightJson; }
    int firstVisibleLine() const;
    // Lines painted with colours in the last paint: only what was visible (a test seam for lazy highlighting).
    int lastPaintedLineCount() const { return m_lastPaintedLines; }

    // Selects bytes [start, end) and scrolls so the selection's start is visible.
    void select(qint64 start, qint64 end);
    void selectAll();
    QString selectedText() const;
    qint64 selectionStart() const { return std::min(m_anchor, m_cursor); }
    qint64 selectionEnd() const { return std::max(m_anchor, m_cursor); }
    void copy() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    void measureFont();
    struct Colours {
        QColor key, string, number, keyword;
    };
    // The JSON colours for a light or a dark palette; again when the palette changes (View ▸ Theme, the desktop).
    void pickColours();
    void updateScrollBars();
    qsizetype lineAt(qint64 offset) const;
    qint64 offsetAt(const QPoint &point) const;
    int visibleLineCount() const;
    void paintLine(QPainter &painter, qsizetype line, int y);
    void paintText(QPainter &painter, const QString &text, int baseline, bool colour);
    void ensureVisible(qint64 offset);

    IndexedText m_text;
    bool m_highlightJson = false;
    qint64 m_anchor = 0;
    qint64 m_cursor = 0;
    int m_lineHeight = 1;
    int m_charWidth = 1;
    int m_ascent = 0;
    int m_lastPaintedLines = 0;
    Colours m_colours;
};

} // namespace triptych::ui
