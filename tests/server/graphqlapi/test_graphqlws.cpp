// graphql-transport-ws on ws://…/graphql against an in-process OrderServer on port 0: the handshake, ping/pong,
// subscribe/next/error/complete, queries and mutations over the socket, orderUpdates and the close codes.
#include "server/core/eventbus.h"
#include "server/core/orderservice.h"
#include "server/host/orderserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QtTest>

using namespace triptych;

namespace {

// One graphql-transport-ws client; every text message received is kept, parsed.
class WsClient {
public:
    explicit WsClient(quint16 port) {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({"graphql-transport-ws"});
        m_socket.open(QUrl(QString("ws://127.0.0.1:%1/graphql").arg(port)), options);
    }
    bool waitOpen() {
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        return m_socket.state() == QAbstractSocket::ConnectedState || connected.wait(5000);
    }
    void send(const QJsonObject &message) {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    void sendRaw(const QString &text) { m_socket.sendTextMessage(text); }
    bool init(const QJsonObject &payload = {}) {
        send({{"type", "connection_init"}, {"payload", payload}});
        QElapsedTimer timer;
        timer.start();
        while (messages.isEmpty() && timer.elapsed() < 5000)
            QTest::qWait(5); // processes events: the answer arrives on this thread
        return !messages.isEmpty() && messages.first()["type"] == QStringLiteral("connection_ack");
    }
    void subscribe(const QString &id, const QString &query) {
        send({{"id", id}, {"type", "subscribe"}, {"payload", QJsonObject{{"query", query}}}});
    }
    QWebSocket &socket() { return m_socket; }
    QList<QJsonObject> messages;

private:
    QWebSocket m_socket;
};

} // namespace

class TestGraphqlWs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void handshakeAndPing();
    void queryAndMutationOverTheSocket();
    void orderUpdatesFollowsCreateAndCancel();
    void closeCodes_data();
    void closeCodes();

private:
    quint16 port() const { return m_server->httpPort(); }
    std::unique_ptr<OrderServer> m_server;
};

void TestGraphqlWs::initTestCase() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    m_server = std::make_unique<OrderServer>(options);
    QVERIFY(m_server->start().ok());
}

void TestGraphqlWs::handshakeAndPing() {
    WsClient client(port());
    QVERIFY(client.waitOpen());
    QCOMPARE(client.socket().subprotocol(), QStringLiteral("graphql-transport-ws"));
    QVERIFY(client.init());
    client.send({{"type", "ping"}});
    QTRY_COMPARE(client.messages.size(), 2);
    QCOMPARE(client.messages.at(1)["type"].toString(), QStringLiteral("pong"));
}

void TestGraphqlWs::queryAndMutationOverTheSocket() {
    WsClient anonymous(port());
    QVERIFY(anonymous.waitOpen());
    QVERIFY(anonymous.init());
    anonymous.subscribe("q", "{ user(id: 42) { name } }");
    QTRY_COMPARE(anonymous.messages.size(), 3);
    QCOMPARE(anonymous.messages.at(1)["type"].toString(), QStringLiteral("next"));
    QVERIFY(anonymous.messages.at(1)["payload"].toObject()["data"].toObject()["user"].isObject());
    QCOMPARE(anonymous.messages.at(2)["type"].toString(), QStringLiteral("complete"));

    const QString mutation =
        "mutation { createOrder(input: {userId: 7, product: \"Wireless Mouse\", quantity: 1}) { id } }";
    anonymous.subscribe("m", mutation);
    QTRY_COMPARE(anonymous.messages.size(), 5);
    const QJsonObject refused = anonymous.messages.at(3)["payload"].toObject();
    QCOMPARE(refused["errors"].toArray().at(0).toObject()["extensions"].toObject()["code"].toString(),
             QStringLiteral("UNAUTHENTICATED"));

    WsClient authorized(port());
    QVERIFY(authorized.waitOpen());
    QVERIFY(authorized.init({{"authorization", "Bearer demo-token"}}));
    authorized.subscribe("m", mutation);
    QTRY_COMPARE(authorized.messages.size(), 3);
    QVERIFY(authorized.messages.at(1)["payload"].toObject()["data"].toObject()["createOrder"].isObject());

    authorized.subscribe("bad", "{ user(id: 1) { nope } }");
    QTRY_COMPARE(authorized.messages.size(), 4);
    QCOMPARE(authorized.messages.at(3)["type"].toString(), QStringLiteral("error"));
    QVERIFY(authorized.messages.at(3)["payload"].isArray());
}

