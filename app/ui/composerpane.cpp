#include "app/ui/composerpane.h"

#include "app/session/questioncatalog.h"
#include "app/ui/checkstab.h"
#include "app/ui/responseview.h"
#include "app/workspace/variableresolver.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace triptych::ui {

PaneTitle::PaneTitle(const QString &text, const QColor &accent, QWidget *parent)
    : QLabel(text, parent) {
    setStyleSheet(QStringLiteral("QLabel { border-bottom: 3px solid %1; padding: 3px 6px; font-weight: bold; }")
                      .arg(accent.name()));
    setToolTip(tr("Double-click to give this pane the whole width; again to restore"));
}

void PaneTitle::mouseDoubleClickEvent(QMouseEvent *event) {
    QLabel::mouseDoubleClickEvent(event);
    Q_EMIT doubleClicked();
}

ComposerPane::ComposerPane(const QString &title, const QColor &accent, SyntaxLanguage bodyLanguage, QWidget *parent)
    : QWidget(parent)
    , m_title(new PaneTitle(title, accent, this))
    , m_composerLayout(new QVBoxLayout)
    , m_response(new ResponseView(bodyLanguage, this))
    , m_checks(new ChecksTab(this))
    , m_sendButton(new QPushButton(tr("Send"), this))
    , m_splitter(new QSplitter(Qt::Vertical, this)) {
    m_sendButton->setToolTip(tr("Send (Ctrl+Enter)"));
    connect(m_sendButton, &QPushButton::clicked, this, &ComposerPane::onSendClicked);

    auto *composer = new QWidget(this);
    m_composerLayout->setContentsMargins(0, 0, 0, 0);
    composer->setLayout(m_composerLayout);
    // On a small screen the composer scrolls instead of pushing the window past the screen's edge.
    auto *scroller = new QScrollArea(this);
    scroller->setWidget(composer);
    scroller->setWidgetResizable(true);
    scroller->setFrameShape(QFrame::NoFrame);
    scroller->setFocusPolicy(Qt::NoFocus);
    m_splitter->addWidget(scroller);
    m_splitter->addWidget(m_response);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_splitter, 1);
}

void ComposerPane::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    // Two fifths for the composer once the pane has a height: its scroll area asks for little, so the splitter
    // alone would give the response nearly all of it.
    if (!m_sized && m_splitter->height() > 0) {
        m_sized = true;
        m_splitter->setSizes({m_splitter->height() * 2 / 5, m_splitter->height() * 3 / 5});
    }
}

QColor ComposerPane::accentFor(client::CallKind kind) {
    switch (kind) {
    case client::CallKind::Rest:
        return QColor(0x2f, 0x6f, 0xdf);
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        return QColor(0xd6, 0x33, 0x84);
    case client::CallKind::Grpc:
        return QColor(0x12, 0x9c, 0x8a);
    }
    return {};
}

void ComposerPane::onSendClicked() {
    if (m_busy)
        cancel();
    else
        send();
}

QStringList ComposerPane::presetNames() const {
    QStringList names;
    for (const auto &question : session::QuestionCatalog::builtIn().presets(style())) {
        switch (style()) {
        case client::CallKind::Rest:
            names << question.rest->label;
            break;
        case client::CallKind::GraphQL:
        case client::CallKind::GraphQLWebSocket:
            names << question.graphql->label;
            break;
        case client::CallKind::Grpc:
            names << question.grpc->label;
            break;
        }
    }
    return names;
}

void ComposerPane::applyPreset(int index) {
    const auto presets = session::QuestionCatalog::builtIn().presets(style());
    if (index >= 0 && index < presets.size())
        applyQuestion(presets.at(index));
}

void ComposerPane::setBusy(bool busy) {
    if (busy)
        m_showingCancelled = false;
    m_busy = busy;
    m_sendButton->setText(busy ? tr("Cancel") : tr("Send"));
    m_sendButton->setToolTip(busy ? tr("Cancel (Esc)") : tr("Send (Ctrl+Enter)"));
    m_sendButton->setEnabled(busy || m_blockReason.isEmpty());
}

