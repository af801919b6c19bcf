#include "app/ui/lessonsdock.h"

#include "app/model/otlpexport.h"
#include "app/session/lessoncatalog.h"
#include "app/ui/lessonhandout.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace triptych::ui {

namespace {
constexpr double kSentenceScale = 1.5;   // the sentence against the dock's own text
constexpr double kPresentingScale = 1.3; // and again in presenter mode, on top of the window's zoom
constexpr int kListWidthChars = 30;
constexpr double kShrinkStep = 0.9; // a smaller sentence font, tried until the sentence fits

QLabel *wrappingLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

LessonsDock::LessonsDock(session::ComparisonSession *session, session::ServerHost *host, QWidget *parent)
    : QWidget(parent)
    , m_runner(new session::LessonRunner(session, host, this))
    , m_handout(new LessonHandout)
    , m_list(new QListWidget(this))
    , m_title(wrappingLabel(this))
    , m_point(wrappingLabel(this))
    , m_stepTitle(wrappingLabel(this))
    , m_sentence(wrappingLabel(this))
    , m_claim(wrappingLabel(this))
    , m_needs(wrappingLabel(this))
    , m_back(new QPushButton(tr("◀ Back"), this))
    , m_rerun(new QPushButton(tr("Run again"), this))
    , m_next(new QPushButton(tr("Next ▶"), this)) {
    m_runner->setTraceEncoder(&model::traceToOtlpJson); // the same OTLP/JSON as File ▸ Export trace
    setObjectName(QStringLiteral("lessonsDock"));
    for (const auto &lesson : session::LessonCatalog::builtIn().lessons())
        m_list->addItem(lesson.title);
    m_list->setMaximumWidth(fontMetrics().averageCharWidth() * kListWidthChars);
    m_sentence->setObjectName(QStringLiteral("lessonSentence"));
    // Its height is what the dock leaves it, whatever the text: fitSentence() sizes the text to it.
    m_sentence->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_sentence->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_sentence->installEventFilter(this);
    m_back->setToolTip(tr("The step before (Page Up)"));
    m_next->setToolTip(tr("The next step (Page Down)"));
    m_rerun->setToolTip(tr("Run this step again, with fresh numbers"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_rerun);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    auto *text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_point);
    text->addWidget(m_stepTitle);
    text->addWidget(m_sentence, 1);
    text->addWidget(m_claim);
    text->addWidget(m_needs);
    text->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_list);
    layout->addLayout(text, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showLesson(); });
    connect(m_back, &QPushButton::clicked, this, &LessonsDock::back);
    connect(m_next, &QPushButton::clicked, this, &LessonsDock::next);
    connect(m_rerun, &QPushButton::clicked, this, &LessonsDock::rerun);
    connect(m_runner, &session::LessonRunner::stepStarted, this, &LessonsDock::onStepStarted);
    connect(m_runner, &session::LessonRunner::stepFinished, this, &LessonsDock::onStepFinished);
    connect(m_runner, &session::LessonRunner::stepFailed, this, &LessonsDock::onStepFailed);
    applyFonts();
    m_list->setCurrentRow(0);
}

int LessonsDock::lessonIndex() const {
    return m_list->currentRow();
}

QString LessonsDock::sentence() const {
    return m_sentence->text();
}

void LessonsDock::selectLesson(int index) {
    m_list->setCurrentRow(index);
}

void LessonsDock::showLesson() {
    m_runner->cancel();
    m_step = -1;
    const auto &lessons = session::LessonCatalog::builtIn().lessons();
    if (lessonIndex() < 0 || lessonIndex() >= lessons.size())
        return;
    const auto &lesson = lessons.at(lessonIndex());
    m_runner->setLesson(lesson);
    m_handout->begin(lesson);
    m_title->setText(QStringLiteral("<b>%1</b>").arg(lesson.title.toHtmlEscaped()));
    m_point->setText(lesson.point);
    m_stepTitle->setText(tr("%n step(s). Next (Page Down) runs the first.", nullptr, int(lesson.steps.size())));
    setSentence({});
    m_claim->clear();
    m_needs->setText(lesson.needs.isEmpty() ? QString()
                                            : tr("Not shown yet: %1").arg(lesson.needs.join(QStringLiteral("; "))));
    m_needs->setVisible(!lesson.needs.isEmpty() && !m_presenting);
    updateButtons();
}

