#pragma once

#include "app/client/callrecord.h"
#include "app/session/question.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace triptych::session {

// The one table of questions the GUI, triptych-cli and the benchmark ask (resources/questions.json, compiled in
// through resources/triptych.qrc), and the reader that checks it: a malformed file is refused with where and why.
class QuestionCatalog {
public:
    // The compiled-in table; a malformed one stops the program with the reader's message (a build mistake that
    // tests/app/session/test_questioncatalog.cpp catches first).
    static const QuestionCatalog &builtIn();
    // Empty on error, with `error` saying where (the question's index and id, the key) and what is wrong.
    static std::optional<QuestionCatalog> fromJson(const QByteArray &json, QString *error);
    static std::optional<QuestionCatalog> fromFile(const QString &path, QString *error);
    // One question object as this table holds it, read with the same rules; `where` names it in the error. Lessons
    // (LessonCatalog) carry their own calls in this form.
    static std::optional<Question> questionFromJson(const QJsonObject &object, const QString &where, QString *error);
    // The question with this id; null when there is none.
    const Question *find(const QString &id) const;

    const QList<Question> &questions() const { return m_questions; }
    // The toolbar's picker, in the order of Alt+1 ….
    QList<Question> askAll() const;
    // The benchmark dialog's presets and triptych-cli compare's rows.
    QList<Question> benchmarks() const;
    // One pane's presets menu: the preset questions that have this style.
    QList<Question> presets(client::CallKind style) const;

private:
    QList<Question> m_questions;
};

} // namespace triptych::session
