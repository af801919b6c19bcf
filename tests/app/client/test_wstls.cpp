// wss:// TLS settings (wstls.h): a certificate matched against a name by its SANs, and the server name override that
// Qt's WebSocket lacks, honestly: the connection goes to the URL's host and Qt's host name mismatch is accepted only
// when it is the only complaint and the leaf lists the server name. Against the embedded server in TLS mode bound to
// 127.0.0.2, an address its certificate does not name, for the raw WebSocket and GraphQL over wss alike.
#include "app/client/graphqlwscaller.h"
#include "app/client/websocketcaller.h"
#include "app/client/wstls.h"
#include "server/host/orderserver.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using namespace triptych::client;

namespace {

constexpr int kWaitMs = 15'000;

// Self-signed, CN cn.example.test; SANs DNS:api.example.test, DNS:*.wild.example.test, DNS:Mixed.Example.Test,
// IP:10.1.2.3, IP:fd00::1.
constexpr char kCertificatePem[] = "-----BEGIN CERTIFICATE-----\n"
                                   "MIIB7DCCAZGgAwIBAgIUaM/QYuyC4yTvc4DyfSB+NhxoBoQwCgYIKoZIzj0EAwIw\n"
                                   "GjEYMBYGA1UEAwwPY24uZXhhbXBsZS50ZXN0MCAXDTI2MTIwNzIyMzEzNFoYDzIx\n"
                                   "MjYxMTEzMjIzMTM0WjAaMRgwFgYDVQQDDA9jbi5leGFtcGxlLnRlc3QwWTATBgcq\n"
                                   "hkjOPQIBBggqhkjOPQMBBwNCAASWrfFcd9nxl/QvOGO7oj/xJClKgRHNIsREqtil\n"
                                   "WmGKBTHXAtZUNC7PB+o8tzaDkvonEDNpXvWDXxolu2yCMPW9o4GyMIGvMB0GA1Ud\n"
                                   "DgQWBBSnXQ0vBC3qjffM+907GBhULpKTHDAfBgNVHSMEGDAWgBSnXQ0vBC3qjffM\n"
                                   "+907GBhULpKTHDAPBgNVHRMBAf8EBTADAQH/MFwGA1UdEQRVMFOCEGFwaS5leGFt\n"
                                   "cGxlLnRlc3SCEyoud2lsZC5leGFtcGxlLnRlc3SCEk1peGVkLkV4YW1wbGUuVGVz\n"
                                   "dIcECgECA4cQ/QAAAAAAAAAAAAAAAAAAATAKBggqhkjOPQQDAgNJADBGAiEA4n2F\n"
                                   "0kJrFDI5OwIyi79PLuLzC3Bnvwvap5mphB+2vUUCIQDTGEmb14I7GDnlbBXN2v/5\n"
                                   "RQUUnrNdy0HcvtB89XKt+Q==\n"
                                   "-----END CERTIFICATE-----\n";

enum class Style { Raw, GraphQL };

QSslCertificate fixture() {
    return QSslCertificate(QByteArray(kCertificatePem), QSsl::Pem);
}

} // namespace

Q_DECLARE_METATYPE(Style)

class TestWsTls : public QObject {
    Q_OBJECT
    QTemporaryDir m_directory;
    std::unique_ptr<OrderServer> m_server; // TLS, on 127.0.0.2: its certificate names localhost and 127.0.0.1

    CallRecord openRaw(const TlsSettings &tls) {
        WebSocketCaller caller;
        QSignalSpy opened(&caller, &WebSocketCaller::opened);
        QSignalSpy finished(&caller, &WebSocketCaller::callFinished), failed(&caller, &WebSocketCaller::callFailed);
        WebSocketRequest request;
        request.url = QStringLiteral("wss://127.0.0.2:%1/graphql").arg(m_server->httpPort());
        request.subprotocols = {QStringLiteral("graphql-transport-ws")};
        request.tls = tls;
        const quint64 id = caller.open(request);
        if (!QTest::qWaitFor([&] { return opened.count() + failed.count() > 0; }, kWaitMs))
            return {};
        if (failed.count())
            return failed.first().at(0).value<CallRecord>();
        const auto shown = opened.first().at(2).value<TlsInfo>();
        if (shown.chain.isEmpty()) // the chain is there as soon as the socket is open, not only at its end
            return {};
        caller.close(id);
        if (!QTest::qWaitFor([&] { return finished.count() > 0; }, kWaitMs))
            return {};
        return finished.first().at(0).value<CallRecord>();
    }

