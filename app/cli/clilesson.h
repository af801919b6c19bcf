#pragma once

#include "app/cli/clioptions.h"
#include "app/session/lesson.h"
#include "app/session/lessonrunner.h"

#include <QObject>

namespace triptych::session {
class ComparisonSession;
class ServerHost;
} // namespace triptych::session

namespace triptych::cli {

// `lesson [NAME]`: the lessons of resources/lessons (all, or the one with that id) run step by step against an
// embedded server on free ports, through the same LessonRunner as the window's Lessons dock. Prints each step's
// figures, its sentence and whether its claim held; exit 1 when one did not (docs/lessons.md).
class CliLesson : public QObject {
    Q_OBJECT
public:
    CliLesson(CliOptions options, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void lessonFinished(int exitCode);

private:
    void runNext();
    void onStepFinished(const session::LessonRunner::StepResult &result);
    void onStepFailed(int index, const QString &reason);
    void done(int exitCode);

    CliOptions m_options;
    session::ServerHost *m_host;
    session::ComparisonSession *m_session;
    session::LessonRunner *m_runner;
    QList<session::Lesson> m_lessons; // still to run
    int m_step = -1;
    int m_failedClaims = 0;
    int m_steps = 0;
};

} // namespace triptych::cli
