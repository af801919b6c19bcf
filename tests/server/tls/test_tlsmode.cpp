// The server's TLS mode (OrderServer with --tls): HTTPS on the HTTP port, terminated by the HTTP server itself, gRPC
// over TLS, client certificates required with a client CA; no port beyond the two configured ones, and the rate
// limiter and the trace see each client's own address.
#include "server/host/orderserver.h"
#include "server/tracing/tracecontext.h"
#include "server/tracing/tracer.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <QDir>
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
    QHostAddress from = {}; // the local address to connect from; null: any
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
    if (!client.from.isNull() && !socket.bind(client.from))
        return "error: cannot bind " + client.from.toString().toUtf8();
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

// The TCP ports this process listens on (Linux: its socket inodes matched against /proc/net/tcp and tcp6).
QSet<quint16> listeningPorts() {
    QSet<QByteArray> inodes;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &name : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(name));
        if (target.contains(QLatin1String("socket:[")))
            inodes.insert(target.section('[', 1).chopped(1).toUtf8());
    }
    QSet<quint16> ports;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        const QList<QByteArray> lines = readFile(table).split('\n');
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            constexpr int kLocal = 1, kState = 3, kInode = 9;
            if (fields.size() <= kInode || fields.at(kState) != "0A" || !inodes.contains(fields.at(kInode)))
                continue; // 0A: LISTEN
            ports.insert(fields.at(kLocal).split(':').last().toUShort(nullptr, 16));
        }
    }
    return ports;
}

// The client.address attribute of the root span of the trace named by an answer's traceresponse header.
QString traceClientAddress(const OrderServer &server, const QByteArray &answer) {
    const qsizetype at = answer.indexOf("traceresponse: 00-");
    if (at < 0)
        return QStringLiteral("no traceresponse");
    const auto traceId = tracing::parseTraceId(answer.mid(at + 18, 32).toStdString());
    if (!traceId)
        return QStringLiteral("bad traceresponse");
    for (const auto &span : server.tracer()->store().trace(*traceId)) {
        const auto *value = span.attribute("client.address");
        if (value && std::holds_alternative<std::string>(*value))
            return QString::fromStdString(std::get<std::string>(*value));
    }
    return QStringLiteral("no client.address");
}

} // namespace

class TestTlsMode : public QObject {
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

    void listensOnItsConfiguredPortsOnly() {
        QTemporaryDir directory;
        OrderServer server(tlsOptions(directory, false));
        QVERIFY(server.start().ok());
        // A TLS relay in front of a plain HTTP server listened on a private loopback port beside these, open to anyone.
        QCOMPARE(listeningPorts(), (QSet<quint16>{server.httpPort(), server.grpcPort()}));
    }

    void rateLimiterAndTraceSeeEachClientsAddress() {
        QTemporaryDir directory;
        ServerOptions options = tlsOptions(directory, false);
        options.rateLimitPerSecond = 2;
        OrderServer server(options);
        QVERIFY(server.start().ok());
        const QHostAddress other(QStringLiteral("127.0.0.2"));
        const QByteArray first = httpsGet(server, "/v1/users/42", {true, false, other});
        QVERIFY2(first.startsWith("HTTP/1.1 200 OK\r\n"), first.constData());
        QCOMPARE(traceClientAddress(server, first), QStringLiteral("127.0.0.2"));
        QByteArray limited;
        for (int i = 0; i < 4 && !limited.startsWith("HTTP/1.1 429 "); ++i)
            limited = httpsGet(server, "/v1/users/42", {true, false, other});
        QVERIFY2(limited.startsWith("HTTP/1.1 429 "), limited.constData());
        // Another client has its own allowance: through a relay both were 127.0.0.1 and shared one.
        const QByteArray elsewhere = httpsGet(server, "/v1/users/42", {true, false, QHostAddress::LocalHost});
        QVERIFY2(elsewhere.startsWith("HTTP/1.1 200 OK\r\n"), elsewhere.constData());
        QCOMPARE(traceClientAddress(server, elsewhere), QStringLiteral("127.0.0.1"));
    }

    void plainHttpStaysTheDefault() {
        ServerOptions options;
        QVERIFY(!options.tls.enabled);
    }
};

QTEST_GUILESS_MAIN(TestTlsMode)
#include "test_tlsmode.moc"
