// The certificates `triptych-server --tls` generates: a CA, a server leaf for the loopback names, a client leaf.
#include "server/tls/tlsmaterial.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QtTest>

using namespace triptych;

namespace {

QSslCertificate first(const std::string &pem) {
    const auto certificates = QSslCertificate::fromData(QByteArray::fromStdString(pem), QSsl::Pem);
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

} // namespace

class TestTlsMaterial : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void serverLeafNamesTheLoopbackAndIsIssuedByTheCa() {
        const auto material = tls::generateTlsMaterial();
        QVERIFY(material.ok());
        const QSslCertificate ca = first(material->caPem);
        const QSslCertificate leaf = first(material->server.certificatePem);
        QVERIFY(!ca.isNull() && !leaf.isNull());
        QCOMPARE(leaf.subjectInfo(QSslCertificate::CommonName), QStringList{"localhost"});
        QCOMPARE(leaf.issuerDisplayName(), ca.subjectDisplayName());
        const auto names = leaf.subjectAlternativeNames();
        QCOMPARE(names.values(QSsl::DnsEntry), QStringList{"localhost"});
        QVERIFY(names.values(QSsl::IpAddressEntry).contains("127.0.0.1"));
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QHostAddress(QHostAddress::LocalHostIPv6).toString()));
        QVERIFY(leaf.effectiveDate() <= QDateTime::currentDateTimeUtc());
        QVERIFY(leaf.expiryDate() > QDateTime::currentDateTimeUtc().addDays(300));
        // The chain sent to clients is the leaf, then the CA.
        QCOMPARE(QSslCertificate::fromData(QByteArray::fromStdString(material->server.certificatePem)).size(), 2);
        QVERIFY(!QSslKey(QByteArray::fromStdString(material->server.keyPem), QSsl::Ec).isNull());
    }

    void eachRunHasItsOwnCa() {
        const auto one = tls::generateTlsMaterial();
        const auto two = tls::generateTlsMaterial();
        QVERIFY(one.ok() && two.ok());
        QVERIFY(one->caPem != two->caPem);
        QCOMPARE(first(one->client.certificatePem).issuerDisplayName(), first(one->caPem).subjectDisplayName());
    }

    void generatedFilesArePrivate() {
        QTemporaryDir directory;
        tls::TlsOptions options;
        options.enabled = true;
        options.directory = directory.path().toStdString();
        const auto material = tls::prepareTlsMaterial(options);
        QVERIFY(material.ok());
        QCOMPARE(QString::fromStdString(material->caFile), directory.filePath("ca.pem"));
        QFile key(QString::fromStdString(material->clientKeyFile));
        QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QVERIFY(QFile::exists(QString::fromStdString(material->clientCertificateFile)));
        QVERIFY(material->clientCaPem.empty());
    }

    void badFilesAreClearErrors_data() {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("clientCa");
        QTest::addColumn<QString>("words");
        QTest::newRow("certificate without key") << "ca.pem"
                                                 << ""
                                                 << ""
                                                 << "--tls-cert and --tls-key go together";
        QTest::newRow("missing file") << "ca.pem"
                                      << "nothing.pem"
                                      << ""
                                      << "--tls-key cannot read";
        QTest::newRow("not PEM") << "ca.pem"
                                 << "notpem.txt"
                                 << ""
                                 << "--tls-key needs a PEM file";
        QTest::newRow("generated client CA with own certificate") << "ca.pem"
                                                                  << "ca.pem"
                                                                  << "generated"
                                                                  << "--tls-client-ca generated needs";
    }
    void badFilesAreClearErrors() {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, clientCa);
        QFETCH(QString, words);
        QTemporaryDir directory;
        tls::TlsOptions generated;
        generated.directory = directory.path().toStdString();
        QVERIFY(tls::prepareTlsMaterial(generated).ok());
        QFile text(directory.filePath("notpem.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("hello\n");
        text.close();
        auto path = [&](const QString &name) {
            return name.isEmpty() ? std::string() : directory.filePath(name).toStdString();
        };
        tls::TlsOptions options;
        options.enabled = true;
        options.certificateFile = path(certificate);
        options.keyFile = path(key);
        options.clientCaFile = clientCa.toStdString();
        const auto material = tls::prepareTlsMaterial(options);
        QVERIFY(!material.ok());
        QVERIFY2(QString::fromStdString(material.error().message).contains(words), material.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTlsMaterial)
#include "test_tlsmaterial.moc"
