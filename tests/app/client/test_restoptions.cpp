// What a REST request asks of the wire beyond method and URL: the HTTP version reaches the transfer and the one the
// server agreed to is recorded — HTTP/2 over TLS by ALPN and h2c with prior knowledge, both against the embedded
// server's gRPC port (a gRPC server is an HTTP/2 server); proxies (explicit, from the environment, never for loopback).
#include "app/client/curlproxy.h"
#include "app/client/restcaller.h"
#include "tests/app/client/testserver.h"
#include "tests/support/loopbackproxy.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;

CallRecord lastRecord(const QSignalSpy &spy) {
    return spy.last().at(0).value<CallRecord>();
}

QByteArray frame(quint8 type, quint8 flags, quint32 stream, const QByteArray &payload) {
    QByteArray out;
    const auto length = quint32(payload.size());
    out += char(length >> 16);
    out += char(length >> 8);
    out += char(length);
    out += char(type);
    out += char(flags);
    out += char(stream >> 24);
    out += char(stream >> 16);
    out += char(stream >> 8);
    out += char(stream);
    return out + payload;
}

// The least of an HTTP/2 server over cleartext (prior knowledge, RFC 9113 §3.3): after the client's preface it
// sends its SETTINGS, acknowledges the client's, and answers the first HEADERS frame with ":status: 200" (HPACK
// static index 8) and a DATA frame "ok" that ends the stream.
class H2cResponder : public QTcpServer {
public:
    H2cResponder() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
        });
    }
    bool sawPreface = false;

private:
    static constexpr qsizetype kPrefaceBytes = 24;
    static constexpr qsizetype kFrameHeaderBytes = 9;

    void onData(QTcpSocket *socket) {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        if (!socket->property("started").toBool()) {
            if (buffer.size() < kPrefaceBytes) {
                socket->setProperty("buffer", buffer);
                return;
            }
            sawPreface = buffer.startsWith("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            buffer.remove(0, kPrefaceBytes);
            socket->setProperty("started", true);
            socket->write(frame(4, 0, 0, {}));
        }
        while (buffer.size() >= kFrameHeaderBytes) {
            const int length = (quint8(buffer[0]) << 16) | (quint8(buffer[1]) << 8) | quint8(buffer[2]);
            if (buffer.size() < kFrameHeaderBytes + length)
                break;
            const quint8 type = quint8(buffer[3]), flags = quint8(buffer[4]);
            const quint32 stream = (quint32(quint8(buffer[5]) & 0x7f) << 24) | (quint8(buffer[6]) << 16) |
                                   (quint8(buffer[7]) << 8) | quint8(buffer[8]);
            buffer.remove(0, kFrameHeaderBytes + length);
            if (type == 4 && !(flags & 1))
                socket->write(frame(4, 1, 0, {})); // SETTINGS ACK
            if (type == 1) {
                socket->write(frame(1, 4, stream, QByteArray(1, char(0x88)))); // HEADERS, END_HEADERS
                socket->write(frame(0, 1, stream, "ok"));                      // DATA, END_STREAM
            }
        }
        socket->setProperty("buffer", buffer);
    }
};
} // namespace