void TestGraphqlWs::orderUpdatesFollowsCreateAndCancel() {
    WsClient client(port());
    QVERIFY(client.waitOpen());
    QVERIFY(client.init());
    client.subscribe("s", "subscription { orderUpdates(userId: 7) { order { id status } previousStatus at } }");
    QTRY_COMPARE(m_server->events()->subscriberCount() > 0, true);
    auto created = m_server->service()->createOrder({7, "Wireless Mouse", 2});
    QVERIFY(created.ok());
    QVERIFY(m_server->service()->cancelOrder(created->id).ok());
    QTRY_COMPARE(client.messages.size(), 3);
    const QJsonObject first = client.messages.at(1)["payload"].toObject()["data"].toObject()["orderUpdates"].toObject();
    const QJsonObject second =
        client.messages.at(2)["payload"].toObject()["data"].toObject()["orderUpdates"].toObject();
    QCOMPARE(first["order"].toObject()["status"].toString(), QStringLiteral("PENDING"));
    QVERIFY(first["previousStatus"].isNull());
    QCOMPARE(second["order"].toObject()["status"].toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(second["previousStatus"].toString(), QStringLiteral("PENDING"));
    QCOMPARE(first["order"].toObject()["id"].toString(), QString::number(created->id));

    const auto subscribers = m_server->events()->subscriberCount();
    client.send({{"id", "s"}, {"type", "complete"}});
    QTRY_COMPARE(m_server->events()->subscriberCount(), subscribers - 1);
}

void TestGraphqlWs::closeCodes_data() {
    QTest::addColumn<QStringList>("messages"); // sent after the socket opens, one by one
    QTest::addColumn<int>("code");
    const QString init = R"({"type":"connection_init"})";
    const QString subscribe =
        R"({"id":"1","type":"subscribe","payload":{"query":"subscription { orderUpdates(userId: 7) { at } }"}})";
    QTest::newRow("4400 not JSON") << QStringList({init, "hello"}) << 4400;
    QTest::newRow("4400 unknown type") << QStringList({init, R"({"type":"shout"})"}) << 4400;
    QTest::newRow("4401 subscribe before ack") << QStringList({subscribe}) << 4401;
    QTest::newRow("4403 wrong credentials")
        << QStringList({R"({"type":"connection_init","payload":{"authorization":"Bearer wrong"}})"}) << 4403;
    QTest::newRow("4408 no connection_init") << QStringList() << 4408;
    QTest::newRow("4409 id in use") << QStringList({init, subscribe, subscribe}) << 4409;
    QTest::newRow("4429 second connection_init") << QStringList({init, init}) << 4429;
}

void TestGraphqlWs::closeCodes() {
    QFETCH(QStringList, messages);
    QFETCH(int, code);
    WsClient client(port());
    QVERIFY(client.waitOpen());
    QSignalSpy disconnected(&client.socket(), &QWebSocket::disconnected);
    for (const QString &message : messages)
        client.sendRaw(message);
    QVERIFY(disconnected.count() > 0 || disconnected.wait(6000));
    QCOMPARE(int(client.socket().closeCode()), code);
}

QTEST_GUILESS_MAIN(TestGraphqlWs)
#include "test_graphqlws.moc"