void LessonsDock::next() {
    const auto &lessons = session::LessonCatalog::builtIn().lessons();
    if (lessonIndex() < 0)
        return;
    if (m_step + 1 < lessons.at(lessonIndex()).steps.size()) {
        runStep(m_step + 1);
    } else if (lessonIndex() + 1 < lessons.size()) {
        selectLesson(lessonIndex() + 1);
        runStep(0);
    }
}

void LessonsDock::back() {
    if (m_step > 0)
        runStep(m_step - 1);
}

void LessonsDock::rerun() {
    if (m_step >= 0)
        runStep(m_step);
}

void LessonsDock::runStep(int index) {
    m_step = index;
    m_runner->runStep(index);
}

void LessonsDock::onStepStarted(int index, const QString &serverSwitch) {
    const auto &steps = m_runner->lesson().steps;
    const auto &question = steps.at(index).question;
    QStringList styles;
    if (question.rest)
        styles << tr("REST");
    if (question.graphql)
        styles << tr("GraphQL");
    if (question.grpc)
        styles << tr("gRPC");
    // A pane this step does not ask keeps its last answer: say which ones the step's numbers are from.
    const QString only = styles.size() < 3 ? tr(" (asked in %1 only)").arg(styles.join(tr(" and "))) : QString();
    m_stepTitle->setText(tr("Step %1 of %2: %3%4").arg(index + 1).arg(steps.size()).arg(steps.at(index).title, only));
    const QString running = steps.at(index).question.streaming
                                ? tr("The streams are open for %1 s…").arg(steps.at(index).stopAfterMs / 1000.0)
                                : tr("Asking…");
    setSentence(serverSwitch.isEmpty() ? running : tr("Server: %1. %2").arg(serverSwitch, running));
    m_claim->clear();
    updateButtons();
}

void LessonsDock::onStepFinished(const session::LessonRunner::StepResult &result) {
    setSentence(result.sentence);
    m_claim->setText(result.verdict.holds ? tr("Measured: %1").arg(result.verdict.because)
                                          : tr("The claim did not hold: %1").arg(result.verdict.because));
    updateButtons();
    Q_EMIT stepFinished(result);
}

void LessonsDock::onStepFailed(int index, const QString &reason) {
    setSentence(tr("Step %1 could not run: %2").arg(index + 1).arg(reason));
    updateButtons();
}

void LessonsDock::updateButtons() {
    const auto &lessons = session::LessonCatalog::builtIn().lessons();
    const bool lastLesson = lessonIndex() + 1 >= lessons.size();
    const bool lastStep = lessonIndex() < 0 || m_step + 1 >= lessons.at(lessonIndex()).steps.size();
    m_back->setEnabled(m_step > 0);
    m_rerun->setEnabled(m_step >= 0);
    m_next->setEnabled(!(lastStep && lastLesson));
    m_next->setText(lastStep && !lastLesson ? tr("Next lesson ▶") : tr("Next ▶"));
}

void LessonsDock::setPresenting(bool on) {
    m_presenting = on;
    m_list->setVisible(!on);
    m_point->setVisible(!on);
    m_needs->setVisible(!on && !m_needs->text().isEmpty());
    applyFonts();
}

void LessonsDock::applyFonts() {
    fitSentence();
}

void LessonsDock::setSentence(const QString &text) {
    m_sentence->setText(text);
    fitSentence();
}

bool LessonsDock::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_sentence && event->type() == QEvent::Resize)
        fitSentence();
    return QWidget::eventFilter(watched, event);
}

void LessonsDock::fitSentence() {
    const qreal smallest = font().pointSizeF();
    QFont fitted = m_sentence->font();
    fitted.setPointSizeF(smallest * kSentenceScale * (m_presenting ? kPresentingScale : 1.0));
    const QRect room(0, 0, std::max(1, m_sentence->width()), std::numeric_limits<int>::max() / 2);
    const auto height = [&] {
        return QFontMetrics(fitted).boundingRect(room, Qt::TextWordWrap, m_sentence->text()).height();
    };
    while (fitted.pointSizeF() > smallest && height() > m_sentence->height())
        fitted.setPointSizeF(std::max(smallest, fitted.pointSizeF() * kShrinkStep));
    m_sentence->setFont(fitted);
}

} // namespace triptych::ui
