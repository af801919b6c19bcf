#include "app/session/lessoncatalog.h"

#include "app/session/lessonrecord.h"
#include "app/session/questioncatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <utility>

namespace triptych::session {

namespace {

constexpr auto kBuiltInFolder = ":/triptych/lessons";
constexpr int kMaxStopAfterMs = 60'000;
constexpr int kMaxRateLimit = 100'000;

// The first problem of a lesson file, where and what, as QuestionCatalog words it.
struct Problem {
    QString *error;
    bool fail(const QString &where, const QString &what) const {
        *error = QStringLiteral("%1: %2").arg(where, what);
        return false;
    }
};

bool onlyKeys(const QJsonObject &object, const QStringList &keys, const QString &where, const Problem &problem) {
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!keys.contains(it.key()))
            return problem.fail(where, QStringLiteral("\"%1\" is not a known key").arg(it.key()));
    }
    return true;
}

bool text(const QJsonObject &object, const char *key, QString *out, bool required, const QString &where,
          const Problem &problem) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return !required || problem.fail(where, QStringLiteral("\"%1\" is missing").arg(QLatin1String(key)));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return problem.fail(where, QStringLiteral("\"%1\" must be a non-empty string").arg(QLatin1String(key)));
    *out = value.toString();
    return true;
}

bool readServer(const QJsonValue &value, Lesson::Server *server, const QString &where, const Problem &problem) {
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return problem.fail(where, QStringLiteral("\"server\" must be a JSON object"));
    const QJsonObject object = value.toObject();
    if (!onlyKeys(object, {QStringLiteral("gateway"), QStringLiteral("rateLimitPerSecond"), QStringLiteral("tls")},
                  where + QStringLiteral(": server"), problem))
        return false;
    for (const auto &[key, out] : {std::pair{"gateway", &server->gateway}, std::pair{"tls", &server->tls}}) {
        if (!object.contains(QLatin1String(key)))
            continue;
        if (!object.value(QLatin1String(key)).isBool())
            return problem.fail(where, QStringLiteral("server: \"%1\" must be true or false").arg(QLatin1String(key)));
        *out = object.value(QLatin1String(key)).toBool();
    }
    if (object.contains(QLatin1String("rateLimitPerSecond"))) {
        const int limit = object.value(QLatin1String("rateLimitPerSecond")).toInt(-1);
        if (limit < 0 || limit > kMaxRateLimit)
            return problem.fail(where, QStringLiteral("server: \"rateLimitPerSecond\" must be a whole number from "
                                                      "0 (off) to %1")
                                           .arg(kMaxRateLimit));
        server->rateLimitPerSecond = limit;
    }
    return true;
}

bool asks(const Question &question, const QString &style) {
    return style == QLatin1String("rest")      ? question.rest.has_value()
           : style == QLatin1String("graphql") ? question.graphql.has_value()
           : style == QLatin1String("grpc")    ? question.grpc.has_value()
                                               : false;
}

// {"style": "grpc", "to": "{{collector}}"}: a style the step asks, a URL whose {{names}} the lesson defines.
bool readExport(const QJsonValue &value, Lesson::Step *step, const QHash<QString, QString> &variables,
                const QString &where, const Problem &problem) {
    if (value.isUndefined())
        return true;
    const QString here = where + QStringLiteral(": exportTrace");
    if (!value.isObject())
        return problem.fail(here, QStringLiteral("must be a JSON object"));
    const QJsonObject object = value.toObject();
    Lesson::ExportTrace exportTrace;
    if (!onlyKeys(object, {QStringLiteral("style"), QStringLiteral("to")}, here, problem) ||
        !text(object, "style", &exportTrace.style, true, here, problem) ||
        !text(object, "to", &exportTrace.to, true, here, problem))
        return false;
    if (!asks(step->question, exportTrace.style))
        return problem.fail(here, QStringLiteral("\"style\" must be rest, graphql or grpc, asked by the step"));
    static const QRegularExpression names(QStringLiteral(R"(\{\{([^}]*)\}\})"));
    for (auto it = names.globalMatch(exportTrace.to); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!variables.contains(name))
            return problem.fail(here, QStringLiteral("{{%1}} is not one of the lesson's \"variables\"").arg(name));
    }
    step->exportTrace = exportTrace;
    return true;
}