    CallRecord queryOverWss(const TlsSettings &tls) {
        GraphQLWsCaller caller;
        QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished), failed(&caller, &GraphQLWsCaller::callFailed);
        GraphQLWsRequest request;
        request.url = QStringLiteral("wss://127.0.0.2:%1/graphql").arg(m_server->httpPort());
        request.query = QStringLiteral("{ user(id: 42) { name } }");
        request.tls = tls;
        caller.send(request);
        if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, kWaitMs))
            return {};
        return (finished.count() ? finished : failed).first().at(0).value<CallRecord>();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(!fixture().isNull());
        ServerOptions options;
        options.bindAddress = "127.0.0.2";
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        options.tls.enabled = true;
        options.tls.directory = m_directory.path().toStdString();
        m_server = std::make_unique<OrderServer>(options);
        QVERIFY(m_server->start().ok());
    }
    void cleanupTestCase() { m_server.reset(); }

    void certificateMatchesByItsAlternativeNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::addRow("DNS name") << QStringLiteral("api.example.test") << true;
        QTest::addRow("DNS name, other case") << QStringLiteral("API.Example.TEST") << true;
        QTest::addRow("DNS name written with capitals in the certificate")
            << QStringLiteral("mixed.example.test") << true;
        QTest::addRow("DNS name with the root's dot") << QStringLiteral("api.example.test.") << true;
        QTest::addRow("another name") << QStringLiteral("web.example.test") << false;
        QTest::addRow("a longer name ending the same") << QStringLiteral("xapi.example.test") << false;
        QTest::addRow("wildcard, one label") << QStringLiteral("a.wild.example.test") << true;
        QTest::addRow("wildcard, not two labels") << QStringLiteral("a.b.wild.example.test") << false;
        QTest::addRow("wildcard, not the bare domain") << QStringLiteral("wild.example.test") << false;
        QTest::addRow("common name is not looked at") << QStringLiteral("cn.example.test") << false;
        QTest::addRow("IPv4 address") << QStringLiteral("10.1.2.3") << true;
        QTest::addRow("other IPv4 address") << QStringLiteral("10.1.2.4") << false;
        QTest::addRow("IPv6 address, short form") << QStringLiteral("fd00::1") << true;
        QTest::addRow("IPv6 address, long form") << QStringLiteral("fd00:0:0:0:0:0:0:1") << true;
        QTest::addRow("empty") << QString() << false;
    }
    void certificateMatchesByItsAlternativeNames() {
        QFETCH(QString, name);
        QTEST(certificateMatchesName(fixture(), name), "matches");
    }

    void overrideAcceptsOnlyAHostNameMismatch_data() {
        QTest::addColumn<QList<int>>("errors");
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<bool>("accepted");
        const int mismatch = QSslError::HostNameMismatch;
        QTest::addRow("mismatch, name listed") << QList<int>{mismatch} << QStringLiteral("api.example.test") << true;
        QTest::addRow("mismatch, name not listed") << QList<int>{mismatch} << QStringLiteral("other.test") << false;
        QTest::addRow("mismatch, no server name") << QList<int>{mismatch} << QString() << false;
        QTest::addRow("mismatch and an untrusted issuer") << QList<int>{mismatch, int(QSslError::SelfSignedCertificate)}
                                                          << QStringLiteral("api.example.test") << false;
        QTest::addRow("expired") << QList<int>{int(QSslError::CertificateExpired)} << QStringLiteral("api.example.test")
                                 << false;
        QTest::addRow("no errors") << QList<int>{} << QStringLiteral("api.example.test") << false;
    }
    void overrideAcceptsOnlyAHostNameMismatch() {
        QFETCH(QList<int>, errors);
        QFETCH(QString, serverName);
        QList<QSslError> list;
        for (int error : errors)
            list.append(QSslError(QSslError::SslError(error), fixture()));
        QTEST(acceptsServerName(list, serverName), "accepted");
    }

    void serverNameOverWss_data() {
        QTest::addColumn<Style>("style");
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("words"); // empty: the call succeeds
        for (const auto &[styleName, style] : {std::pair{"raw", Style::Raw}, {"GraphQL", Style::GraphQL}}) {
            QTest::addRow("%s, no server name: 127.0.0.2 is not in the certificate", styleName)
                << style << QString() << true << QStringLiteral("host name");
            QTest::addRow("%s, server name the certificate lists", styleName)
                << style << QStringLiteral("localhost") << true << QString();
            QTest::addRow("%s, server name it does not list", styleName)
                << style << QStringLiteral("api.example.test") << true << QStringLiteral("host name");
            QTest::addRow("%s, listed server name, CA not trusted", styleName)
                << style << QStringLiteral("localhost") << false << QStringLiteral("CA");
        }
    }
    void serverNameOverWss() {
        QFETCH(Style, style);
        QFETCH(QString, serverName);
        QFETCH(bool, trustCa);
        QFETCH(QString, words);
        TlsSettings tls;
        tls.serverName = serverName;
        if (trustCa)
            tls.caFile = QString::fromStdString(m_server->tlsCaFile());
        const CallRecord record = style == Style::Raw ? openRaw(tls) : queryOverWss(tls);
        QVERIFY2(record.id != 0, "no record within the wait (or an open socket without its chain)");
        if (!words.isEmpty()) {
            QVERIFY2(record.error.kind == ErrorKind::Tls, qPrintable(record.error.text()));
            QVERIFY2(record.error.message.contains(words) || record.error.hint.contains(words),
                     qPrintable(record.error.text()));
            return;
        }
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QVERIFY(record.tls.secured && record.tls.verified);
        QVERIFY(record.warnings.isEmpty());
        QVERIFY2(record.tls.note.contains(serverName), qPrintable(record.tls.note));
        QVERIFY(!record.tls.chain.isEmpty());
        QCOMPARE(record.tls.chain.first().subject, QStringLiteral("localhost"));
        QVERIFY(record.remoteAddress.startsWith(QStringLiteral("127.0.0.2"))); // connected to the URL's host
    }
};

QTEST_GUILESS_MAIN(TestWsTls)
#include "test_wstls.moc"
