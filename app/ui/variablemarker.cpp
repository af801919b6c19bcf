#include "app/ui/variablemarker.h"

#include "app/session/activeenvironment.h"
#include "app/ui/composerpane.h"
#include "app/ui/responseview.h"
#include "app/workspace/variableresolver.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QToolTip>

namespace triptych::ui {

namespace {
// Marks the extra selections this class adds, so the JSON checker's underline stays beside them.
constexpr int kMarkProperty = QTextFormat::UserProperty + 16;
constexpr int kNameProperty = QTextFormat::UserProperty + 17;
const QColor kDefinedColor(0x7b, 0x3f, 0xc4);
const QColor kUndefinedColor(0xc0, 0x1c, 0x28);
const QString kMask = QStringLiteral("••••••");
constexpr qsizetype kMaxMarkedChars = 1'000'000; // a bigger text is not scanned at every keystroke

QTextCharFormat formatFor(bool defined) {
    QTextCharFormat format;
    format.setForeground(defined ? kDefinedColor : kUndefinedColor);
    format.setFontWeight(QFont::DemiBold);
    if (!defined) {
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(kUndefinedColor);
    }
    return format;
}

bool inside(const QWidget *widget, const QWidget *container) {
    return container && (widget == container || container->isAncestorOf(widget));
}
} // namespace

VariableMarker::VariableMarker(const session::ActiveEnvironment *environment, QObject *parent)
    : QObject(parent)
    , m_environment(environment) {}

void VariableMarker::watchPane(ComposerPane *pane) {
    const QWidget *response = pane->responseView();
    for (auto *editor : pane->findChildren<QPlainTextEdit *>()) {
        if (!inside(editor, response) && !editor->isReadOnly())
            watch(editor);
    }
    for (auto *edit : pane->findChildren<QLineEdit *>()) {
        if (!inside(edit, response) && !edit->isReadOnly())
            watch(edit);
    }
}

void VariableMarker::watch(QPlainTextEdit *editor) {
    m_editors.append(editor);
    editor->viewport()->installEventFilter(this);
    // Connected after the pane's own checks, so it runs after them and keeps their underline.
    connect(editor, &QPlainTextEdit::textChanged, this, [this, editor] { mark(editor); });
    mark(editor);
}

void VariableMarker::watch(QLineEdit *edit) {
    m_lines.append(edit);
    edit->installEventFilter(this);
    connect(edit, &QLineEdit::textChanged, this, [this, edit] { mark(edit); });
    mark(edit);
}

void VariableMarker::refresh() {
    for (const auto &editor : std::as_const(m_editors)) {
        if (editor)
            mark(editor);
    }
    for (const auto &edit : std::as_const(m_lines)) {
        if (edit)
            mark(edit);
    }
}

bool VariableMarker::isDefined(const QString &name) const {
    const auto found = m_environment->resolver().lookup(name);
    return found && !(found->secret && found->value.isEmpty());
}

void VariableMarker::mark(QPlainTextEdit *editor) {
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto &selection : editor->extraSelections()) {
        if (!selection.format.hasProperty(kMarkProperty))
            selections.append(selection);
    }
    const QString text = editor->toPlainText();
    const auto spans =
        text.size() <= kMaxMarkedChars ? workspace::variableSpans(text) : QList<workspace::VariableSpan>();
    for (const auto &span : spans) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(editor->document());
        selection.cursor.setPosition(int(span.start));
        selection.cursor.setPosition(int(span.start + span.length), QTextCursor::KeepAnchor);
        selection.format = formatFor(isDefined(span.name));
        selection.format.setProperty(kMarkProperty, true);
        selection.format.setProperty(kNameProperty, span.name);
        selections.append(selection);
    }
    editor->setExtraSelections(selections);
}

void VariableMarker::mark(QLineEdit *edit) {
    // A line edit has no extra selections; an input method event with no text sets formats on its layout.
    QList<QInputMethodEvent::Attribute> attributes;
    for (const auto &span : workspace::variableSpans(edit->text())) {
        attributes.append({QInputMethodEvent::TextFormat, int(span.start) - edit->cursorPosition(), int(span.length),
                           formatFor(isDefined(span.name))});
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(edit, &event);
}

QString VariableMarker::explain(const QString &name) const {
    const QString braced = QStringLiteral("{{%1}}").arg(name);
    const auto found = m_environment->resolver().lookup(name);
    const QString environment = m_environment->current();
    if (!found)
        return tr("%1 is not defined in environment “%2”").arg(braced, environment);
    if (found->secret && found->value.isEmpty())
        return tr("%1 is a secret with no value on this machine (environment “%2”)").arg(braced, environment);
    const QString value = found->secret ? kMask : found->value;
    switch (found->scope) {
    case workspace::VariableScope::Dynamic:
        return tr("%1 = %2 · built in, fresh at every send").arg(braced, value);
    case workspace::VariableScope::Workspace:
        return tr("%1 = %2 · workspace variable").arg(braced, value);
    case workspace::VariableScope::Runtime:
        return tr("%1 = %2 · set at run time").arg(braced, value);
    case workspace::VariableScope::Environment:
        break;
    }
    return found->secret ? tr("%1 = %2 · secret, environment “%3”").arg(braced, value, environment)
                         : tr("%1 = %2 · environment “%3”").arg(braced, value, environment);
}

QStringList VariableMarker::undefinedMarks(const QPlainTextEdit *editor) {
    QStringList names;
    for (const auto &selection : editor->extraSelections()) {
        if (selection.format.hasProperty(kMarkProperty) &&
            selection.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            names.append(selection.format.property(kNameProperty).toString());
    }
    return names;
}

QString VariableMarker::variableAt(const QString &text, int position) {
    for (const auto &span : workspace::variableSpans(text)) {
        if (position >= span.start && position < span.start + span.length)
            return span.name;
    }
    return {};
}

bool VariableMarker::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::ToolTip)
        return QObject::eventFilter(watched, event);
    const auto *help = static_cast<QHelpEvent *>(event);
    QString name;
    QWidget *widget = qobject_cast<QWidget *>(watched);
    if (auto *edit = qobject_cast<QLineEdit *>(watched)) {
        name = variableAt(edit->text(), edit->cursorPositionAt(help->pos()));
    } else if (auto *editor = widget ? qobject_cast<QPlainTextEdit *>(widget->parentWidget()) : nullptr) {
        const QTextCursor cursor = editor->cursorForPosition(help->pos());
        name = variableAt(cursor.block().text(), cursor.positionInBlock());
    }
    if (name.isEmpty())
        return QObject::eventFilter(watched, event);
    QToolTip::showText(help->globalPos(), explain(name), widget);
    return true;
}

} // namespace triptych::ui