bool readVariables(const QJsonValue &value, QHash<QString, QString> *variables, const Problem &problem) {
    if (value.isUndefined())
        return true;
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isString())
            return problem.fail(QStringLiteral("the lesson"),
                                QStringLiteral("\"variables\" must map names to strings"));
        variables->insert(it.key(), it.value().toString());
    }
    return value.isObject() ||
           problem.fail(QStringLiteral("the lesson"), QStringLiteral("\"variables\" must be a JSON object"));
}

// The step's calls: a question of questions.json by id, or its own in the same form ("ask").
bool readCalls(const QJsonObject &object, Lesson::Step *step, const QuestionCatalog &questions, const QString &where,
               const Problem &problem) {
    const bool named = object.contains(QLatin1String("question"));
    if (named == object.contains(QLatin1String("ask")))
        return problem.fail(where, QStringLiteral("needs exactly one of \"question\" (an id of questions.json) and "
                                                  "\"ask\" (its own calls)"));
    if (named) {
        if (!text(object, "question", &step->questionId, true, where, problem))
            return false;
        const Question *question = questions.find(step->questionId);
        if (!question)
            return problem.fail(
                where, QStringLiteral("\"question\": no question \"%1\" in questions.json").arg(step->questionId));
        step->question = *question;
        return true;
    }
    if (!object.value(QLatin1String("ask")).isObject())
        return problem.fail(where, QStringLiteral("\"ask\" must be a JSON object"));
    QJsonObject calls = object.value(QLatin1String("ask")).toObject();
    calls.insert(QStringLiteral("id"), QStringLiteral("lesson-step"));
    calls.insert(QStringLiteral("title"), step->title);
    auto question = QuestionCatalog::questionFromJson(calls, where + QStringLiteral(": ask"), problem.error);
    if (!question)
        return false;
    step->question = *question;
    return true;
}

// The texts of a step that may name figures: its sentences and its claim, and its header values ({previous.…}).
QStringList figureTexts(const Lesson::Step &step) {
    QStringList texts{step.notice, step.otherwise, step.claim};
    for (const auto *headers : {step.question.rest ? &step.question.rest->headers : nullptr,
                                step.question.graphql ? &step.question.graphql->headers : nullptr}) {
        for (const auto &header : headers ? *headers : Question::Headers{})
            texts << header.second;
    }
    return texts;
}

bool checkFigures(const Lesson::Step &step, bool first, const QString &where, const Problem &problem) {
    const QStringList texts = figureTexts(step);
    for (const QString &text : texts) {
        if (first && LessonRecord::usesPrevious(text))
            return problem.fail(where, QStringLiteral("a lesson's first step has no step before for {previous.…}"));
        if (text != step.claim) {
            if (const QString bad = LessonRecord::checkTemplate(text); !bad.isEmpty())
                return problem.fail(where, bad);
        }
    }
    if (const QString bad = LessonRecord::checkClaim(step.claim); !bad.isEmpty())
        return problem.fail(where, QStringLiteral("\"claim\": ") + bad);
    return true;
}

bool readStep(const QJsonValue &value, Lesson::Step *step, const QuestionCatalog &questions,
              const QHash<QString, QString> &variables, const QString &where, bool first, const Problem &problem) {
    if (!value.isObject())
        return problem.fail(where, QStringLiteral("must be a JSON object"));
    const QJsonObject object = value.toObject();
    if (!onlyKeys(object,
                  {QStringLiteral("title"), QStringLiteral("question"), QStringLiteral("ask"), QStringLiteral("server"),
                   QStringLiteral("notice"), QStringLiteral("claim"), QStringLiteral("otherwise"),
                   QStringLiteral("stopAfterMs"), QStringLiteral("exportTrace")},
                  where, problem) ||
        !text(object, "title", &step->title, true, where, problem) ||
        !readCalls(object, step, questions, where, problem) ||
        !readServer(object.value(QLatin1String("server")), &step->server, where, problem) ||
        !text(object, "notice", &step->notice, true, where, problem) ||
        !text(object, "claim", &step->claim, true, where, problem) ||
        !text(object, "otherwise", &step->otherwise, true, where, problem) ||
        !checkFigures(*step, first, where, problem) ||
        !readExport(object.value(QLatin1String("exportTrace")), step, variables, where, problem))
        return false;
    step->stopAfterMs = object.value(QLatin1String("stopAfterMs")).toInt(0);
    if (step->stopAfterMs < 0 || step->stopAfterMs > kMaxStopAfterMs)
        return problem.fail(where, QStringLiteral("\"stopAfterMs\" must be from 0 to %1").arg(kMaxStopAfterMs));
    if (step->question.streaming != (step->stopAfterMs > 0))
        return problem.fail(where, QStringLiteral("a streaming step needs \"stopAfterMs\", and only it"));
    return true;
}

} // namespace

