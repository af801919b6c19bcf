// The sentences a TLS failure becomes, from the words libcurl, gRPC and Qt use.
#include "app/client/tlserrors.h"

#include <QTest>

using namespace triptych::client;

Q_DECLARE_METATYPE(triptych::client::TlsFailure)

class TestTlsErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classifiesTransportWords_data() {
        QTest::addColumn<QString>("detail");
        QTest::addColumn<TlsFailure>("failure");
        QTest::addColumn<QString>("words");
        QTest::newRow("curl unknown issuer") << "SSL certificate problem: unable to get local issuer certificate"
                                             << TlsFailure::UnknownIssuer << "does not trust";
        QTest::newRow("curl self-signed in chain")
            << "SSL certificate problem: self-signed certificate in certificate chain" << TlsFailure::UnknownIssuer
            << "CA file";
        QTest::newRow("curl expired") << "SSL certificate problem: certificate has expired" << TlsFailure::Expired
                                      << "has expired";
        QTest::newRow("curl wrong host")
            << "SSL: no alternative certificate subject name matches target host name 'example.org'"
            << TlsFailure::WrongHost << "not for that host name";
        QTest::newRow("curl client certificate required")
            << "OpenSSL SSL_read: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0"
            << TlsFailure::ClientCertificateRequired << "requires a client certificate";
        QTest::newRow("curl plain server")
            << "error:0A00010B:SSL routines::wrong version number" << TlsFailure::NotTls << "does not speak TLS";
        QTest::newRow("gRPC verify failed")
            << "failed to connect to all addresses; last error: UNKNOWN: ipv4:127.0.0.1:5: Ssl handshake failed: "
               "SSL_ERROR_SSL: error:0A000086:SSL routines::certificate verify failed"
            << TlsFailure::VerifyFailed << "could not be verified";
        QTest::newRow("gRPC wrong host") << "Peer name example.org is not in peer certificate" << TlsFailure::WrongHost
                                         << "not for that host name";
        QTest::newRow("Qt wrong host") << "The host name did not match any of the valid hosts for this certificate"
                                       << TlsFailure::WrongHost << "TLS server name";
        QTest::newRow("something else") << "SSL_ERROR_SYSCALL" << TlsFailure::Unknown << "TLS handshake with";
    }
    void classifiesTransportWords() {
        QFETCH(QString, detail);
        QFETCH(TlsFailure, failure);
        QFETCH(QString, words);
        QCOMPARE(classifyTlsText(detail), failure);
        const CallError error = describeTlsFailure(failure, QStringLiteral("127.0.0.1:8443"), detail);
        QVERIFY(error.kind == ErrorKind::Tls);
        QVERIFY2(error.text().contains(words), qPrintable(error.text()));
        QVERIFY(error.message.contains(QStringLiteral("127.0.0.1:8443")));
        QVERIFY(!error.hint.isEmpty());
    }

    void classifiesQtErrors_data() {
        QTest::addColumn<int>("error");
        QTest::addColumn<TlsFailure>("failure");
        QTest::newRow("expired") << int(QSslError::CertificateExpired) << TlsFailure::Expired;
        QTest::newRow("host") << int(QSslError::HostNameMismatch) << TlsFailure::WrongHost;
        QTest::newRow("self-signed") << int(QSslError::SelfSignedCertificate) << TlsFailure::UnknownIssuer;
        QTest::newRow("issuer") << int(QSslError::UnableToGetLocalIssuerCertificate) << TlsFailure::UnknownIssuer;
        QTest::newRow("revoked") << int(QSslError::CertificateRevoked) << TlsFailure::Unknown;
    }
    void classifiesQtErrors() {
        QFETCH(int, error);
        QFETCH(TlsFailure, failure);
        QCOMPARE(classifySslErrors({QSslError(QSslError::SslError(error))}), failure);
    }

    void textNotAboutTlsIsLeftAlone() {
        QVERIFY(!tlsErrorFromText(QStringLiteral("h:1"), QStringLiteral("Connection refused")));
        QVERIFY(tlsErrorFromText(QStringLiteral("h:1"), QStringLiteral("Ssl handshake failed: SSL_ERROR_SSL")));
    }
};

QTEST_GUILESS_MAIN(TestTlsErrors)
#include "test_tlserrors.moc"
