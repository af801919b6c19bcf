#pragma once

#include <QWidget>

class QCheckBox;
class QPlainTextEdit;
class QStackedWidget;
class QTextBrowser;

namespace triptych::ui {

// A saved request's notes (docs/workspace.md): Markdown typed as text, and a preview of it on demand. The text is
// kept exactly as typed, so a one-line edit of the notes is a one-line diff of the file.
class NotesEditor : public QWidget {
    Q_OBJECT
public:
    explicit NotesEditor(QWidget *parent = nullptr);

    void setNotes(const QString &markdown);
    QString notes() const;
    QPlainTextEdit *textEdit() const { return m_text; }
    QCheckBox *previewSwitch() const { return m_preview; }
    QTextBrowser *previewView() const { return m_rendered; }

private:
    void onPreviewToggled(bool on);

    QPlainTextEdit *m_text;
    QTextBrowser *m_rendered;
    QCheckBox *m_preview;
    QStackedWidget *m_pages;
};

} // namespace triptych::ui
