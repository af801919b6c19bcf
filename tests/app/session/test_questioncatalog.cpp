#include "app/client/restcaller.h"
#include "app/session/clientsender.h"
#include "app/session/questioncatalog.h"
#include "app/session/questionrequests.h"
#include "tests/app/client/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace triptych;
using namespace triptych::session;
using client::CallKind;

namespace {
constexpr int kWaitMs = 20'000;
// A stream that stays open is ended by the client after this; the server must not have ended it before.
constexpr int kStreamDeadlineMs = 1'500;
constexpr int kPokeIntervalMs = 100;

QByteArray oneQuestion(const QByteArray &fields) {
    return R"({"questions": [{"id": "q", "title": "Q", )" + fields + "}]}";
}

const Question &questionById(const QString &id) {
    for (const auto &question : QuestionCatalog::builtIn().questions()) {
        if (question.id == id)
            return question;
    }
    qFatal("no question %s", qPrintable(id));
}

int grpcCodeOf(const QString &name) {
    for (int code = 0; code <= 16; ++code) {
        if (client::grpcCodeName(code) == name)
            return code;
    }
    return -1;
}

// A message of data from the server, not GraphQL over WebSocket's plumbing (connection_ack, ping, pong).
bool hasIncomingEvent(const QList<client::StreamMessage> &messages) {
    const QStringList plumbing{QStringLiteral("connection_ack"), QStringLiteral("ping"), QStringLiteral("pong"),
                               QStringLiteral("ka")};
    return std::any_of(messages.cbegin(), messages.cend(), [&plumbing](const client::StreamMessage &message) {
        return !message.outgoing && !plumbing.contains(message.event);
    });
}
} // namespace

