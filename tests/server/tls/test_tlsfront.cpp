// The server's TLS mode (OrderServer with --tls): HTTPS on the HTTP port through the TLS front, gRPC over TLS, and
// client certificates required with a client CA.
#include "server/host/orderserver.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <grpcpp/grpcpp.h>

using namespace triptych;

namespace {

constexpr int kWaitMs = 10'000;

QByteArray readFile(const std::string &path) {
    QFile file(QString::fromStdString(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Client {
    bool trustCa = true;
    bool presentCertificate = false;
};

// GET path over HTTPS; the whole answer, or what went wrong prefixed with "error: ".
QByteArray httpsGet(const OrderServer &server, const QByteArray &path, Client client) {
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (client.trustCa)
        configuration.setCaCertificates(QSslCertificate::fromData(readFile(server.tlsCaFile())));
    if (client.presentCertificate) {
        configuration.setLocalCertificate(QSslCertificate(readFile(server.tlsClientCertificateFile())));
        configuration.setPrivateKey(QSslKey(readFile(server.tlsClientKeyFile()), QSsl::Ec));
    }
    socket.setSslConfiguration(configuration);
    socket.connectToHostEncrypted(QStringLiteral("localhost"), server.httpPort());
    if (!socket.waitForEncrypted(kWaitMs))
        return "error: " + socket.errorString().toUtf8();
    socket.write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(kWaitMs))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer.isEmpty() ? "error: " + socket.errorString().toUtf8() : answer;
}

// The gRPC health check over TLS; "SERVING" or the status code's number and message.
QString grpcHealth(const OrderServer &server, Client client) {
    grpc::SslCredentialsOptions options;
    if (client.trustCa)
        options.pem_root_certs = readFile(server.tlsCaFile()).toStdString();
    if (client.presentCertificate) {
        options.pem_cert_chain = readFile(server.tlsClientCertificateFile()).toStdString();
        options.pem_private_key = readFile(server.tlsClientKeyFile()).toStdString();
    }
    auto channel = grpc::CreateChannel("localhost:" + std::to_string(server.grpcPort()), grpc::SslCredentials(options));
    auto stub = grpc::health::v1::Health::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    grpc::health::v1::HealthCheckResponse response;
    const auto status = stub->Check(&context, {}, &response);
    if (!status.ok())
        return QStringLiteral("%1 %2")
            .arg(int(status.error_code()))
            .arg(QString::fromStdString(status.error_message()));
    return QString::fromStdString(grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status()));
}

ServerOptions tlsOptions(const QTemporaryDir &directory, bool requireClientCertificate) {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    options.tls.enabled = true;
    options.tls.directory = directory.path().toStdString();
    if (requireClientCertificate)
        options.tls.clientCaFile = tls::kGeneratedClientCa;
    return options;
}

} // namespace

class TestTlsFront : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void httpsAndGrpcAnswerClientsThatTrustTheCa_data() {
        QTest::addColumn<bool>("trustCa");
        QTest::newRow("with the CA") << true;
        QTest::newRow("without the CA") << false;
    }
    void httpsAndGrpcAnswerClientsThatTrustTheCa() {
        QFETCH(bool, trustCa);
        QTemporaryDir directory;
        OrderServer server(tlsOptions(directory, false));
        QVERIFY(server.start().ok());
        QVERIFY(QString::fromStdString(server.readyLine()).endsWith(" tls-ca=" + directory.filePath("ca.pem")));
        const QByteArray answer = httpsGet(server, "/v1/users/42", {trustCa, false});
        const QString health = grpcHealth(server, {trustCa, false});
        if (trustCa) {
            QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
            QVERIFY(answer.contains("\"id\""));
            QCOMPARE(health, QStringLiteral("SERVING"));
        } else {
            QVERIFY2(answer.startsWith("error: ") && answer.contains("self-signed"), answer.constData());
            QVERIFY2(health.startsWith("14 "), qPrintable(health)); // UNAVAILABLE: the handshake failed
        }
    }

    void aClientCaRequiresAClientCertificate_data() {
        QTest::addColumn<bool>("presentCertificate");
        QTest::newRow("without a client certificate") << false;
        QTest::newRow("with the generated client certificate") << true;
    }
    void aClientCaRequiresAClientCertificate() {
        QFETCH(bool, presentCertificate);
        QTemporaryDir directory;
        OrderServer server(tlsOptions(directory, true));
        QVERIFY(server.start().ok());
        const QByteArray answer = httpsGet(server, "/healthz", {true, presentCertificate});
        const QString health = grpcHealth(server, {true, presentCertificate});
        if (presentCertificate) {
            QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
            QCOMPARE(health, QStringLiteral("SERVING"));
        } else {
            QVERIFY2(answer.startsWith("error: "), answer.constData());
            QVERIFY2(health.startsWith("14 "), qPrintable(health));
        }
    }

    void theGatewayStillReachesGrpcOverLoopback() {
        QTemporaryDir directory;
        ServerOptions options = tlsOptions(directory, true);
        options.gateway = true;
        OrderServer server(options);
        QVERIFY(server.start().ok());
        const QByteArray answer = httpsGet(server, "/graphql?query=%7Buser(id%3A%2242%22)%7Bid%7D%7D", {true, true});
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY2(answer.contains(R"("user":{"id":"42"})"), answer.constData());
    }

    void plainHttpStaysTheDefault() {
        ServerOptions options;
        QVERIFY(!options.tls.enabled);
    }
};

QTEST_GUILESS_MAIN(TestTlsFront)
#include "test_tlsfront.moc"
