// The HTTP server terminating TLS itself: HTTPS, WSS and streams through the same HTTP code; the peer's own address
// reaches the routes; the body limit holds; a plain-HTTP request gets no HTTP answer; a handshake that stalls is
// closed by the read timeout counted from the accept; stalled handshakes make room at the connection cap; stop ends
// a stream cleanly.
#include "server/http/httpserver.h"
#include "server/tls/tlscontext.h"
#include "server/tls/tlsmaterial.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtTest>

using namespace triptych;
using namespace triptych::http;

namespace {

constexpr int kReadTimeoutMs = 300;
constexpr int kIdleTimeoutMs = 20'000; // far above the read timeout, so a close proves which one fired
constexpr int kMaxConnections = 4;
constexpr std::size_t kMaxBodyBytes = 1024;
constexpr int kWaitMs = 10'000;

// Echoes text messages back.
class EchoHandler : public WebSocketHandler {
public:
    void onOpen(std::shared_ptr<WebSocketConnection> connection) override { m_connection = connection; }
    void onMessage(std::string message, bool) override { m_connection->sendText(std::move(message)); }
    void onClosed(std::uint16_t) override { m_connection.reset(); }

private:
    std::shared_ptr<WebSocketConnection> m_connection;
};

Router testRoutes() {
    Router router;
    router.add("GET", "/hello", [](HttpRequest &) { return HttpResponse::text(200, "hello", "text/plain"); });
    router.add("GET", "/peer",
               [](HttpRequest &request) { return HttpResponse::text(200, request.remoteAddress, "text/plain"); });
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

QSslConfiguration clientConfiguration(const tls::TlsMaterial &material) {
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromData(QByteArray::fromStdString(material.caPem)));
    return configuration;
}

// Sends one request over a fresh TLS connection (from the given local address, if any) and reads until the server
// closes; "error: …" when the handshake fails.
QByteArray httpsExchange(quint16 port, const tls::TlsMaterial &material, const QByteArray &request,
                         const QHostAddress &from = {}) {
    QSslSocket socket;
    socket.setSslConfiguration(clientConfiguration(material));
    if (!from.isNull() && !socket.bind(from))
        return "error: cannot bind " + from.toString().toUtf8();
    socket.connectToHostEncrypted(QStringLiteral("localhost"), port);
    if (!socket.waitForEncrypted(kWaitMs))
        return "error: " + socket.errorString().toUtf8();
    socket.write(request);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(kWaitMs))
        answer += socket.readAll();
    return answer + socket.readAll();
}

QByteArray get(const QByteArray &path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
}

} // namespace

class TestHttpsTls : public QObject {
    Q_OBJECT
    tls::TlsMaterial m_material;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;

private Q_SLOTS:
    void initTestCase() {
        auto material = tls::generateTlsMaterial();
        QVERIFY(material.ok());
        m_material = std::move(*material);
    }

    void init() {
        auto context = tls::makeServerContext(m_material);
        QVERIFY(context.ok());
        HttpServerOptions options;
        options.threads = 2;
        options.readTimeout = std::chrono::milliseconds(kReadTimeoutMs);
        options.idleTimeout = std::chrono::milliseconds(kIdleTimeoutMs);
        options.maxConnections = kMaxConnections;
        options.maxBodyBytes = kMaxBodyBytes;
        options.tls = *context;
        m_server = std::make_unique<HttpServer>(testRoutes(), options);
        auto port = m_server->start();
        QVERIFY(port.ok());
        m_port = *port;
    }
    void cleanup() { m_server.reset(); }

    void httpsAnswersThroughTheSameHttpCode() {
        const QByteArray answer = httpsExchange(m_port, m_material, get("/hello"));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY(answer.endsWith("\r\n\r\nhello"));
    }