class TestRestOptions : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;
    QTemporaryDir m_tlsDirectory;
    std::unique_ptr<OrderServer> m_tlsServer; // its gRPC port is HTTP/2 over TLS (ALPN h2)

    CallRecord call(const RestRequest &request) {
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        QSignalSpy failed(&caller, &RestCaller::callFailed);
        caller.send(request);
        if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, kWaitMs))
            return {};
        return finished.isEmpty() ? lastRecord(failed) : lastRecord(finished);
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
        ServerOptions options;
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        options.tls.enabled = true;
        options.tls.directory = m_tlsDirectory.path().toStdString();
        m_tlsServer = std::make_unique<OrderServer>(options);
        QVERIFY(m_tlsServer->start().ok());
    }
    void cleanupTestCase() {
        m_server.reset();
        m_tlsServer.reset();
    }

    // HTTP/2 over TLS is only asked for on https: over plain http the request stays HTTP/1.1.
    void versionReachesTheTransfer_data() {
        QTest::addColumn<HttpVersion>("version");
        QTest::addColumn<QString>("expected");
        QTest::addRow("auto") << HttpVersion::Auto << QStringLiteral("HTTP/1.1");
        QTest::addRow("1.1") << HttpVersion::Http1_1 << QStringLiteral("HTTP/1.1");
        QTest::addRow("2 over TLS, plain URL") << HttpVersion::Http2 << QStringLiteral("HTTP/1.1");
    }
    void versionReachesTheTransfer() {
        QFETCH(HttpVersion, version);
        QFETCH(QString, expected);
        RestRequest request;
        request.url = testing::httpBase(*m_server) + QStringLiteral("/healthz");
        request.httpVersion = version;
        request.fetchServerTrace = false;
        const auto record = call(request);
        QCOMPARE(record.httpStatus, 200);
        QCOMPARE(record.httpVersion, expected);
    }

    void priorKnowledgeSpeaksHttp2() {
        H2cResponder responder;
        QVERIFY(responder.listen(QHostAddress::LocalHost, 0));
        RestRequest request;
        request.url = QStringLiteral("http://127.0.0.1:%1/h2").arg(responder.serverPort());
        request.httpVersion = HttpVersion::Http2PriorKnowledge;
        request.fetchServerTrace = false;
        request.sendTraceparent = false;
        const auto record = call(request);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QVERIFY(responder.sawPreface);
        QCOMPARE(record.httpVersion, QStringLiteral("HTTP/2"));
        QCOMPARE(record.httpStatus, 200);
        QCOMPARE(record.body, QByteArray("ok"));
    }

    // A real HTTP/2 server: the gRPC port. A GET is answered in HTTP/2 with a gRPC error (not a gRPC method); a POST
    // of a gRPC frame to Health/Check gets the health answer's frame back.
    void http2ToTheGrpcPort_data() {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<HttpVersion>("version");
        QTest::addColumn<bool>("healthCheck");
        QTest::addRow("HTTP/2 over TLS, GET") << true << HttpVersion::Http2 << false;
        QTest::addRow("HTTP/2 over TLS, health check") << true << HttpVersion::Http2 << true;
        QTest::addRow("auto over TLS: curl offers h2 by ALPN") << true << HttpVersion::Auto << false;
        // Two h2c calls in a row: libcurl 7.88 fails a request reusing an h2c connection, so the engine opens a new
        // one.
        QTest::addRow("h2c prior knowledge, GET") << false << HttpVersion::Http2PriorKnowledge << false;
        QTest::addRow("h2c prior knowledge, health check") << false << HttpVersion::Http2PriorKnowledge << true;
    }
    void http2ToTheGrpcPort() {
        QFETCH(bool, tls);
        QFETCH(HttpVersion, version);
        QFETCH(bool, healthCheck);
        const OrderServer &server = tls ? *m_tlsServer : *m_server;
        RestRequest request;
        request.url = QStringLiteral("%1://127.0.0.1:%2/")
                          .arg(tls ? QStringLiteral("https") : QStringLiteral("http"))
                          .arg(server.grpcPort());
        if (tls)
            request.tls.caFile = QString::fromStdString(server.tlsCaFile());
        request.httpVersion = version;
        request.fetchServerTrace = false;
        request.sendTraceparent = false;
        if (healthCheck) {
            request.method = "POST";
            request.url += QStringLiteral("grpc.health.v1.Health/Check");
            request.headers = {{"TE", "trailers"}};
            request.bodyKind = BodyKind::Raw;
            request.contentType = "application/grpc";
            request.body = QByteArray(5, '\0'); // an empty HealthCheckRequest: not compressed, 0 bytes
        }
        const auto record = call(request);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QCOMPARE(record.httpVersion, QStringLiteral("HTTP/2"));
        QCOMPARE(record.httpStatus, 200);
        QCOMPARE(record.tls.secured, tls);
        QCOMPARE(record.header("content-type"), QByteArray("application/grpc"));
        if (healthCheck) // HealthCheckResponse{status: SERVING}: field 1, varint 1, in a 2-byte frame
            QCOMPARE(record.body, QByteArray("\x00\x00\x00\x00\x02\x08\x01", 7));
        else
            QCOMPARE(record.header("grpc-message"), QByteArray("Bad method header"));
    }

    void proxiesSeeTheRequest_data() {
        QTest::addColumn<testing::LoopbackProxy::Kind>("kind");
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<bool>("fromEnvironment");
        QTest::addColumn<QList<QByteArray>>("seen");
        const QByteArray absolute = "GET http://orders.example.test/v1/users/42 HTTP/1.1";
        QTest::addRow("http") << testing::LoopbackProxy::Kind::Http << QStringLiteral("http") << false
                              << QList<QByteArray>{absolute};
        QTest::addRow("http from http_proxy")
            << testing::LoopbackProxy::Kind::Http << QStringLiteral("http") << true << QList<QByteArray>{absolute};
        QTest::addRow("socks5h") << testing::LoopbackProxy::Kind::Socks5 << QStringLiteral("socks5h") << false
                                 << QList<QByteArray>{"orders.example.test:80", "GET /v1/users/42 HTTP/1.1"};
        QTest::addRow("socks5h from all_proxy")
            << testing::LoopbackProxy::Kind::Socks5 << QStringLiteral("socks5h") << true
            << QList<QByteArray>{"orders.example.test:80", "GET /v1/users/42 HTTP/1.1"};
    }
    void proxiesSeeTheRequest() {
        QFETCH(testing::LoopbackProxy::Kind, kind);
        QFETCH(QString, scheme);
        QFETCH(bool, fromEnvironment);
        QFETCH(QList<QByteArray>, seen);
        testing::LoopbackProxy proxy(kind);
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        const QString proxyUrl = QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(proxy.serverPort());
        RestRequest request;
        request.url = QStringLiteral("http://orders.example.test/v1/users/42");
        request.fetchServerTrace = false;
        request.sendTraceparent = false;
        const char *variable = kind == testing::LoopbackProxy::Kind::Http ? "http_proxy" : "all_proxy";
        if (fromEnvironment)
            qputenv(variable, proxyUrl.toUtf8());
        else
            request.proxy = proxyUrl;
        const auto record = call(request);
        qunsetenv(variable);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QCOMPARE(record.body, QByteArray("via proxy"));
        QCOMPARE(proxy.seen, seen);

        // Loopback never goes through a proxy: the embedded server answers itself.
        request.url = testing::httpBase(*m_server) + QStringLiteral("/healthz");
        request.proxy = proxyUrl;
        QCOMPARE(call(request).httpStatus, 200);
        QCOMPARE(proxy.seen, seen);
    }

    void directIgnoresTheEnvironment() {
        testing::LoopbackProxy proxy(testing::LoopbackProxy::Kind::Http);
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        qputenv("http_proxy", QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort()).toUtf8());
        RestRequest request;
        request.url = QStringLiteral("http://192.0.2.1/"); // TEST-NET-1: never answers
        request.proxy = QStringLiteral("direct");
        request.connectTimeoutMs = 300;
        request.fetchServerTrace = false;
        const auto record = call(request);
        qunsetenv("http_proxy");
        QVERIFY(!record.transportOk());
        QVERIFY(proxy.seen.isEmpty());
    }

    void badProxyIsRefused() {
        RestRequest request;
        request.url = testing::httpBase(*m_server) + QStringLiteral("/healthz");
        request.proxy = QStringLiteral("ftp://proxy:21");
        const auto record = call(request);
        QCOMPARE(toString(record.error.kind), toString(ErrorKind::InvalidRequest));
        QVERIFY(record.error.message.contains(QStringLiteral("ftp://proxy:21")));
    }

    void systemNoProxyJoinsLoopback() {
        qputenv("no_proxy", "corp.example, .internal");
        QCOMPARE(noProxyHosts(), QByteArray("localhost,127.0.0.0/8,::1,corp.example, .internal"));
        qunsetenv("no_proxy");
        QCOMPARE(noProxyHosts(), QByteArray("localhost,127.0.0.0/8,::1"));
    }
};

QTEST_GUILESS_MAIN(TestRestOptions)
#include "test_restoptions.moc"
