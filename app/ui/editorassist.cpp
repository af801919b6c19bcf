#include "app/ui/editorassist.h"

#include "app/editor/completionmodel.h"
#include "app/editor/diagnosticmodel.h"
#include "app/editor/graphqlcompleter.h"

#include <QCoreApplication>
#include <QFrame>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QTextBlock>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace triptych::ui {
namespace {

constexpr int kDiagnosticProperty = QTextFormat::UserProperty + 41; // marks the underlines this class owns
constexpr int kPopupRows = 10;

bool startsCompletion(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') || c == QLatin1Char('@') ||
           c == QLatin1Char('"');
}

} // namespace

EditorAssist::EditorAssist(QPlainTextEdit *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_completions(new editor::CompletionModel(this))
    , m_diagnostics(new editor::DiagnosticModel(this))
    , m_popup(new QFrame(editor))
    , m_list(new QListView(m_popup))
    , m_documentation(new QLabel(m_popup))
    , m_diagnosticsView(new QListView(editor->parentWidget()))
    , m_validateTimer(new QTimer(this)) {
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->setAutoFillBackground(true);
    m_popup->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_documentation);
    m_list->setModel(m_completions);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setAccessibleName(tr("Completions"));
    m_documentation->setWordWrap(true);
    m_documentation->setMargin(4);
    m_popup->hide();

    m_diagnosticsView->setModel(m_diagnostics);
    m_diagnosticsView->setAccessibleName(tr("Errors in the query"));
    m_diagnosticsView->setMaximumHeight(m_diagnosticsView->fontMetrics().height() * 5);
    m_diagnosticsView->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_diagnosticsView->hide();

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(kValidateDelayMs);
    m_editor->installEventFilter(this);
    connect(m_validateTimer, &QTimer::timeout, this, &EditorAssist::validateNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &EditorAssist::onTextChanged);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) { accept(index.row()); });
    connect(m_diagnosticsView, &QListView::activated, this, &EditorAssist::onDiagnosticActivated);
    connect(m_diagnosticsView, &QListView::clicked, this, &EditorAssist::onDiagnosticActivated);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        m_documentation->setText(index.data(Qt::ToolTipRole).toString());
        m_documentation->setVisible(!m_documentation->text().isEmpty());
    });
}

void EditorAssist::setSchema(const editor::EditorSchema &schema) {
    m_schema = schema;
    if (!m_customProviders) {
        m_completer = [schema](const QString &text, int position) {
            return editor::completeGraphQL(schema, text, position);
        };
        m_checker = [schema](const QString &text) { return editor::diagnoseGraphQL(schema, text); };
    }
    validateNow();
}

void EditorAssist::setProviders(Completer completer, Checker checker) {
    m_customProviders = true;
    m_completer = std::move(completer);
    m_checker = std::move(checker);
    hidePopup();
    validateNow();
}

const QList<editor::GraphQLDiagnostic> &EditorAssist::diagnostics() const {
    return m_diagnostics->diagnostics();
}

bool EditorAssist::isCompleting() const {
    return m_popup->isVisible();
}

void EditorAssist::onTextChanged() {
    m_validateTimer->start();
    if (m_inserting)
        return;
    const QTextCursor cursor = m_editor->textCursor();
    const QString text = m_editor->toPlainText();
    const int position = cursor.position();
    if (position > 0 && position <= text.size() && startsCompletion(text.at(position - 1)) && m_completer)
        complete();
    else
        hidePopup();
}

void EditorAssist::complete() {
    const int position = m_editor->textCursor().position();
    if (!m_completer)
        return;
    editor::Completion completion = m_completer(m_editor->toPlainText(), position);
    // A word typed out in full needs no list.
    const bool onlyItself = completion.items.size() == 1 && completion.items.first().label == completion.prefix;
    if (completion.items.isEmpty() || onlyItself)
        return hidePopup();
    m_replaceStart = completion.replaceStart;
    m_completions->setItems(std::move(completion.items));
    m_list->setCurrentIndex(m_completions->index(0));
    const int rows = std::min(kPopupRows, m_completions->rowCount());
    const int width = std::max(m_list->sizeHintForColumn(0) + m_list->verticalScrollBar()->sizeHint().width() + 8,
                               m_editor->fontMetrics().averageCharWidth() * 40);
    m_popup->resize(std::min(width, m_editor->width()),
                    m_list->sizeHintForRow(0) * rows + 8 + (m_documentation->isVisible() ? 48 : 0));
    const QRect caret = m_editor->cursorRect();
    QPoint at = m_editor->viewport()->mapTo(m_editor, caret.bottomLeft());
    at.setX(std::min(at.x(), std::max(0, m_editor->width() - m_popup->width())));
    if (at.y() + m_popup->height() > m_editor->height())
        at.setY(std::max(0, m_editor->viewport()->mapTo(m_editor, caret.topLeft()).y() - m_popup->height()));
    m_popup->move(at);
    m_popup->show();
    m_popup->raise();
}

