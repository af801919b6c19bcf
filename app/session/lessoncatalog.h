#pragma once

#include "app/session/lesson.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace triptych::session {

class QuestionCatalog;

// The lessons of resources/lessons/*.json (compiled in through resources/triptych.qrc, in file-name order), and the
// reader that checks them as QuestionCatalog checks its table: a malformed file is refused with where and why.
class LessonCatalog {
public:
    // The compiled-in lessons; a malformed file stops the program (tests/app/session/test_lessoncatalog.cpp
    // catches that first).
    static const LessonCatalog &builtIn();
    // One lesson file; a step's "question" names a question of `questions`.
    static std::optional<Lesson> lessonFromJson(const QByteArray &json, const QuestionCatalog &questions,
                                                QString *error);
    // Every *.json of a folder, in file-name order; ids must differ.
    static std::optional<LessonCatalog> fromFolder(const QString &folder, const QuestionCatalog &questions,
                                                   QString *error);

    const QList<Lesson> &lessons() const { return m_lessons; }
    // The lesson with this id; null when there is none.
    const Lesson *find(const QString &id) const;

private:
    QList<Lesson> m_lessons;
};

} // namespace triptych::session
