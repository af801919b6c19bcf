#include "app/session/lessoncatalog.h"
#include "app/session/questioncatalog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using namespace triptych::session;

namespace {

QByteArray oneStep(const QByteArray &fields) {
    return R"({"id": "l", "title": "L", "point": "P", "steps": [{"title": "S", )" + fields + "}]}";
}

// A step's required sentences and claim, around what a row varies.
QByteArray withTexts(const QByteArray &fields) {
    return oneStep(fields + R"(, "notice": "N {rest.received}", "claim": "rest.calls == 1", "otherwise": "O")");
}

} // namespace

// The lessons of resources/lessons/: they load and use the question table, and a broken file is refused with where
// and why (the runs of every lesson against the server are the ctest cli_lesson_*).
class TestLessonCatalog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInLessonsLoad() {
        const auto &lessons = LessonCatalog::builtIn().lessons();
        QVERIFY(lessons.size() >= 10);
        QCOMPARE(lessons.first().id, QStringLiteral("over-fetching"));
        const Lesson *nPlusOne = LessonCatalog::builtIn().find(QStringLiteral("n-plus-one"));
        QVERIFY(nPlusOne);
        QCOMPARE(nPlusOne->steps.size(), 2);
        QCOMPARE(nPlusOne->steps.at(0).questionId, QStringLiteral("users-with-orders-dataloader-off"));
        QCOMPARE(nPlusOne->steps.at(0).question.dataLoader, std::optional<bool>(false));
        const Lesson *gateway = LessonCatalog::builtIn().find(QStringLiteral("backend-for-frontend"));
        QVERIFY(gateway);
        QCOMPARE(gateway->steps.at(1).server.gateway, std::optional<bool>(true));
        QVERIFY(gateway->steps.at(1).question.graphql);
        QVERIFY(!gateway->steps.at(1).question.rest);
        for (const auto &lesson : lessons) {
            QVERIFY2(!lesson.point.isEmpty(), qPrintable(lesson.id));
            for (const auto &step : lesson.steps)
                QVERIFY2(step.question.streaming == (step.stopAfterMs > 0), qPrintable(step.title));
        }
        QVERIFY(!LessonCatalog::builtIn().find(QStringLiteral("soap")));
    }

    void malformedLessonsAreRefused_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not JSON") << QByteArray("{\"id\": ") << "offset";
        QTest::newRow("no steps") << QByteArray(R"({"id": "l", "title": "L", "point": "P", "steps": []})")
                                  << "non-empty \"steps\" array";
        QTest::newRow("unknown lesson key") << QByteArray(R"({"id": "l", "title": "L", "point": "P", "step": 1,
                                                "steps": [{}]})")
                                            << "the lesson: \"step\" is not a known key";
        QTest::newRow("no point") << QByteArray(R"({"id": "l", "title": "L", "steps": [{}]})")
                                  << "the lesson: \"point\" is missing";
        QTest::newRow("needs not sentences")
            << QByteArray(R"({"id": "l", "title": "L", "point": "P", "needs": [1], "steps": [{}]})")
            << "\"needs\" must be a list of sentences";
        QTest::newRow("step not an object") << QByteArray(R"({"id": "l", "title": "L", "point": "P", "steps": [1]})")
                                            << "lesson \"l\", step 1: must be a JSON object";
        QTest::newRow("neither question nor ask")
            << withTexts(R"("server": {})") << "step 1: needs exactly one of \"question\"";
        QTest::newRow("both question and ask")
            << withTexts(R"("question": "user-orders", "ask": {"rest": {"method": "GET", "path": "/"}})")
            << "needs exactly one of";
        QTest::newRow("unknown question")
            << withTexts(R"("question": "soap")") << "\"question\": no question \"soap\" in questions.json";
        QTest::newRow("ask read as a question") << withTexts(R"("ask": {"rest": {"method": "GET", "path": "v1"}})")
                                                << "step 1: ask: rest: \"path\" must start with /";
        QTest::newRow("ask with no style") << withTexts(R"("ask": {})") << "needs at least one of";
        QTest::newRow("unknown server switch") << withTexts(R"("question": "user-orders", "server": {"tls": true})")
                                               << "step 1: server: \"tls\" is not a known key";
        QTest::newRow("gateway not a bool") << withTexts(R"("question": "user-orders", "server": {"gateway": 1})")
                                            << "\"gateway\" must be true or false";
        QTest::newRow("negative rate limit")
            << withTexts(R"("question": "user-orders", "server": {"rateLimitPerSecond": -1})")
            << "\"rateLimitPerSecond\" must be a whole number";
        QTest::newRow("no claim") << oneStep(R"("question": "user-orders", "notice": "N", "otherwise": "O")")
                                  << "\"claim\" is missing";
        QTest::newRow("claim that does not parse")
            << oneStep(R"("question": "user-orders", "notice": "N", "claim": "REST wins", "otherwise": "O")")
            << "\"claim\": \"REST wins\" is not \"figure OP value\"";
        QTest::newRow("unknown figure in the notice")
            << oneStep(R"("question": "user-orders", "notice": "{rest.bytes}", "claim": "rest.calls > 0",
                          "otherwise": "O")")
            << "{rest.bytes} is not a figure";
        QTest::newRow("unknown figure in otherwise")
            << oneStep(R"("question": "user-orders", "notice": "N", "claim": "rest.calls > 0",
                          "otherwise": "{soap.time}")")
            << "{soap.time} is not a figure";
        QTest::newRow("streaming without stopAfterMs")
            << withTexts(R"("question": "live-order-updates")") << "a streaming step needs \"stopAfterMs\"";
        QTest::newRow("stopAfterMs on a call that ends")
            << withTexts(R"("question": "user-orders", "stopAfterMs": 100)") << "a streaming step needs";
        QTest::newRow("stopAfterMs too long")
            << withTexts(R"("question": "live-order-updates", "stopAfterMs": 600000)") << "\"stopAfterMs\" must be";
    }
    void malformedLessonsAreRefused() {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString found;
        QVERIFY(!LessonCatalog::lessonFromJson(json, QuestionCatalog::builtIn(), &found));
        QVERIFY2(found.contains(error), qPrintable(found));
    }

    void aStepCarriesItsOwnCalls() {
        QString error;
        const auto lesson = LessonCatalog::lessonFromJson(
            withTexts(R"("ask": {"graphql": {"query": "{ user(id: 1) { name } }"}}, "server": {"gateway": true,
                         "rateLimitPerSecond": 0})"),
            QuestionCatalog::builtIn(), &error);
        QVERIFY2(lesson, qPrintable(error));
        const auto &step = lesson->steps.first();
        QCOMPARE(step.question.graphql->query, QStringLiteral("{ user(id: 1) { name } }"));
        QCOMPARE(step.question.graphql->label, QStringLiteral("S"));
        QCOMPARE(step.server.gateway, std::optional<bool>(true));
        QCOMPARE(step.server.rateLimitPerSecond, std::optional<int>(0));
        QVERIFY(step.questionId.isEmpty());
    }

    void aFolderNeedsDistinctIds() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray lesson = withTexts(R"("question": "user-orders")");
        for (const char *name : {"a.json", "b.json"}) {
            QFile file(QDir(dir.path()).filePath(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(lesson);
        }
        QString error;
        QVERIFY(!LessonCatalog::fromFolder(dir.path(), QuestionCatalog::builtIn(), &error));
        QVERIFY2(error.startsWith(QStringLiteral("b.json: the lesson id \"l\" is used by an earlier file too")),
                 qPrintable(error));
        QVERIFY(QFile::remove(QDir(dir.path()).filePath(QStringLiteral("b.json"))));
        const auto catalog = LessonCatalog::fromFolder(dir.path(), QuestionCatalog::builtIn(), &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->lessons().size(), 1);
        QVERIFY(!LessonCatalog::fromFolder(dir.path() + QStringLiteral("/none"), QuestionCatalog::builtIn(), &error));
        QVERIFY2(error.contains(QStringLiteral("no lesson")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLessonCatalog)
#include "test_lessoncatalog.moc"
