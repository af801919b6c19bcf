#include "app/ui/comparetoolbar.h"

#include "app/session/questioncatalog.h"

#include <QComboBox>
#include <QLabel>

namespace triptych::ui {

CompareToolBar::CompareToolBar(QWidget *parent)
    : QToolBar(tr("Compare"), parent)
    , m_questions(new QComboBox(this)) {
    setObjectName(QStringLiteral("compare"));
    setMovable(false);
    addWidget(new QLabel(tr(" Ask all three: "), this));
    for (const auto &question : session::QuestionCatalog::builtIn().askAll())
        m_questions->addItem(question.title);
    m_questions->setToolTip(tr("Choose a question to put it into all three panes and send it (Alt+1 …)"));
    m_questions->setAccessibleName(tr("Question to ask all three"));
    connect(m_questions, &QComboBox::activated, this, &CompareToolBar::questionChosen);
    addWidget(m_questions);
    auto *sendAll = addAction(tr("▶ Send all"), this, &CompareToolBar::sendAllClicked);
    sendAll->setToolTip(tr("Send the question in all three panes (Ctrl+Shift+Enter)"));
    // The arrow is decoration: a screen reader says the words.
    widgetForAction(sendAll)->setAccessibleName(tr("Send all"));
    auto *benchmark = addAction(tr("Benchmark…"), this, &CompareToolBar::benchmarkClicked);
    benchmark->setToolTip(tr("Repeat a preset or the focused pane's call and compare latencies (Ctrl+B)"));
}

void CompareToolBar::setCurrentQuestion(int index) {
    m_questions->setCurrentIndex(index);
}

} // namespace triptych::ui
