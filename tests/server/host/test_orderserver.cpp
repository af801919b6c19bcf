// The embedded server as the app and triptych-server use it: start on free ports, answer, refuse busy ports, stop.
#include "server/host/orderserver.h"
#include "tests/support/rawhttpconnection.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QtTest>

#include <grpcpp/grpcpp.h>

using namespace triptych;

namespace {

ServerOptions freePorts() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    return options;
}

QString healthOf(std::uint16_t port, const std::string &service) {
    auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
    auto stub = grpc::health::v1::Health::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    const auto status = stub->Check(&context, request, &response);
    if (!status.ok())
        return QStringLiteral("error %1").arg(int(status.error_code()));
    return QString::fromStdString(grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status()));
}

} // namespace

class TestOrderServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsOnFreePortsAndAnswers() {
        OrderServer server(freePorts());
        QVERIFY(server.start().ok());
        QVERIFY(server.isRunning());
        QVERIFY(server.httpPort() != 0);
        QVERIFY(server.grpcPort() != 0);
        QVERIFY(QString::fromStdString(server.readyLine())
                    .startsWith(QStringLiteral("triptych-server ready: http=127.0.0.1:%1 grpc=127.0.0.1:%2")
                                    .arg(server.httpPort())
                                    .arg(server.grpcPort())));
        auto health = testing::rawGet(server.httpPort(), "/healthz");
        QVERIFY(health);
        QCOMPARE(health->status, 200);
        QCOMPARE(health->body, QByteArray(R"({"status":"ok"})"));
        QCOMPARE(healthOf(server.grpcPort(), ""), QStringLiteral("SERVING"));
    }

    void busyPortsAreClearErrors_data() {
        QTest::addColumn<bool>("busyHttp");
        QTest::addColumn<QString>("words");
        QTest::newRow("HTTP port in use") << true << "--http-port";
        QTest::newRow("gRPC port in use") << false << "--grpc-port";
    }
    void busyPortsAreClearErrors() {
        QFETCH(bool, busyHttp);
        QFETCH(QString, words);
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        ServerOptions options = freePorts();
        (busyHttp ? options.httpPort : options.grpcPort) = squatter.serverPort();
        OrderServer server(options);
        const auto started = server.start();
        QVERIFY(!started.ok());
        const QString message = QString::fromStdString(started.error().message);
        QVERIFY2(message.contains(words), qPrintable(message));
        QVERIFY2(message.contains(QString::number(squatter.serverPort())), qPrintable(message));
        QCOMPARE(QString::fromStdString(started.error().reason), QStringLiteral("ADDRESS_IN_USE"));
        QVERIFY(!server.isRunning());
    }

    void debugNeedsCredentialsOffLoopback_data() {
        QTest::addColumn<QString>("bind");
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::newRow("loopback: open") << "127.0.0.1" << QByteArray() << 200;
        QTest::newRow("any address: refused") << "0.0.0.0" << QByteArray() << 401;
        QTest::newRow("any address: bearer token")
            << "0.0.0.0" << QByteArray("Authorization: Bearer demo-token\r\n") << 200;
        QTest::newRow("any address: API key") << "0.0.0.0" << QByteArray("X-API-Key: demo-key\r\n") << 200;
        QTest::newRow("any address: wrong token") << "0.0.0.0" << QByteArray("Authorization: Bearer nope\r\n") << 401;
    }
    void debugNeedsCredentialsOffLoopback() {
        QFETCH(QString, bind);
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        ServerOptions options = freePorts();
        options.bindAddress = bind.toStdString();
        OrderServer server(options);
        QVERIFY(server.start().ok());
        auto dataset = testing::rawGet(server.httpPort(), "/debug/dataset", headers);
        QVERIFY(dataset);
        QCOMPARE(dataset->status, status);
        if (status == 401)
            QVERIFY(dataset->header("www-authenticate").startsWith("Bearer"));
        auto health = testing::rawGet(server.httpPort(), "/healthz"); // the rest of the API is as open as before
        QVERIFY(health);
        QCOMPARE(health->status, 200);
    }

    void stopsCleanlyAndQuickly() {
        auto server = std::make_unique<OrderServer>(freePorts());
        QVERIFY(server->start().ok());
        testing::RawHttpConnection kept;
        QVERIFY(kept.connectTo(server->httpPort()));
        kept.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(kept.readResponse());
        QElapsedTimer timer;
        timer.start();
        server->stop();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!server->isRunning());
        QVERIFY(kept.waitForClose(1000));
        server->stop(); // idempotent
    }

    void restartsOnTheSamePorts() {
        OrderServer first(freePorts());
        QVERIFY(first.start().ok());
        ServerOptions again = freePorts();
        again.httpPort = first.httpPort();
        again.grpcPort = first.grpcPort();
        first.stop();
        OrderServer second(again);
        QVERIFY(second.start().ok());
        QCOMPARE(second.httpPort(), again.httpPort);
    }
};

QTEST_GUILESS_MAIN(TestOrderServer)
#include "test_orderserver.moc"
