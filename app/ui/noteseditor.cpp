#include "app/ui/noteseditor.h"

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace triptych::ui {

NotesEditor::NotesEditor(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_rendered(new QTextBrowser(this))
    , m_preview(new QCheckBox(tr("Preview"), this))
    , m_pages(new QStackedWidget(this)) {
    m_text->setPlaceholderText(tr("Notes for whoever opens this request: what it is for, what to look at. Markdown."));
    m_text->setAccessibleName(tr("Notes"));
    m_rendered->setOpenExternalLinks(true);
    m_rendered->setAccessibleName(tr("Notes, as Markdown shows them"));
    m_pages->addWidget(m_text);
    m_pages->addWidget(m_rendered);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_preview, 0, Qt::AlignLeft);
    connect(m_preview, &QCheckBox::toggled, this, &NotesEditor::onPreviewToggled);
}

void NotesEditor::setNotes(const QString &markdown) {
    m_text->setPlainText(markdown);
    if (m_preview->isChecked())
        m_rendered->setMarkdown(markdown);
}

QString NotesEditor::notes() const {
    return m_text->toPlainText();
}

void NotesEditor::onPreviewToggled(bool on) {
    if (on)
        m_rendered->setMarkdown(m_text->toPlainText());
    m_pages->setCurrentWidget(on ? static_cast<QWidget *>(m_rendered) : m_text);
}

} // namespace triptych::ui
