#pragma once

#include "app/session/lesson.h"
#include "app/session/lessonrunner.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace triptych::session {
class ComparisonSession;
class ServerHost;
} // namespace triptych::session

namespace triptych::ui {

class LessonHandout;

// The Lessons dock (docs/lessons.md): the lessons of resources/lessons, Next / Back through their steps (Page Down /
// Page Up, as presentation clickers send), a step run again, and the step's sentence, large, filled with the numbers
// just measured — or, when they do not back its claim, what they say instead. Runs through the window's
// ComparisonSession, so the panes, the strip and the trace show every call.
class LessonsDock : public QWidget {
    Q_OBJECT
public:
    LessonsDock(session::ComparisonSession *session, session::ServerHost *host, QWidget *parent = nullptr);

    // Next: the first step of the chosen lesson, then each following one, then the next lesson's first.
    void next();
    void back();
    void rerun();
    void selectLesson(int index);
    // Stops a running step and puts the server's gateway and rate limit back as they were before the lessons.
    void restoreServer() { m_runner->restoreServer(); }
    int lessonIndex() const;
    int stepIndex() const { return m_step; }
    bool isRunning() const { return m_runner->isRunning(); }
    QString sentence() const;
    LessonHandout *handout() const { return m_handout; }
    // Larger text for presenter mode; the list of lessons hides to leave the sentence the room.
    void setPresenting(bool on);

Q_SIGNALS:
    // A step finished and its sentence shows; the strip and the trace hold its calls now.
    void stepFinished(const triptych::session::LessonRunner::StepResult &result);

private:
    void runStep(int index);
    void showLesson();
    void onStepStarted(int index, const QString &serverSwitch);
    void onStepFinished(const session::LessonRunner::StepResult &result);
    void onStepFailed(int index, const QString &reason);
    void updateButtons();
    void applyFonts();
    // The sentence as large as the room it has allows: down from the presenting size to the dock's own.
    void fitSentence();
    void setSentence(const QString &text);

protected:
    // The sentence's label resized (the dock, the claim below it): its text is fitted again.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    session::LessonRunner *m_runner;
    LessonHandout *m_handout;
    QListWidget *m_list;
    QLabel *m_title;
    QLabel *m_point;
    QLabel *m_stepTitle;
    QLabel *m_sentence;
    QLabel *m_claim;
    QLabel *m_needs;
    QPushButton *m_back;
    QPushButton *m_rerun;
    QPushButton *m_next;
    int m_step = -1; // the step shown; -1 before the first
    bool m_presenting = false;
};

} // namespace triptych::ui
