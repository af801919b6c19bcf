// The HTTP front door under abuse: a head trickled a byte at a time is closed by the read timeout counted from its
// first byte; at the connection cap, idle and slow connections make room for a working client; the reason phrase
// matches the problem's title; HEAD of a stream tells no length; absolute-form targets are routed by their path;
// every problem+json is valid UTF-8; an oversized WebSocket message closes cleanly with 1009.
#include "server/http/httpserver.h"
#include "server/http/problem.h"
#include "server/http/requestbytes.h"
#include "server/json/utf8.h"
#include "tests/support/rawhttpconnection.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QWebSocket>
#include <QtTest>

using namespace triptych::http;
using triptych::testing::RawHttpConnection;

namespace {

constexpr int kReadTimeoutMs = 300;
constexpr int kIdleTimeoutMs = 1500;
constexpr int kMaxConnections = 8;

// Echoes text messages back.
class EchoHandler : public WebSocketHandler {
public:
    void onOpen(std::shared_ptr<WebSocketConnection> connection) override { m_connection = connection; }
    void onMessage(std::string message, bool) override {
        if (message.starts_with("close:"))
            return m_connection->close(4000, message.substr(6));
        m_connection->sendText(std::move(message));
    }
    void onClosed(std::uint16_t) override { m_connection.reset(); }

private:
    std::shared_ptr<WebSocketConnection> m_connection;
};

Router testRoutes() {
    Router router;
    router.add("GET", "/hello", [](HttpRequest &) { return HttpResponse::text(200, "hello", "text/plain"); });
    router.add("POST", "/echo",
               [](HttpRequest &request) { return HttpResponse::text(200, request.body, "application/octet-stream"); });
    router.add("GET", "/query",
               [](HttpRequest &request) { return HttpResponse::text(200, request.query, "text/plain"); });
    router.add("GET", "/forever", [](HttpRequest &) {
        HttpResponse response;
        response.headers.set("Content-Type", "text/event-stream");
        response.stream = [](std::shared_ptr<ResponseStream> stream) {
            stream->write(": open\n\n");
            auto keep = std::make_shared<std::shared_ptr<ResponseStream>>(stream);
            stream->onClosed([keep] { keep->reset(); });
        };
        return response;
    });
    router.addWebSocket("/ws", [](const HttpRequest &) {
        WebSocketAccept accept;
        accept.handler = std::make_shared<EchoHandler>();
        return accept;
    });
    return router;
}

// Sends `bytes` one at a time every `pauseMs` until the server closes the connection; the milliseconds it took.
qint64 trickleUntilClosed(RawHttpConnection &connection, const QByteArray &bytes, int pauseMs) {
    QElapsedTimer timer;
    timer.start();
    for (char byte : bytes) {
        connection.socket().write(&byte, 1);
        connection.socket().flush();
        if (connection.waitForClose(pauseMs))
            return timer.elapsed();
    }
    return -1;
}

} // namespace

