// graphql-transport-ws on ws://…/graphql against an in-process OrderServer on port 0: the handshake, ping/pong,
// subscribe/next/error/complete, queries and mutations over the socket, orderUpdates and the close codes.
#include "server/core/eventbus.h"
#include "server/core/orderservice.h"
#include "server/host/orderserver.h"
#include "server/tracing/tracer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

// A WebSocket client on a bare POSIX socket with a tiny receive buffer, which reads only when told to: the slow
// consumer that QWebSocket (which always reads) cannot be.
class StalledClient {
public:
    explicit StalledClient(quint16 port) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int receiveBuffer = 4096; // set before connect, so the advertised window stays small
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        const timeval timeout{10, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    ~StalledClient() { ::close(m_fd); }

    // Sends the upgrade request (with more header lines, each ending in CRLF); true on 101. `upgradeAnswer` keeps
    // the answer's head.
    bool upgrade(quint16 port, const QByteArray &moreHeaders = {}) {
        const QByteArray request = "GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                                   "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                                   "Sec-WebSocket-Protocol: graphql-transport-ws\r\n" +
                                   moreHeaders + "\r\n";
        if (!m_connected || !writeAll(request))
            return false;
        while (!upgradeAnswer.contains("\r\n\r\n") && readSome(upgradeAnswer)) {
        }
        return upgradeAnswer.startsWith("HTTP/1.1 101");
    }
    QByteArray upgradeAnswer;
    // A client frame must be masked; the all-zero mask leaves the payload as it is.
    bool sendText(const QByteArray &text) {
        Q_ASSERT(text.size() < 126);
        QByteArray frame;
        frame.append(char(0x81)).append(char(0x80 | text.size())).append(4, '\0').append(text);
        return writeAll(frame);
    }
    // Reads frames until the server's close frame (returning its code) or the end of the stream (returning 0).
    int readUntilClose() {
        QByteArray buffer;
        for (;;) {
            while (buffer.size() >= 2) {
                const auto opcode = quint8(buffer[0]) & 0x0f;
                qsizetype length = quint8(buffer[1]) & 0x7f, header = 2;
                if (length == 126) {
                    if (buffer.size() < 4)
                        break;
                    length = (quint8(buffer[2]) << 8) | quint8(buffer[3]);
                    header = 4;
                } else if (length == 127) {
                    return 0; // the server sends no frame this big here
                }
                if (buffer.size() < header + length)
                    break;
                if (opcode == 0x8)
                    return length >= 2 ? (quint8(buffer[header]) << 8) | quint8(buffer[header + 1]) : 1005;
                buffer.remove(0, header + length);
            }
            if (!readSome(buffer))
                return 0;
        }
    }

private:
    bool writeAll(const QByteArray &bytes) {
        return ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == bytes.size();
    }
    bool readSome(QByteArray &into) {
        char chunk[16384];
        const auto count = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (count <= 0)
            return false;
        into.append(chunk, count);
        return true;
    }
    int m_fd = -1;
    bool m_connected = false;
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
    void aClientTooSlowForItsEventsIsClosedWith4500();
    void theSocketCarriesTheTraceOfItsUpgrade();

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
    QTest::newRow("4400 unknown type of 300 characters") // its close reason would be over 123 bytes
        << QStringList({init, R"({"type":")" + QString(300, 'x') + R"("})"}) << 4400;
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

void TestGraphqlWs::aClientTooSlowForItsEventsIsClosedWith4500() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.streamQueueBytes = 16 * 1024; // the limit under test, small so that a few hundred events reach it
    OrderServer server(options);
    QVERIFY(server.start().ok());

    StalledClient client(server.httpPort());
    QVERIFY(client.upgrade(server.httpPort()));
    QVERIFY(client.sendText(R"({"type":"connection_init"})"));
    QVERIFY(client.sendText(
        R"({"id":"s","type":"subscribe","payload":{"query":"subscription { orderUpdates(userId: 8) { at } }"}})"));
    QTRY_COMPARE(server.events()->subscriberCount(), std::size_t(1));

    // The client reads nothing while events pile up: kernel buffers fill, then the server's queue, then it gives up.
    QElapsedTimer elapsed;
    elapsed.start();
    int created = 0;
    while (server.events()->subscriberCount() > 0 && elapsed.elapsed() < 30'000) {
        QVERIFY(server.service()->createOrder({8, "Wireless Mouse", 1}).ok());
        if (++created % 64 == 0)
            QCoreApplication::processEvents();
    }
    QCOMPARE(server.events()->subscriberCount(), std::size_t(0));
    QCOMPARE(client.readUntilClose(), 4500);
}

void TestGraphqlWs::theSocketCarriesTheTraceOfItsUpgrade() {
    const QByteArray traceId = "9bf92f3577b34da6a3ce929d0e0e4736";
    StalledClient client(port());
    QVERIFY(client.upgrade(port(), "traceparent: 00-" + traceId + "-00f067aa0ba902b7-01\r\n"));
    const auto at = client.upgradeAnswer.indexOf("traceresponse: 00-" + traceId + "-");
    QVERIFY2(at >= 0, client.upgradeAnswer.constData());
    const std::string upgradeSpan = client.upgradeAnswer.mid(at + 15 + 36, 16).toStdString();

    QVERIFY(client.sendText(R"({"type":"connection_init"})"));
    QVERIFY(client.sendText(R"({"id":"q","type":"subscribe","payload":{"query":"{ user(id: 42) { name } }"}})"));
    const auto id = *tracing::parseTraceId(traceId.toStdString());
    const auto operationUnderTheUpgrade = [&] {
        const auto spans = m_server->tracer()->store().trace(id);
        return std::any_of(spans.begin(), spans.end(), [&](const tracing::SpanRecord &span) {
            return span.name == "graphql ws subscribe" && tracing::toHex(span.parentSpanId) == upgradeSpan;
        });
    };
    QTRY_VERIFY(operationUnderTheUpgrade());
}

QTEST_GUILESS_MAIN(TestGraphqlWs)
#include "test_graphqlws.moc"
