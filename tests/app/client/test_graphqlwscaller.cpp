#include "app/client/graphqlwscaller.h"
#include "app/client/restcaller.h"
#include "tests/app/client/testserver.h"
#include "tests/support/legacywspeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>

using namespace triptych;
using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;
const QByteArray kGoodInit = R"({"authorization":"Bearer demo-token"})";
const QString kOrderUpdates =
    QStringLiteral("subscription { orderUpdates(userId: 7) { previousStatus order { id status } } }");

CallRecord lastRecord(const QSignalSpy &spy) {
    return spy.last().at(0).value<CallRecord>();
}

QJsonObject object(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

QStringList types(const CallRecord &record) {
    QStringList list;
    for (const auto &message : record.messages)
        list << (message.outgoing ? QStringLiteral(">") : QStringLiteral("<")) + message.event;
    return list;
}

} // namespace

using triptych::testing::LegacyPeer;

class TestGraphQLWsCaller : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;
    QString m_url;

    GraphQLWsRequest request(const QString &query, const QByteArray &init = {}) const {
        GraphQLWsRequest out;
        out.url = m_url;
        out.query = query;
        out.initPayload = init;
        return out;
    }

    void createOrderForUser7() {
        RestCaller rest;
        QSignalSpy done(&rest, &RestCaller::callFinished);
        RestRequest post;
        post.method = "POST";
        post.url = testing::httpBase(*m_server) + QStringLiteral("/v1/users/7/orders");
        post.bodyKind = BodyKind::Json;
        post.body = R"({"product":"Wireless Mouse","quantity":1})";
        post.auth = {AuthKind::Bearer, {}, {}, QStringLiteral("demo-token")};
        post.fetchServerTrace = false;
        rest.send(post);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kWaitMs);
        QCOMPARE(lastRecord(done).httpStatus, 201);
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
        m_url = testing::httpBase(*m_server) + QStringLiteral("/graphql");
    }
    void cleanupTestCase() { m_server.reset(); }

    void webSocketUrl_data() {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("http") << "http://127.0.0.1:8080/graphql"
                              << "ws://127.0.0.1:8080/graphql";
        QTest::newRow("https") << "https://api.example.com/graphql"
                               << "wss://api.example.com/graphql";
        QTest::newRow("ws stays") << "ws://localhost:4000/"
                                  << "ws://localhost:4000/";
        QTest::newRow("HTTP upper case") << "HTTP://h:1/g"
                                         << "ws://h:1/g";
        QTest::newRow("ftp") << "ftp://h/g"
                             << "";
        QTest::newRow("no scheme") << "127.0.0.1:8080/graphql"
                                   << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void webSocketUrl() {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(client::webSocketUrl(in), out);
    }

    void operationType_data() {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("type");
        const int q = int(OperationType::Query), m = int(OperationType::Mutation), s = int(OperationType::Subscription);
        QTest::newRow("shorthand") << "{ user(id: 1) { name } }"
                                   << "" << q;
        QTest::newRow("subscription") << "subscription { orderUpdates(userId: 7) { at } }"
                                      << "" << s;
        QTest::newRow("named mutation") << "mutation Create($input: CreateOrderInput!) { a }"
                                        << "" << m;
        QTest::newRow("comment first") << "# subscription here\nquery { a }"
                                       << "" << q;
        QTest::newRow("fragment first") << "fragment F on User { id }\nsubscription S { a { ...F } }"
                                        << "" << s;
        QTest::newRow("picked by name") << "query A { a }\nsubscription B { b }"
                                        << "B" << s;
        QTest::newRow("variable named like a keyword") << "query Q($subscription: ID) { a }\nsubscription S { b }"
                                                       << "" << q;
        QTest::newRow("string with brace") << "query { a(x: \"{\") }\nmutation M { b }"
                                           << "M" << m;
        QTest::newRow("garbage") << "not graphql"
                                 << "" << q;
    }
    void operationType() {
        QFETCH(QString, document);
        QFETCH(QString, name);
        QFETCH(int, type);
        QCOMPARE(int(client::operationType(document, name)), type);
    }

    void closeCodesInWords_data() {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::addColumn<int>("kind");
        const int closed = int(ErrorKind::WebSocketClose);
        QTest::newRow("4403") << 4403 << "refused the connection_init credentials — check the token" << closed;
        QTest::newRow("4400") << 4400 << "could not understand a message" << closed;
        QTest::newRow("4401") << 4401 << "before the server acknowledged" << closed;
        QTest::newRow("4408") << 4408 << "not initialised in time" << closed;
        QTest::newRow("4409") << 4409 << "already running" << closed;
        QTest::newRow("4429") << 4429 << "sent twice" << closed;
        QTest::newRow("4500") << 4500 << "read its events too slowly" << closed;
        QTest::newRow("1001") << 1001 << "going away" << closed;
        QTest::newRow("1006") << 1006 << "dropped without a close frame" << int(ErrorKind::Network);
        QTest::newRow("4999") << 4999 << "application-specific" << closed;
    }
    void closeCodesInWords() {
        QFETCH(int, code);
        QFETCH(QString, words);
        QFETCH(int, kind);
        const auto error =
            describeClose(code, QStringLiteral("Forbidden"), QStringLiteral("127.0.0.1:8080"), WsProtocol::TransportWs);
        QVERIFY2(error.text().contains(words), qPrintable(error.text()));
        QCOMPARE(int(error.kind), kind);
    }

    void queryOverTheSocket() {
        GraphQLWsCaller caller;
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        QSignalSpy messages(&caller, &GraphQLWsCaller::messageReceived);
        const auto id = caller.send(request(QStringLiteral("{ user(id: 42) { name } }")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.id, id);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QVERIFY(record.kind == CallKind::GraphQLWebSocket);
        QCOMPARE(record.method, QStringLiteral("QUERY"));
        QVERIFY(record.url.startsWith(QLatin1String("ws://127.0.0.1:")));
        QCOMPARE(record.httpStatus, 101);
        QCOMPARE(record.subprotocol, QStringLiteral("graphql-transport-ws"));
        QCOMPARE(record.traceId.size(), 32);
        bool sentTraceparent = false;
        for (const auto &[name, value] : record.requestHeaders)
            sentTraceparent |= name == "traceparent" && value.contains(record.traceId.toLatin1());
        QVERIFY(sentTraceparent);
        QVERIFY(record.traceSource == TraceSource::DebugTraces); // the server's spans of the socket, fetched after
        QVERIFY(record.serverSpanCount() > 0);
        QVERIFY(!object(record.body)
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString()
                     .isEmpty());
        QCOMPARE(types(record),
                 (QStringList{">connection_init", "<connection_ack", ">subscribe", "<next", "<complete"}));
        QCOMPARE(messages.count(), record.messages.size());
        QVERIFY(record.timings.connectUs.has_value());
        QVERIFY(record.timings.firstByteUs.has_value());
        QVERIFY(record.sizes.responseBodyWireBytes > record.sizes.responseBodyDecodedBytes);
        qint64 previous = 0;
        for (const auto &message : record.messages) {
            QVERIFY(message.offsetUs >= previous);
            QVERIFY(message.size > message.body.size());
            previous = message.offsetUs;
        }
    }

    void mutationUsesTheInitCredentials_data() {
        QTest::addColumn<QByteArray>("init");
        QTest::addColumn<bool>("created");
        QTest::newRow("with token") << kGoodInit << true;
        QTest::newRow("without") << QByteArray() << false;
    }
    void mutationUsesTheInitCredentials() {
        QFETCH(QByteArray, init);
        QFETCH(bool, created);
        GraphQLWsCaller caller;
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        caller.send(request(QStringLiteral("mutation { createOrder(input: {userId: 8, product: \"Wireless Mouse\", "
                                           "quantity: 1}) { id status } }"),
                            init));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.method, QStringLiteral("MUTATION"));
        const auto body = object(record.body);
        const auto order = body.value(QStringLiteral("data")).toObject().value(QStringLiteral("createOrder"));
        QCOMPARE(order.toObject().value(QStringLiteral("status")).toString() == QLatin1String("PENDING"), created);
        if (!created)
            QVERIFY(QJsonDocument(body).toJson().contains("UNAUTHENTICATED"));
    }

    void subscriptionStreamsUntilCancelled() {
        GraphQLWsCaller caller;
        QSignalSpy subscribed(&caller, &GraphQLWsCaller::subscribed);
        QSignalSpy messages(&caller, &GraphQLWsCaller::messageReceived);
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        const auto id = caller.send(request(kOrderUpdates, kGoodInit));
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.count(), 1, kWaitMs);
        QVERIFY(caller.isRunning(id));
        createOrderForUser7();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(messages.cbegin(), messages.cend(),
                        [](const QList<QVariant> &args) { return args.at(1).value<StreamMessage>().event == "next"; }),
            kWaitMs);
        caller.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QCOMPARE(record.method, QStringLiteral("SUBSCRIPTION"));
        QCOMPARE(record.closeCode, 1000);
        QVERIFY(types(record).contains(QStringLiteral("<next")));
        QCOMPARE(types(record).last(), QStringLiteral(">complete"));
        const auto event =
            object(record.body).value(QStringLiteral("data")).toObject().value(QStringLiteral("orderUpdates"));
        QCOMPARE(event.toObject().value(QStringLiteral("order")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("PENDING"));
        QVERIFY(event.toObject().value(QStringLiteral("previousStatus")).isNull());
        QVERIFY(!caller.isRunning(id));
    }

    void wrongTokenIsClosed4403() {
        GraphQLWsCaller caller;
        QSignalSpy failed(&caller, &GraphQLWsCaller::callFailed);
        caller.send(request(kOrderUpdates, R"({"authorization":"Bearer wrong"})"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const auto record = lastRecord(failed);
        QCOMPARE(record.closeCode, 4403);
        QVERIFY(record.error.kind == ErrorKind::WebSocketClose);
        QVERIFY2(record.error.text().contains(QStringLiteral("check the token")), qPrintable(record.error.text()));
    }

    void invalidDocumentIsAnOperationError() {
        GraphQLWsCaller caller;
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        caller.send(request(QStringLiteral("{ user(id: 42) { shoeSize } }")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QVERIFY(record.error.kind == ErrorKind::OperationError);
        QVERIFY(record.error.text().contains(QStringLiteral("shoeSize")));
        QVERIFY(object(record.body).value(QStringLiteral("errors")).isArray());
    }

    void unknownUserIsAnErrorAtSubscribeTime() {
        GraphQLWsCaller caller;
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        caller.send(request(QStringLiteral("subscription { orderUpdates(userId: 999999) { at } }")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QVERIFY(QJsonDocument::fromJson(lastRecord(finished).body).toJson().contains("NOT_FOUND"));
    }

    void failuresSayWhatFailed_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString dead = QStringLiteral("ws://127.0.0.1:%1/graphql").arg(probe.serverPort());
        probe.close();
        const QString base = testing::httpBase(*m_server);
        QTest::newRow("refused") << dead << int(WsProtocol::TransportWs) << int(ErrorKind::Refused)
                                 << "Connection refused";
        QTest::newRow("bad url") << "ftp://x/graphql" << int(WsProtocol::TransportWs) << int(ErrorKind::InvalidRequest)
                                 << "ws://host:port/graphql";
        QTest::newRow("legacy refused by the upgrade") << base + "/graphql" << int(WsProtocol::LegacySubscriptions)
                                                       << int(ErrorKind::Network) << "refused the WebSocket upgrade";
        QTest::newRow("not a websocket path")
            << base + "/v1/users/1" << int(WsProtocol::TransportWs) << int(ErrorKind::HttpStatus)
            << "refused the WebSocket upgrade (HTTP 404)";
    }
    void failuresSayWhatFailed() {
        QFETCH(QString, url);
        QFETCH(int, protocol);
        QFETCH(int, kind);
        QFETCH(QString, words);
        GraphQLWsCaller caller;
        QSignalSpy failed(&caller, &GraphQLWsCaller::callFailed);
        GraphQLWsRequest call = request(QStringLiteral("{ a }"));
        call.url = url;
        call.protocol = WsProtocol(protocol);
        caller.send(call);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const auto record = lastRecord(failed);
        QVERIFY2(record.error.text().contains(words), qPrintable(record.error.text()));
        QCOMPARE(int(record.error.kind), kind);
    }

    void legacySubscription() {
        LegacyPeer peer;
        QVERIFY(peer.listen());
        GraphQLWsCaller caller;
        QSignalSpy subscribed(&caller, &GraphQLWsCaller::subscribed);
        QSignalSpy messages(&caller, &GraphQLWsCaller::messageReceived);
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        GraphQLWsRequest call = request(QStringLiteral("subscription { tick }"), kGoodInit);
        call.url = peer.url();
        call.protocol = WsProtocol::LegacySubscriptions;
        const auto id = caller.send(call);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.count(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(messages.count() >= 6, kWaitMs); // init, ack, ka, start, data, data
        caller.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.subprotocol, QStringLiteral("graphql-ws"));
        QStringList seen = types(record);
        QVERIFY(seen.removeOne(QStringLiteral("<ka"))); // the keep-alive may come before or after start
        QCOMPARE(seen, (QStringList{">connection_init", "<connection_ack", ">start", "<data", "<data", ">stop",
                                    ">connection_terminate"}));
        QCOMPARE(object(record.body), object(R"({"data":{"tick":2}})"));
        QTRY_VERIFY_WITH_TIMEOUT(peer.received.contains(QStringLiteral("connection_terminate")), kWaitMs);
        QVERIFY(peer.received.contains(QStringLiteral("stop")));
    }

    void legacyQueryCompletes() {
        LegacyPeer peer;
        QVERIFY(peer.listen());
        GraphQLWsCaller caller;
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        GraphQLWsRequest call = request(QStringLiteral("{ tick }"), kGoodInit);
        call.url = peer.url();
        call.protocol = WsProtocol::LegacySubscriptions;
        caller.send(call);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QCOMPARE(types(record).last(), QStringLiteral("<complete"));
    }

    void emptyErrorListIsStillAnError() {
        LegacyPeer peer;
        QVERIFY(peer.listen());
        GraphQLWsCaller caller;
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished);
        GraphQLWsRequest call = request(QStringLiteral("{ emptyError }"), kGoodInit);
        call.url = peer.url();
        call.protocol = WsProtocol::LegacySubscriptions;
        caller.send(call);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QVERIFY(lastRecord(finished).error.kind == ErrorKind::OperationError);
    }

    void legacyConnectionError() {
        LegacyPeer peer;
        QVERIFY(peer.listen());
        GraphQLWsCaller caller;
        QSignalSpy failed(&caller, &GraphQLWsCaller::callFailed);
        GraphQLWsRequest call = request(QStringLiteral("subscription { tick }"), R"({"authorization":"nope"})");
        call.url = peer.url();
        call.protocol = WsProtocol::LegacySubscriptions;
        caller.send(call);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QVERIFY2(lastRecord(failed).error.text().contains(QStringLiteral("refused the connection_init: bad token")),
                 qPrintable(lastRecord(failed).error.text()));
    }

    void noAckTimesOut() {
        LegacyPeer peer;
        peer.silent = true;
        QVERIFY(peer.listen());
        GraphQLWsCaller caller;
        QSignalSpy failed(&caller, &GraphQLWsCaller::callFailed);
        GraphQLWsRequest call = request(QStringLiteral("subscription { tick }"));
        call.url = peer.url();
        call.protocol = WsProtocol::LegacySubscriptions;
        call.connectTimeoutMs = 200;
        caller.send(call);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QVERIFY(lastRecord(failed).error.kind == ErrorKind::Timeout);
        QVERIFY(lastRecord(failed).error.text().contains(QStringLiteral("No connection_ack")));
    }

    void deletedCallerReceivesNothing() {
        auto caller = std::make_unique<GraphQLWsCaller>();
        QSignalSpy finished(caller.get(), &GraphQLWsCaller::callFinished);
        caller->send(request(kOrderUpdates, kGoodInit));
        caller.reset(); // closes the socket on the worker; nothing may reach the deleted object
        GraphQLWsCaller next;
        QSignalSpy nextFinished(&next, &GraphQLWsCaller::callFinished);
        next.send(request(QStringLiteral("{ user(id: 1) { id } }")));
        QTRY_COMPARE_WITH_TIMEOUT(nextFinished.count(), 1, kWaitMs);
    }
};

QTEST_MAIN(TestGraphQLWsCaller)
#include "test_graphqlwscaller.moc"
