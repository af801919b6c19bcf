#pragma once

#include "app/session/lesson.h"
#include "app/session/lessonrunner.h"

#include <QImage>
#include <QList>

namespace triptych::ui {

// A lesson as it ran, for students: each step's sentence, whether its claim held, a table of its figures and
// pictures of the comparison strip and the trace waterfall taken when it finished; written as Markdown with PNGs
// beside it (File ▸ Export lesson handout…).
class LessonHandout {
public:
    struct Step {
        session::LessonRunner::StepResult result;
        QImage comparison;
        QImage waterfall;
    };

    // Starts over for this lesson.
    void begin(const session::Lesson &lesson);
    // A step that ran again replaces its earlier run.
    void addStep(const session::LessonRunner::StepResult &result, const QImage &comparison, const QImage &waterfall);
    bool isEmpty() const { return m_steps.isEmpty(); }
    const session::Lesson &lesson() const { return m_lesson; }

    // Writes `path` (Markdown) and its images into a folder beside it named after it ("lesson-files"); false with
    // `error` when a file cannot be written.
    bool write(const QString &path, QString *error) const;
    // The Markdown alone, its images named as write() names them.
    QString markdown(const QString &imageFolder) const;

private:
    session::Lesson m_lesson;
    QList<Step> m_steps; // in step order
};

} // namespace triptych::ui