void ComposerPane::setSendBlocked(const QString &reason) {
    m_blockReason = reason;
    if (!m_busy) {
        m_sendButton->setEnabled(reason.isEmpty());
        m_sendButton->setToolTip(reason.isEmpty() ? tr("Send (Ctrl+Enter)") : tr("Cannot send: %1").arg(reason));
    }
}

void ComposerPane::finishCall(const client::CallRecord &record) {
    setBusy(false);
    m_response->showRecord(record);
    m_checks->judge(record, [this](const QString &text) { return resolvedText(text); });
    Q_EMIT callCompleted(record);
}

void ComposerPane::focusComposer() {
    if (m_firstField)
        m_firstField->setFocus(Qt::OtherFocusReason);
}

void ComposerPane::finishKeyboardOrder(const QList<QWidget *> &composer) {
    m_firstField = composer.value(0);
    for (auto *view : findChildren<QAbstractItemView *>())
        view->setTabKeyNavigation(false); // Tab through a table's cells would never leave it
    for (auto *editor : findChildren<QPlainTextEdit *>())
        editor->setTabChangesFocus(true); // JSON and GraphQL indent with spaces; Tab moves on
    // A tab widget takes the focus through its tab bar: the bar moves with it, or Tab would find it where it was
    // left and jump back.
    QList<QWidget *> chain;
    for (auto *widget : composer) {
        chain << widget;
        if (auto *tabs = qobject_cast<QTabWidget *>(widget))
            chain << tabs->tabBar();
    }
    chain << m_response->findChild<QTabWidget *>(QString(), Qt::FindDirectChildrenOnly);
    chain << static_cast<QTabWidget *>(chain.last())->tabBar();
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (!followsInFocusChain(chain.at(i - 1), chain.at(i)))
            setTabOrder(chain.at(i - 1), chain.at(i));
    }
}

bool ComposerPane::followsInFocusChain(QWidget *first, QWidget *second) {
    // Already in order, with only parts of `first` in between (an editable combo box's line edit, a tab widget's
    // pages): moving `second` again would put it between `first` and those parts.
    for (QWidget *next = first->nextInFocusChain(); next != first; next = next->nextInFocusChain()) {
        if (next == second)
            return true;
        if (next->focusProxy() != first && !first->isAncestorOf(next))
            return false;
    }
    return false;
}

void ComposerPane::refuse(const QString &problem) {
    m_showingCancelled = false;
    m_response->showProblem(problem);
}

void ComposerPane::expectCancelledRecord(quint64 id) {
    m_cancelledId = id;
    m_showingCancelled = true;
}

bool ComposerPane::takeCancelledRecord(const client::CallRecord &record) {
    if (record.id != m_cancelledId || m_cancelledId == 0)
        return false;
    m_cancelledId = 0;
    if (std::exchange(m_showingCancelled, false))
        finishCall(record);
    else
        Q_EMIT callCompleted(record); // the view has moved on: only the history gets it
    return true;
}

QString ComposerPane::validateJson(QPlainTextEdit *editor, bool allowEmpty) {
    QString text = editor->toPlainText();
    // A {{variable}} stands for a value: it is checked as a 0 of the same length, so error columns stay in place.
    for (const auto &span : workspace::variableSpans(text))
        text.replace(span.start, span.length, QStringLiteral("0").leftJustified(span.length, QLatin1Char(' ')));
    editor->setExtraSelections({});
    if (text.trimmed().isEmpty())
        return allowEmpty ? QString() : tr("the JSON is empty");
    QJsonParseError error;
    const QByteArray utf8 = text.toUtf8();
    QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError)
        return {};
    // The offset counts UTF-8 bytes; map it back to a character position for the underline.
    const int position = int(QString::fromUtf8(utf8.left(error.offset)).size());
    QTextCursor cursor(editor->document());
    cursor.setPosition(qMin(position, int(text.size())));
    const int line = cursor.blockNumber() + 1;
    const int column = cursor.positionInBlock() + 1;
    QTextEdit::ExtraSelection selection;
    selection.cursor = cursor;
    selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    if (!selection.cursor.hasSelection()) {
        selection.cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
    }
    selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    selection.format.setUnderlineColor(QColor(0xc0, 0x1c, 0x28));
    editor->setExtraSelections({selection});
    return tr("JSON error at line %1, column %2: %3").arg(line).arg(column).arg(error.errorString());
}

} // namespace triptych::ui