std::optional<Lesson> LessonCatalog::lessonFromJson(const QByteArray &json, const QuestionCatalog &questions,
                                                    QString *error) {
    const Problem problem{error};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problem.fail(QStringLiteral("offset %1").arg(parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    Lesson lesson;
    const QString where = QStringLiteral("the lesson");
    if (!document.isObject() || !object.value(QLatin1String("steps")).isArray() ||
        object.value(QLatin1String("steps")).toArray().isEmpty()) {
        problem.fail(where, QStringLiteral("must be an object with a non-empty \"steps\" array"));
        return std::nullopt;
    }
    if (!onlyKeys(object,
                  {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("point"), QStringLiteral("needs"),
                   QStringLiteral("steps"), QStringLiteral("variables")},
                  where, problem) ||
        !readVariables(object.value(QLatin1String("variables")), &lesson.variables, problem) ||
        !text(object, "id", &lesson.id, true, where, problem) ||
        !text(object, "title", &lesson.title, true, where, problem) ||
        !text(object, "point", &lesson.point, true, where, problem))
        return std::nullopt;
    for (const auto &need : object.value(QLatin1String("needs")).toArray()) {
        if (!need.isString()) {
            problem.fail(where, QStringLiteral("\"needs\" must be a list of sentences"));
            return std::nullopt;
        }
        lesson.needs << need.toString();
    }
    const QJsonArray steps = object.value(QLatin1String("steps")).toArray();
    for (int i = 0; i < steps.size(); ++i) {
        Lesson::Step step;
        const QString stepWhere = QStringLiteral("lesson \"%1\", step %2").arg(lesson.id).arg(i + 1);
        if (!readStep(steps.at(i), &step, questions, lesson.variables, stepWhere, i == 0, problem))
            return std::nullopt;
        lesson.steps.append(step);
    }
    return lesson;
}

std::optional<LessonCatalog> LessonCatalog::fromFolder(const QString &folder, const QuestionCatalog &questions,
                                                       QString *error) {
    LessonCatalog catalog;
    QSet<QString> ids;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(name, file.errorString());
            return std::nullopt;
        }
        auto lesson = lessonFromJson(file.readAll(), questions, error);
        if (lesson && ids.contains(lesson->id))
            *error = QStringLiteral("the lesson id \"%1\" is used by an earlier file too").arg(lesson->id);
        if (!lesson || ids.contains(lesson->id)) {
            *error = name + QStringLiteral(": ") + *error;
            return std::nullopt;
        }
        ids.insert(lesson->id);
        catalog.m_lessons.append(*lesson);
    }
    if (catalog.m_lessons.isEmpty()) {
        *error = QStringLiteral("%1: no lesson (*.json) in it").arg(folder);
        return std::nullopt;
    }
    return catalog;
}

const LessonCatalog &LessonCatalog::builtIn() {
    static const LessonCatalog catalog = [] {
        const QuestionCatalog &questions = QuestionCatalog::builtIn(); // also registers the compiled-in resources
        QString error;
        auto loaded = fromFolder(QString::fromLatin1(kBuiltInFolder), questions, &error);
        if (!loaded)
            qFatal("The lessons in resources/lessons are malformed: %s", qPrintable(error));
        return *loaded;
    }();
    return catalog;
}

const Lesson *LessonCatalog::find(const QString &id) const {
    const auto it =
        std::find_if(m_lessons.cbegin(), m_lessons.cend(), [&id](const Lesson &lesson) { return lesson.id == id; });
    return it == m_lessons.cend() ? nullptr : &*it;
}

} // namespace triptych::session