    void routesSeeThePeersOwnAddress_data() {
        QTest::addColumn<QString>("from");
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
        QTest::newRow("127.0.0.2") << QStringLiteral("127.0.0.2"); // not the address a relay on loopback would use
    }
    void routesSeeThePeersOwnAddress() {
        QFETCH(QString, from);
        const QByteArray answer = httpsExchange(m_port, m_material, get("/peer"), QHostAddress(from));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY2(answer.endsWith("\r\n\r\n" + from.toUtf8()), answer.constData());
    }

    void wssEchoes() {
        QWebSocket socket;
        socket.setSslConfiguration(clientConfiguration(m_material));
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy received(&socket, &QWebSocket::textMessageReceived);
        socket.open(QUrl(QStringLiteral("wss://localhost:%1/ws").arg(m_port)));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kWaitMs);
        socket.sendTextMessage(QStringLiteral("over TLS"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWaitMs);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("over TLS"));
        socket.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), std::size_t(0), kWaitMs);
    }

    void bodyOverTheLimitIsRefusedFromItsHead() {
        const QByteArray answer = httpsExchange(
            m_port, m_material, "POST /hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4096\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 413 Content Too Large\r\n"), answer.constData());
    }

    void plainHttpGetsNoHttpAnswer() {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(kWaitMs));
        socket.write(get("/hello"));
        QByteArray answer;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(kWaitMs))
            answer += socket.readAll();
        answer += socket.readAll();
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState); // the server closed it
        QVERIFY2(!answer.contains("HTTP/1.1"), answer.toHex().constData());
    }

    void stalledHandshakeIsClosedByTheReadTimeout_data() {
        QTest::addColumn<QByteArray>("sent");
        QTest::newRow("nothing sent") << QByteArray();
        // The first bytes of a ClientHello record announcing 512 bytes that never come.
        QTest::newRow("part of a ClientHello") << QByteArray::fromHex("160301020001000200");
    }
    void stalledHandshakeIsClosedByTheReadTimeout() {
        QFETCH(QByteArray, sent);
        QTcpSocket socket;
        QElapsedTimer timer;
        timer.start();
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(kWaitMs));
        if (!sent.isEmpty()) {
            socket.write(sent);
            socket.flush();
        }
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kIdleTimeoutMs / 2);
        QVERIFY2(timer.elapsed() >= kReadTimeoutMs - 50, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE(m_server->openConnections(), std::size_t(0));
    }

    void stalledHandshakesMakeRoomAtTheCap() {
        std::vector<std::unique_ptr<QTcpSocket>> stalled;
        for (int i = 0; i < kMaxConnections; ++i) {
            stalled.push_back(std::make_unique<QTcpSocket>());
            stalled.back()->connectToHost(QHostAddress::LocalHost, m_port);
            QVERIFY(stalled.back()->waitForConnected(kWaitMs));
        }
        QTRY_COMPARE(m_server->openConnections(), std::size_t(kMaxConnections));
        const QByteArray answer = httpsExchange(m_port, m_material, get("/hello"));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QCOMPARE(m_server->evictedConnections(), std::uint64_t(1));
    }

    void stopEndsAStreamOverTls() {
        QSslSocket socket;
        socket.setSslConfiguration(clientConfiguration(m_material));
        socket.connectToHostEncrypted(QStringLiteral("localhost"), m_port);
        QVERIFY(socket.waitForEncrypted(kWaitMs));
        socket.write(get("/forever"));
        QByteArray answer;
        while (!answer.contains(": open") && socket.waitForReadyRead(kWaitMs))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QElapsedTimer timer;
        timer.start();
        m_server->stop();
        QVERIFY(timer.elapsed() < kWaitMs);
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(kWaitMs))
            answer += socket.readAll();
        answer += socket.readAll();
        QVERIFY2(answer.endsWith("\r\n0\r\n\r\n"), answer.constData()); // the last chunk: the stream ended, not cut
    }
};

QTEST_GUILESS_MAIN(TestHttpsTls)
#include "test_httpstls.moc"