class TestHttpHardening : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        HttpServerOptions options;
        options.readTimeout = std::chrono::milliseconds(kReadTimeoutMs);
        options.idleTimeout = std::chrono::milliseconds(kIdleTimeoutMs);
        options.maxConnections = kMaxConnections;
        options.maxBodyBytes = 1024 * 1024;
        options.threads = 2;
        m_server = std::make_unique<HttpServer>(testRoutes(), options);
        auto port = m_server->start();
        QVERIFY(port.ok());
        m_port = *port;
    }
    void cleanup() { m_server.reset(); }

    void trickledHeadIsClosedByTheReadTimeout() {
        // A byte every 50 ms: the head never completes. The read timeout runs from its first byte; the idle timeout
        // (5 times longer) is only for waiting for that first byte.
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        const qint64 closedAfter =
            trickleUntilClosed(connection, "GET /hello HTTP/1.1\r\nX-Slow: " + QByteArray(200, 'a'), 50);
        QVERIFY2(closedAfter > 0, "the server held the trickled head");
        QVERIFY2(closedAfter < kIdleTimeoutMs / 2, qPrintable(QString::number(closedAfter)));
    }

    void silentConnectionWaitsForTheIdleTimeout() {
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        QVERIFY(!connection.waitForClose(kReadTimeoutMs * 2)); // no byte yet: the read timeout does not apply
        QVERIFY(connection.waitForClose(kIdleTimeoutMs * 2));
    }

    void capMakesRoomByClosingIdleAndSlowConnections() {
        // The cap is full of connections that are silent or trickling a head; a client with a whole request is
        // served, and the connection that waited longest is the one closed for it.
        std::vector<std::unique_ptr<RawHttpConnection>> squatters;
        for (int i = 0; i < kMaxConnections; ++i) {
            squatters.push_back(std::make_unique<RawHttpConnection>());
            QVERIFY(squatters.back()->connectTo(m_port));
            if (i % 2)
                squatters.back()->send("GET /hello HTTP/1.1\r\nX-Slow: a");
        }
        QTRY_COMPARE(m_server->openConnections(), std::size_t(kMaxConnections));
        std::vector<std::unique_ptr<RawHttpConnection>> clients; // kept open, so each round needs room again
        for (int round = 1; round <= 3; ++round) {
            clients.push_back(std::make_unique<RawHttpConnection>());
            QVERIFY(clients.back()->connectTo(m_port));
            clients.back()->send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            auto answer = clients.back()->readResponse();
            QVERIFY(answer);
            QCOMPARE(answer->status, 200);
            QCOMPARE(m_server->evictedConnections(), std::uint64_t(round));
        }
        QVERIFY(squatters[0]->waitForClose(2000)); // the oldest went first
        QVERIFY(squatters[1]->waitForClose(2000));
        QVERIFY(squatters[2]->waitForClose(2000));
        QVERIFY(squatters.back()->isOpen());
    }

    void busyConnectionsAreNotEvicted() {
        std::vector<std::unique_ptr<RawHttpConnection>> streams;
        for (int i = 0; i < kMaxConnections; ++i) {
            streams.push_back(std::make_unique<RawHttpConnection>());
            QVERIFY(streams.back()->connectTo(m_port));
            streams.back()->send("GET /forever HTTP/1.1\r\nHost: t\r\n\r\n");
            QVERIFY(streams.back()->socket().waitForReadyRead(2000));
        }
        auto refused = triptych::testing::rawGet(m_port, "/hello");
        QVERIFY(refused);
        QCOMPARE(refused->status, 503);
        QCOMPARE(m_server->evictedConnections(), std::uint64_t(0));
    }

    void reasonPhraseMatchesTheTitle_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("413") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 10485760\r\n\r\n") << 413;
        QTest::newRow("404") << QByteArray("GET /nope HTTP/1.1\r\n\r\n") << 404;
        QTest::newRow("405") << QByteArray("DELETE /hello HTTP/1.1\r\n\r\n") << 405;
        QTest::newRow("431") << "GET /hello HTTP/1.1\r\nX-Big: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n" << 431;
    }
    void reasonPhraseMatchesTheTitle() {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send(request);
        auto answer = connection.readResponse();
        QVERIFY(answer);
        QCOMPARE(answer->status, status);
        const QByteArray title = QJsonDocument::fromJson(answer->body).object()["title"].toString().toUtf8();
        QCOMPARE(answer->reason, title);
        QCOMPARE(answer->reason, QByteArray(reasonPhrase(status).data(), qsizetype(reasonPhrase(status).size())));
    }

    void headOfAStreamTellsNoLength() {
        // RFC 9110 §9.3.2 and §8.6: the fields GET would get, but no Content-Length the stream does not have.
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send("HEAD /forever HTTP/1.1\r\nHost: t\r\n\r\n");
        auto head = connection.readResponse(2000, /*headOnly=*/true);
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QCOMPARE(head->header("content-type"), QByteArray("text/event-stream"));
        QVERIFY(!head->headers.contains("content-length"));
        QVERIFY(!head->headers.contains("transfer-encoding"));
        connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"); // no stray bytes, and the connection lives on
        auto next = connection.readResponse();
        QVERIFY(next);
        QCOMPARE(next->body, QByteArray("hello"));
    }

    void absoluteFormTarget_data() {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("http with port") << QByteArray("http://127.0.0.1:8080/hello") << 200 << QByteArray("hello");
        QTest::newRow("upper-case scheme") << QByteArray("HTTP://example.com/hello") << 200 << QByteArray("hello");
        QTest::newRow("with a query") << QByteArray("https://example.com/query?a=1&b=2") << 200
                                      << QByteArray("a=1&b=2");
        QTest::newRow("authority only") << QByteArray("http://example.com") << 404 << QByteArray();
        QTest::newRow("origin form") << QByteArray("/hello") << 200 << QByteArray("hello");
    }
    void absoluteFormTarget() {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
        auto answer = connection.readResponse();
        QVERIFY(answer);
        QCOMPARE(answer->status, status);
        if (status == 200)
            QCOMPARE(answer->body, body);
    }

    void problemJsonIsValidUtf8() {
        // `%c0%ff` decodes to bytes that are not UTF-8; the 404's detail quotes the path, with U+FFFD in their place.
        auto answer = triptych::testing::rawGet(m_port, "/nope/%c0%ff/%e2%82");
        QVERIFY(answer);
        QCOMPARE(answer->status, 404);
        QVERIFY(triptych::json::isValidUtf8(std::string_view(answer->body.constData(), answer->body.size())));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(answer->body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.object()["detail"].toString().contains(QStringLiteral("/nope/\uFFFD\uFFFD/\uFFFD")));
    }

    void requestBytesAreReadAsAConnectionReadsThem_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("refusal");
        QTest::addColumn<QByteArray>("path"); // of the request read, when there is one
        QTest::newRow("whole") << QByteArray("GET http://h/a%20b?q HTTP/1.1\r\nHost: h\r\n\r\n") << 0
                               << QByteArray("/a b");
        QTest::newRow("with a body") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi") << 0
                                     << QByteArray("/echo");
        QTest::newRow("cut short") << QByteArray("GET /a HTTP/1.1\r\nHost") << 0 << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello\r\n\r\n") << 400 << QByteArray();
        QTest::newRow("head too big") << "GET / HTTP/1.1\r\nX: " + QByteArray(20000, 'a') + "\r\n\r\n"
                                      << 431 << QByteArray();
        QTest::newRow("body too big") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 9999999\r\n\r\n") << 413
                                      << QByteArray();
    }
    void requestBytesAreReadAsAConnectionReadsThem() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, refusal);
        QFETCH(QByteArray, path);
        HttpServerOptions options;
        options.maxBodyBytes = 1024 * 1024;
        const auto read = parseRequestBytes(std::string_view(bytes.constData(), std::size_t(bytes.size())), options);
        QCOMPARE(read.refusal, refusal);
        QCOMPARE(read.request.has_value(), !path.isEmpty());
        if (read.request)
            QCOMPARE(QByteArray::fromStdString(read.request->path), path);
    }

    void oversizedWebSocketMessageClosesWith1009_data() {
        QTest::addColumn<int>("bytes");
        QTest::newRow("just over 1 MiB") << 1024 * 1024 + 1;
        QTest::newRow("4 MB") << 4 * 1000 * 1000;
    }
    void oversizedWebSocketMessageClosesWith1009() {
        QFETCH(int, bytes);
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)));
        QVERIFY(connected.wait(5000));
        socket.sendTextMessage(QString(bytes, QLatin1Char('x')));
        QVERIFY(disconnected.wait(10000));
        QCOMPARE(int(socket.closeCode()), 1009); // not 1006: the close frame arrived
        QTRY_COMPARE(m_server->openConnections(), std::size_t(0));
    }

    void longCloseReasonIsCut() {
        // A close frame carries at most 123 bytes of UTF-8: a longer reason is cut between characters, not refused
        // (refusing it used to leave the socket open for good).
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)));
        QVERIFY(connected.wait(5000));
        const QString reason = QStringLiteral("a") + QString(200, QChar(0xE9)); // é: two bytes each
        socket.sendTextMessage(QStringLiteral("close:") + reason);
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(int(socket.closeCode()), 4000);
        QCOMPARE(socket.closeReason(), reason.left(1 + 61)); // 1 + 61 × 2 = 123 bytes
    }

private:
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestHttpHardening)
#include "test_httphardening.moc"
