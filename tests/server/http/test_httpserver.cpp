// The HTTP/1.1 + WebSocket front door against real sockets: keep-alive, pipelining, limits, timeouts, bad input.
#include "server/http/httpserver.h"
#include "tests/support/rawhttpconnection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QtTest>

#include <thread>

using namespace triptych::http;
using triptych::testing::RawHttpConnection;

namespace {

constexpr std::size_t kTestBodyLimit = 1024 * 1024;

// Echoes text messages back, and closes with 4400 on "close".
class EchoHandler : public WebSocketHandler {
public:
    void onOpen(std::shared_ptr<WebSocketConnection> connection) override { m_connection = connection; }
    void onMessage(std::string message, bool) override {
        if (message == "close")
            return m_connection->close(4400, "asked to");
        m_connection->sendText("echo:" + message);
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
    router.add("GET", "/throws", [](HttpRequest &) -> HttpResponse { throw std::runtime_error("boom"); });
    router.add("GET", "/stream", [](HttpRequest &) {
        HttpResponse response;
        response.headers.set("Content-Type", "text/event-stream");
        response.stream = [](std::shared_ptr<ResponseStream> stream) {
            for (int i = 0; i < 3; ++i)
                stream->write("data: " + std::to_string(i) + "\n\n");
            stream->end();
        };
        return response;
    });
    router.add("GET", "/forever", [](HttpRequest &) {
        HttpResponse response;
        response.headers.set("Content-Type", "text/event-stream");
        response.stream = [](std::shared_ptr<ResponseStream> stream) {
            stream->write(": open\n\n");
            // The stream stays open until the client leaves or the server stops; the callback drops it.
            auto keep = std::make_shared<std::shared_ptr<ResponseStream>>(stream);
            stream->onClosed([keep] { keep->reset(); });
        };
        return response;
    });
    router.addWebSocket("/ws", [](const HttpRequest &request) {
        WebSocketAccept accept;
        if (request.header("Sec-WebSocket-Protocol").find("echo-v1") == std::string_view::npos) {
            accept.refusal = HttpResponse::text(400, "subprotocol echo-v1 required", "text/plain");
            return accept;
        }
        accept.handler = std::make_shared<EchoHandler>();
        accept.subprotocol = "echo-v1";
        return accept;
    });
    return router;
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        HttpServerOptions options;
        options.maxBodyBytes = kTestBodyLimit;
        options.readTimeout = std::chrono::milliseconds(400);
        options.idleTimeout = std::chrono::milliseconds(600);
        options.maxConnections = 8;
        options.threads = 2;
        m_server = std::make_unique<HttpServer>(testRoutes(), options);
        auto port = m_server->start();
        QVERIFY(port.ok());
        m_port = *port;
    }
    void cleanup() { m_server.reset(); }

    void keepAliveServesManyRequests() {
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        for (int i = 0; i < 3; ++i) {
            connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            auto response = connection.readResponse();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->body, QByteArray("hello"));
            QVERIFY(response->header("connection").toLower() != "close");
        }
        QVERIFY(connection.isOpen());
    }

