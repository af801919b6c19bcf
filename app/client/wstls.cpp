#include "app/client/wstls.h"

#include <QFile>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QWebSocket>

namespace triptych::client {

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString protocolName(QSsl::SslProtocol protocol) {
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        return {};
    }
}

} // namespace

void applyWebSocketTls(QWebSocket *socket, const TlsSettings &tls, CallRecord &record) {
    if (!record.url.startsWith(QLatin1String("wss://"), Qt::CaseInsensitive))
        return;
    record.tls.secured = true;
    record.tls.verified = !tls.skipVerification;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!tls.caFile.isEmpty())
        configuration.setCaCertificates(QSslCertificate::fromData(readFile(tls.caFile), QSsl::Pem));
    if (!tls.clientCertificate.isEmpty()) {
        configuration.setLocalCertificate(QSslCertificate(readFile(tls.clientCertificate), QSsl::Pem));
        const QByteArray key = readFile(tls.clientKey);
        QSslKey privateKey(key, QSsl::Ec);
        configuration.setPrivateKey(privateKey.isNull() ? QSslKey(key, QSsl::Rsa) : privateKey);
    }
    if (tls.skipVerification) {
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        record.warnings.append(QStringLiteral("TLS certificate verification is off: anyone on the path could read "
                                              "and change this call"));
    }
    socket->setSslConfiguration(configuration);
}

void collectWebSocketTls(const QWebSocket *socket, CallRecord &record) {
    if (!record.tls.secured)
        return;
    const QSslConfiguration configuration = socket->sslConfiguration();
    record.tls.protocol = protocolName(configuration.sessionProtocol());
    record.tls.cipher = configuration.sessionCipher().name();
    QByteArray pem;
    for (const QSslCertificate &certificate : configuration.peerCertificateChain())
        pem += certificate.toPem();
    record.tls.chain = certificatesFromPem(pem);
}

} // namespace triptych::client