void EditorAssist::hidePopup() {
    m_popup->hide();
}

void EditorAssist::accept(int row) {
    if (row < 0 || row >= m_completions->rowCount())
        return hidePopup();
    const QString insert = m_completions->items().at(row).insertText;
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(m_replaceStart);
    cursor.setPosition(m_editor->textCursor().position(), QTextCursor::KeepAnchor);
    m_inserting = true;
    cursor.insertText(insert);
    m_inserting = false;
    m_editor->setTextCursor(cursor);
    hidePopup();
}

bool EditorAssist::handlePopupKey(int key) {
    const int row = m_list->currentIndex().row();
    const int count = m_completions->rowCount();
    switch (key) {
    case Qt::Key_Up:
        m_list->setCurrentIndex(m_completions->index((row - 1 + count) % count));
        return true;
    case Qt::Key_Down:
        m_list->setCurrentIndex(m_completions->index((row + 1) % count));
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        accept(row);
        return true;
    case Qt::Key_Escape:
        hidePopup();
        return true;
    default:
        return false;
    }
}

bool EditorAssist::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && (key->modifiers() & Qt::ControlModifier)) {
            complete();
            return true;
        }
        if (isCompleting() && handlePopupKey(key->key()))
            return true;
    } else if (watched == m_editor && event->type() == QEvent::FocusOut) {
        hidePopup();
    }
    return QObject::eventFilter(watched, event);
}

bool EditorAssist::prettify() {
    const std::optional<QString> printed = editor::prettifyGraphQL(m_editor->toPlainText());
    if (!printed)
        return false;
    if (*printed != m_editor->toPlainText()) {
        // Through a cursor, so that Undo brings the document back.
        QTextCursor cursor(m_editor->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(*printed);
    }
    return true;
}

void EditorAssist::validateNow() {
    m_validateTimer->stop();
    const quint64 generation = ++m_generation;
    const Checker checker = m_checker ? m_checker : [](const QString &text) {
        return editor::diagnoseGraphQL(editor::EditorSchema(), text); // syntax only until a schema comes
    };
    const QString text = m_editor->toPlainText();
    QPointer<EditorAssist> self(this);
    // Validation of a long document against a large schema can take milliseconds: never on the GUI thread.
    QThreadPool::globalInstance()->start([self, generation, checker, text] {
        const QList<editor::GraphQLDiagnostic> diagnostics =
            text.trimmed().isEmpty() ? QList<editor::GraphQLDiagnostic>() : checker(text);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, diagnostics] {
                if (self)
                    self->onValidated(generation, diagnostics);
            },
            Qt::QueuedConnection);
    });
}

void EditorAssist::onValidated(quint64 generation, const QList<editor::GraphQLDiagnostic> &diagnostics) {
    if (generation != m_generation)
        return;
    m_diagnostics->setDiagnostics(diagnostics);
    m_diagnosticsView->setVisible(!diagnostics.isEmpty());
    underline();
    Q_EMIT diagnosticsChanged(int(diagnostics.size()));
}

void EditorAssist::underline() {
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto &selection : m_editor->extraSelections())
        if (!selection.format.hasProperty(kDiagnosticProperty))
            selections.append(selection);
    for (const editor::GraphQLDiagnostic &d : diagnostics()) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(d.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        const int column = std::clamp(d.column - 1, 0, std::max(0, int(block.length()) - 1));
        selection.cursor.setPosition(block.position() + column);
        // The word at the error, or the character when it is punctuation.
        selection.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        if (!selection.cursor.hasSelection())
            selection.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(QColor(0xc0, 0x1c, 0x28));
        selection.format.setToolTip(d.message);
        selection.format.setProperty(kDiagnosticProperty, true);
        selections.append(selection);
    }
    m_editor->setExtraSelections(selections);
}

void EditorAssist::onDiagnosticActivated(const QModelIndex &index) {
    const QTextBlock block =
        m_editor->document()->findBlockByNumber(index.data(editor::DiagnosticModel::LineRole).toInt() - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::clamp(index.data(editor::DiagnosticModel::ColumnRole).toInt() - 1, 0,
                                                     std::max(0, int(block.length()) - 1)));
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
}

} // namespace triptych::ui
