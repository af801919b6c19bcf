#include "app/session/lessoncatalog.h"
#include "app/session/questioncatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using namespace triptych::session;

Q_DECLARE_METATYPE(std::optional<bool>)
Q_DECLARE_METATYPE(std::optional<triptych::client::GrpcTransport>)

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
        QTest::newRow("unknown server switch") << withTexts(R"("question": "user-orders", "server": {"http2": true})")
                                               << "step 1: server: \"http2\" is not a known key";
        QTest::newRow("tls not a bool") << withTexts(R"("question": "user-orders", "server": {"tls": "on"})")
                                        << "step 1: server: \"tls\" must be true or false";
        QTest::newRow("unknown transport")
            << withTexts(R"("ask": {"grpc": {"method": "a.B/C", "request": {}, "transport": "grpc-json"}})")
            << "step 1: ask: grpc: \"transport\" must be \"grpc\", \"grpc-web\" or \"grpc-web-text\"";
        QTest::newRow("empty transport")
            << withTexts(R"("ask": {"grpc": {"method": "a.B/C", "request": {}, "transport": ""}})")
            << "\"transport\" must be a non-empty string";
        QTest::newRow("a client stream over gRPC-Web")
            << withTexts(R"("ask": {"grpc": {"method": "a.B/C", "requests": [{}], "transport": "grpc-web-text"}})")
            << "gRPC-Web cannot carry a client stream";
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
        QTest::newRow("headers not an object")
            << withTexts(R"("ask": {"rest": {"method": "GET", "path": "/v1/users/1", "headers": ["Accept"]}})")
            << "\"headers\" must be a JSON object";
        QTest::newRow("a header value not a string")
            << withTexts(R"("ask": {"rest": {"method": "GET", "path": "/v1/users/1", "headers": {"Accept": 2}}})")
            << "a string value for each header (\"Accept\")";
        QTest::newRow("previous in the first step")
            << withTexts(R"("ask": {"rest": {"method": "GET", "path": "/v1/users/1",
                            "headers": {"If-None-Match": "{previous.rest.etag}"}}})")
            << "first step has no step before";
        QTest::newRow("unknown figure in a header")
            << oneStep(R"("question": "user-orders", "notice": "N", "claim": "rest.calls == 1", "otherwise": "O"},
                          {"title": "T", "notice": "N", "claim": "rest.calls == 1", "otherwise": "O",
                           "ask": {"graphql": {"query": "{ a }", "headers": {"If-None-Match": "{previous.rest.tag}"}}})")
            << "{previous.rest.tag} is not a figure";
        QTest::newRow("request and requests")
            << withTexts(R"("ask": {"grpc": {"method": "a.B/C", "request": {}, "requests": [{}]}})")
            << "exactly one of \"request\" and \"requests\"";
        QTest::newRow("requests empty") << withTexts(R"("ask": {"grpc": {"method": "a.B/C", "requests": []}})")
                                        << "\"requests\" must be a non-empty list of JSON objects";
        QTest::newRow("export of a style not asked")
            << withTexts(R"("ask": {"rest": {"method": "GET", "path": "/v1/users/1"}},
                            "exportTrace": {"style": "grpc", "to": "collector"})")
            << "\"style\" must be rest, graphql or grpc, asked by the step";
        QTest::newRow("export to an unknown variable")
            << withTexts(R"("ask": {"rest": {"method": "GET", "path": "/v1/users/1"}},
                            "exportTrace": {"style": "rest", "to": "{{collector}}"})")
            << "{{collector}} is not one of the lesson's \"variables\"";
        QTest::newRow("variables not strings")
            << QByteArray(R"({"id": "l", "title": "L", "point": "P", "variables": {"collector": 4318},
                             "steps": [{}]})")
            << "\"variables\" must map names to strings";
        QTest::newRow("get not a bool") << withTexts(R"("ask": {"graphql": {"query": "{ a }", "get": "yes"}})")
                                        << "\"get\" must be true or false";
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
        QCOMPARE(step.server.tls, std::optional<bool>());
        QVERIFY(step.questionId.isEmpty());
    }

    void aStepSwitchesTlsAndTheGrpcTransport_data() {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<std::optional<bool>>("tls");
        QTest::addColumn<std::optional<client::GrpcTransport>>("transport");
        QTest::newRow("TLS on, gRPC-Web binary")
            << QByteArray(R"("server": {"tls": true}, "ask": {"grpc": {"method": "a.B/C", "request": {},
                             "transport": "grpc-web"}})")
            << std::optional<bool>(true) << std::optional<client::GrpcTransport>(client::GrpcTransport::GrpcWeb);
        QTest::newRow("TLS off, gRPC-Web text")
            << QByteArray(R"("server": {"tls": false}, "ask": {"grpc": {"method": "a.B/C", "request": {},
                             "transport": "grpc-web-text"}})")
            << std::optional<bool>(false) << std::optional<client::GrpcTransport>(client::GrpcTransport::GrpcWebText);
        QTest::newRow("native, said") << QByteArray(R"("ask": {"grpc": {"method": "a.B/C", "request": {},
                                                     "transport": "grpc"}})")
                                      << std::optional<bool>()
                                      << std::optional<client::GrpcTransport>(client::GrpcTransport::Grpc);
        QTest::newRow("not said") << QByteArray(R"("ask": {"grpc": {"method": "a.B/C", "request": {}}})")
                                  << std::optional<bool>() << std::optional<client::GrpcTransport>();
    }
    void aStepSwitchesTlsAndTheGrpcTransport() {
        QFETCH(QByteArray, fields);
        QFETCH(std::optional<bool>, tls);
        QFETCH(std::optional<client::GrpcTransport>, transport);
        QString error;
        const auto lesson = LessonCatalog::lessonFromJson(
            oneStep(fields + R"(, "notice": "N", "claim": "grpc.calls == 1", "otherwise": "O")"),
            QuestionCatalog::builtIn(), &error);
        QVERIFY2(lesson, qPrintable(error));
        QCOMPARE(lesson->steps.first().server.tls, tls);
        QCOMPARE(lesson->steps.first().question.grpc->transport, transport);
    }

    void aStepSendsHeadersAndGraphQLByGet() {
        QString error;
        const auto lesson = LessonCatalog::lessonFromJson(
            oneStep(R"("question": "user-orders", "notice": "N", "claim": "rest.calls == 1", "otherwise": "O"},
                       {"title": "T", "notice": "{previous.rest.received}", "otherwise": "O",
                        "claim": "rest.received < previous.rest.received",
                        "ask": {"rest": {"method": "GET", "path": "/v1/users/42",
                                         "headers": {"If-None-Match": "{previous.rest.etag}", "Accept-Encoding": "gzip"}},
                                "graphql": {"query": "{ a }", "get": true, "persisted": true}})"),
            QuestionCatalog::builtIn(), &error);
        QVERIFY2(lesson, qPrintable(error));
        const auto &question = lesson->steps.at(1).question;
        // In name order: a JSON object does not keep the order written.
        const Question::Headers headers{{QStringLiteral("Accept-Encoding"), QStringLiteral("gzip")},
                                        {QStringLiteral("If-None-Match"), QStringLiteral("{previous.rest.etag}")}};
        QCOMPARE(question.rest->headers, headers);
        QVERIFY(question.graphql->get);
        QVERIFY(question.graphql->persisted);
        QVERIFY(question.graphql->headers.isEmpty());
    }

    void aStepStreamsAListAndExportsItsTrace() {
        QJsonObject lessonJson = QJsonDocument::fromJson(withTexts(R"("ask": {"grpc": {"method": "a.B/C",
                                 "requests": [{"a": 1}, {"a": 2}]}}, "exportTrace": {"style": "grpc",
                                 "to": "{{collector}}"})"))
                                     .object();
        lessonJson.insert(
            QStringLiteral("variables"),
            QJsonObject{{QStringLiteral("collector"), QStringLiteral("http://127.0.0.1:4318/v1/traces")}});
        QString error;
        const auto lesson =
            LessonCatalog::lessonFromJson(QJsonDocument(lessonJson).toJson(), QuestionCatalog::builtIn(), &error);
        QVERIFY2(lesson, qPrintable(error));
        const auto &step = lesson->steps.first();
        QCOMPARE(step.question.grpc->requests.size(), 2);
        QCOMPARE(step.question.grpc->request, step.question.grpc->requests.first()); // what a pane shows first
        QCOMPARE(step.exportTrace->style, QStringLiteral("grpc"));
        QCOMPARE(step.exportTrace->to, QStringLiteral("{{collector}}"));
        QCOMPARE(lesson->variables.value(QStringLiteral("collector")),
                 QStringLiteral("http://127.0.0.1:4318/v1/traces"));
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