    void pipelinedRequestsAnswerInOrder() {
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\none"
                        "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nthree");
        QCOMPARE(connection.readResponse()->body, QByteArray("one"));
        QCOMPARE(connection.readResponse()->body, QByteArray("hello"));
        QCOMPARE(connection.readResponse()->body, QByteArray("three"));
    }

    void connectionCloseIsHonoured_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("Connection: close") << QByteArray("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        QTest::newRow("HTTP/1.0 without keep-alive") << QByteArray("GET /hello HTTP/1.0\r\n\r\n");
    }
    void connectionCloseIsHonoured() {
        QFETCH(QByteArray, request);
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send(request);
        auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QVERIFY(connection.waitForClose(2000));
    }

    void errorsAnswerAndTheServerKeepsServing_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage bytes") << QByteArray("\x16\x03\x01\x02\x00 hello there\r\n\r\n", 22) << 400;
        QTest::newRow("no HTTP version") << QByteArray("GET /hello\r\n\r\n") << 400;
        QTest::newRow("bad header line") << QByteArray("GET /hello HTTP/1.1\r\nNo colon here\r\n\r\n") << 400;
        QTest::newRow("bad content length") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: ten\r\n\r\n") << 400;
        QTest::newRow("oversized header") << "GET /hello HTTP/1.1\r\nX-Big: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n"
                                          << 431;
        QTest::newRow("10 MB body announced")
            << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 10485760\r\n\r\n") << 413;
        QTest::newRow("chunked body over the limit")
            << "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n" + QByteArray(0x200000, 'x') +
                   "\r\n0\r\n\r\n"
            << 413;
        QTest::newRow("unknown route") << QByteArray("GET /nope HTTP/1.1\r\n\r\n") << 404;
        QTest::newRow("wrong method") << QByteArray("DELETE /hello HTTP/1.1\r\n\r\n") << 405;
        QTest::newRow("handler throws") << QByteArray("GET /throws HTTP/1.1\r\n\r\n") << 500;
    }
    void errorsAnswerAndTheServerKeepsServing() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send(bytes);
        auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        QCOMPARE(response->header("content-type"), QByteArray("application/problem+json"));
        QVERIFY(response->body.contains("\"status\":" + QByteArray::number(status)));
        auto again = triptych::testing::rawGet(m_port, "/hello");
        QVERIFY(again);
        QCOMPARE(again->status, 200);
    }

    void bigBodyIsRefusedBeforeItIsSent() {
        // Only the head goes out: the 413 must come without the server waiting for 10 MB.
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        QElapsedTimer timer;
        timer.start();
        connection.send(
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 10485760\r\n\r\n");
        auto response = connection.readResponse(1000);
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->header("connection").toLower(), QByteArray("close"));
    }

    void expectContinue_data() {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("interim");
        QTest::addColumn<int>("final");
        QTest::newRow("small body: 100 then 200") << 5 << 100 << 200;
        QTest::newRow("too big: 413 at once") << int(kTestBodyLimit) + 1 << 0 << 413;
    }
    void expectContinue() {
        QFETCH(int, length);
        QFETCH(int, interim);
        QFETCH(int, final);
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: " +
                        QByteArray::number(length) + "\r\n\r\n");
        auto first = connection.readResponse(2000);
        QVERIFY(first);
        if (interim) {
            QCOMPARE(first->status, interim);
            connection.send("hello");
            auto second = connection.readResponse();
            QVERIFY(second);
            QCOMPARE(second->status, final);
            QCOMPARE(second->body, QByteArray("hello"));
        } else {
            QCOMPARE(first->status, final);
        }
    }

    void slowClientIsTimedOut() {
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n"); // the head never ends
        QVERIFY(connection.waitForClose(3000));
        auto again = triptych::testing::rawGet(m_port, "/hello");
        QVERIFY(again);
        QCOMPARE(again->status, 200);
    }

    void slowBodyIsTimedOut() {
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly part");
        QVERIFY(connection.waitForClose(3000));
    }

    void idleConnectionIsClosed() {
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(connection.readResponse());
        QVERIFY(connection.waitForClose(3000));
    }

    void headHasNoBody() {
        RawHttpConnection connection;
        QVERIFY(connection.connectTo(m_port));
        connection.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        auto response = connection.readResponse(2000, /*headOnly=*/true);
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("content-length"), QByteArray("5"));
        connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(connection.readResponse()->body, QByteArray("hello")); // no stray body bytes before it
    }

    void connectionCapAnswers503() {
        // Connections busy with an answer (here open streams) are never closed to make room: the next one gets 503.
        std::vector<std::unique_ptr<RawHttpConnection>> open;
        for (int i = 0; i < 8; ++i) {
            open.push_back(std::make_unique<RawHttpConnection>());
            QVERIFY(open.back()->connectTo(m_port));
            open.back()->send("GET /forever HTTP/1.1\r\nHost: t\r\n\r\n");
            QVERIFY(open.back()->socket().waitForReadyRead(2000));
        }
        RawHttpConnection extra;
        QVERIFY(extra.connectTo(m_port));
        auto refused = extra.readResponse();
        QVERIFY(refused);
        QCOMPARE(refused->status, 503);
        QVERIFY(!refused->header("retry-after").isEmpty());
        open.clear();
        QTRY_COMPARE(m_server->openConnections(), size_t(0));
    }

    void streamedAnswerIsChunked() {
        auto response = triptych::testing::rawGet(m_port, "/stream");
        QVERIFY(response);
        QCOMPARE(response->header("transfer-encoding"), QByteArray("chunked"));
        QCOMPARE(response->body, QByteArray("data: 0\n\ndata: 1\n\ndata: 2\n\n"));
    }

    void webSocketNegotiatesSubprotocolAndEchoes() {
        QWebSocket socket;
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({QStringLiteral("echo-v1")});
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)), options);
        QVERIFY(connected.wait(5000));
        QCOMPARE(socket.subprotocol(), QStringLiteral("echo-v1"));
        socket.sendTextMessage(QStringLiteral("hi"));
        QVERIFY(messages.wait(5000));
        QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("echo:hi"));
        socket.sendTextMessage(QStringLiteral("close"));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(int(socket.closeCode()), 4400);
    }

    void webSocketWithoutSubprotocolIsRefused() {
        QWebSocket socket;
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(connected.count(), 0);
    }

    void stopEndsStreamsAndConnectionsQuickly() {
        RawHttpConnection stream;
        QVERIFY(stream.connectTo(m_port));
        stream.send("GET /forever HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(stream.socket().waitForReadyRead(2000));
        RawHttpConnection idle;
        QVERIFY(idle.connectTo(m_port));
        idle.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(idle.readResponse());
        QElapsedTimer timer;
        timer.start();
        std::thread stopper([this] { m_server->stop(); });
        QVERIFY(stream.waitForClose(2000));
        QVERIFY(idle.waitForClose(2000));
        stopper.join();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

private:
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "test_httpserver.moc"