// The one table of questions (resources/questions.json): it loads, a broken one is refused with where and why, and
// every call in it gets the answer it says from the real server, in every style it has.
class TestQuestionCatalog : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;

    Endpoints endpoints() const {
        Endpoints endpoints;
        endpoints.httpBase = testing::httpBase(*m_server);
        endpoints.grpcTarget = testing::grpcTarget(*m_server);
        return endpoints;
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
    }
    void cleanupTestCase() { m_server.reset(); }

    void builtInTableHasTheComparisons() {
        QString error;
        QVERIFY2(QuestionCatalog::fromFile(QStringLiteral(":/triptych/questions.json"), &error), qPrintable(error));
        const auto &catalog = QuestionCatalog::builtIn();
        const auto questions = catalog.askAll();
        QCOMPARE(questions.size(), 5);
        QCOMPARE(questions.at(0).title, QStringLiteral("A user's orders"));
        QVERIFY(questions.at(2).streaming);
        QCOMPARE(questions.at(3).dataLoader, std::optional<bool>(true));
        QCOMPARE(questions.at(4).dataLoader, std::optional<bool>(false));
        QVERIFY(questions.at(3).rest->ordersOfEachUser);
        QCOMPARE(questions.at(3).grpc->repeatUpToUser, 50);
        for (const auto &question : questions)
            QVERIFY(!question.notice.isEmpty());
        QCOMPARE(catalog.benchmarks().size(), 2);
        // The panes' presets keep their order: the comparisons first, then a write, a bad request, the extras.
        QCOMPARE(catalog.presets(CallKind::Rest).size(), 5);
        QCOMPARE(catalog.presets(CallKind::GraphQL).size(), 6);
        QCOMPARE(catalog.presets(CallKind::Grpc).size(), 6);
        QCOMPARE(catalog.presets(CallKind::Rest).at(3).rest->label, QStringLiteral("Create an order (needs auth)"));
        QCOMPARE(catalog.presets(CallKind::Grpc).at(4).grpc->label, QStringLiteral("Bad request: user_id 0"));
        // The field mask in its proto JSON form: camelCase paths joined by commas.
        QVERIFY(questions.at(1).grpc->request.contains("\"name,avatarUrl\""));
    }

    void requestsAreIndentedJson() {
        const auto &create = questionById(QStringLiteral("create-order"));
        QVERIFY(create.rest->body.contains("\n    \"product\": \"Wireless Mouse\""));
        QVERIFY(create.rest->auth && create.graphql->auth && create.grpc->auth);
        QCOMPARE(
            QJsonDocument::fromJson(create.graphql->variables).object().value("input").toObject().value("quantity"),
            QJsonValue(2));
    }

    void malformedTablesAreRefused_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not JSON") << QByteArray("{\n  \"questions\": [\n    {\"id\": }") << "line 3, column";
        QTest::newRow("no questions") << QByteArray("{\"questions\": []}") << "non-empty \"questions\" array";
        QTest::newRow("unknown top-level key")
            << QByteArray(R"({"question": [], "questions": [{}]})") << "the document: \"question\" is not a known key";
        QTest::newRow("a question is not an object")
            << QByteArray(R"({"questions": [1]})") << "question 1: must be a JSON object";
        QTest::newRow("typo in a key") << oneQuestion(R"("panePresets": true, "rest": {"method": "GET", "path": "/"})")
                                       << "question 1 (\"q\"): \"panePresets\" is not a known key";
        QTest::newRow("missing title") << QByteArray(
                                              R"({"questions": [{"id": "q", "rest": {"method": "GET", "path": "/"}}]})")
                                       << "question 1 (\"q\"): \"title\" is missing";
        QTest::newRow("no style") << oneQuestion(R"("panePreset": true)") << "needs at least one of";
        QTest::newRow("path without slash") << oneQuestion(R"("rest": {"method": "GET", "path": "v1/users"})")
                                            << "question 1 (\"q\"): rest: \"path\" must start with /";
        QTest::newRow("status as text") << oneQuestion(R"("rest": {"method": "GET", "path": "/", "status": "200"})")
                                        << "rest: \"status\" must be a whole number from 100 to 599";
        QTest::newRow("gRPC status unknown")
            << oneQuestion(R"("grpc": {"method": "a.B/C", "request": {}, "status": "FINE"})")
            << "grpc: \"status\" must be a gRPC code name";
        QTest::newRow("gRPC request as text") << oneQuestion(R"("grpc": {"method": "a.B/C", "request": "{}"})")
                                              << "grpc: \"request\" must be a JSON object";
        QTest::newRow("gRPC method without service") << oneQuestion(R"("grpc": {"method": "GetUser", "request": {}})")
                                                     << "grpc: \"method\" must be written package.Service/Method";
        QTest::newRow("askAll with one style")
            << oneQuestion(R"("askAll": true, "notice": "n", "graphql": {"query": "{ a }"})")
            << "askAll and benchmark questions need";
        QTest::newRow("benchmark of a stream")
            << oneQuestion(R"("benchmark": true, "streaming": true, "rest": {"method": "GET", "path": "/"},
                              "graphql": {"query": "{ a }"}, "grpc": {"method": "a.B/C", "request": {}})")
            << "a benchmark question is one call per style";
        QTest::newRow("same id twice")
            << QByteArray(R"({"questions": [{"id": "q", "title": "A", "graphql": {"query": "{ a }"}},
                                            {"id": "q", "title": "B", "graphql": {"query": "{ b }"}}]})")
            << "question 2 (\"q\"): \"id\" is used by an earlier question too";
    }
    void malformedTablesAreRefused() {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!QuestionCatalog::fromJson(json, &message));
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void everyCallGetsItsAnswer_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("styleNumber");
        for (const auto &question : QuestionCatalog::builtIn().questions()) {
            const QByteArray id = question.id.toUtf8();
            if (question.rest)
                QTest::newRow(id + " REST") << question.id << int(CallKind::Rest);
            if (question.graphql)
                QTest::newRow(id + " GraphQL") << question.id << int(CallKind::GraphQL);
            if (question.grpc)
                QTest::newRow(id + " gRPC") << question.id << int(CallKind::Grpc);
        }
    }
    void everyCallGetsItsAnswer() {
        QFETCH(QString, id);
        QFETCH(int, styleNumber);
        const auto style = CallKind(styleNumber);
        const Question &question = questionById(id);
        ClientSender sender(style);
        if (question.streaming)
            sender.setTimeoutMs(kStreamDeadlineMs);
        QList<client::StreamMessage> messages;
        connect(&sender, &StyleSender::messagesReceived, this,
                [&messages](const QList<client::StreamMessage> &batch) { messages += batch; });
        QSignalSpy finished(&sender, &StyleSender::callFinished);
        sender.load(question);
        QVERIFY(sender.send(endpoints()));
        if (question.streaming && style == CallKind::GraphQL)
            return checkSubscription(sender, messages);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        const auto record = finished.first().first().value<client::CallRecord>();
        switch (style) {
        case CallKind::Rest:
            QCOMPARE(record.httpStatus, question.rest->status);
            if (question.streaming) { // open until the client's timeout, with the snapshot's messages
                QCOMPARE(int(record.error.kind), int(client::ErrorKind::Timeout));
                QVERIFY(hasIncomingEvent(messages));
            }
            break;
        case CallKind::GraphQL: {
            QCOMPARE(record.httpStatus, question.graphql->status);
            const auto answer = QJsonDocument::fromJson(record.body).object();
            QCOMPARE(answer.value(QStringLiteral("errors")).toArray().isEmpty(), !question.graphql->errors);
            QVERIFY2(question.graphql->errors || answer.value(QStringLiteral("data")).isObject(), record.body);
            break;
        }
        case CallKind::Grpc:
        case CallKind::GraphQLWebSocket:
            if (question.streaming) { // open until the client's deadline: no status of the server's own
                QCOMPARE(question.grpc->status, QStringLiteral("OK"));
                QCOMPARE(client::grpcCodeName(record.grpcCode), QStringLiteral("DEADLINE_EXCEEDED"));
            } else {
                QCOMPARE(client::grpcCodeName(record.grpcCode), question.grpc->status);
                QCOMPARE(record.grpcCode, grpcCodeOf(question.grpc->status));
            }
            break;
        }
        QVERIFY2(!question.streaming || record.error.kind != client::ErrorKind::None || !messages.isEmpty(),
                 qPrintable(record.error.text()));
    }

private:
    // A subscription is open once it delivers an event: new orders of the user are made until one arrives.
    void checkSubscription(ClientSender &sender, const QList<client::StreamMessage> &messages) {
        client::RestCaller poker;
        QTimer poke;
        const auto &create = questionById(QStringLiteral("create-order"));
        connect(&poke, &QTimer::timeout, this, [&] { poker.send(restRequest(*create.rest, endpoints())); });
        poke.start(kPokeIntervalMs);
        QTRY_VERIFY_WITH_TIMEOUT(hasIncomingEvent(messages), kWaitMs);
        poke.stop();
        for (const auto &message : messages)
            QVERIFY2(message.event != QLatin1String("error"), message.body);
        QVERIFY(sender.isBusy());
        sender.cancel();
        QVERIFY(!sender.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestQuestionCatalog)
#include "test_questioncatalog.moc"
