#include "app/client/wstls.h"

#include "app/client/tlserrors.h"

#include <QFile>
#include <QHostAddress>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>
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

QString withoutTrailingDot(QString name) {
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name.toLower();
}

// One DNS name of a certificate against a host name: equal, or a wildcard standing for exactly the first label.
bool dnsNameMatches(const QString &pattern, const QString &host) {
    const QString wanted = withoutTrailingDot(pattern);
    if (!wanted.startsWith(QLatin1String("*.")))
        return wanted == host;
    const qsizetype firstDot = host.indexOf(QLatin1Char('.'));
    // "*.example.com" stands for one label, never for "example.com" itself or a name with fewer labels.
    return firstDot > 0 && wanted.count(QLatin1Char('.')) >= 2 && host.mid(firstDot) == wanted.mid(1);
}

// The server name the settings ask for, when it is not simply the URL's host.
QString overriddenName(const TlsSettings &tls, const QString &url) {
    const QString name = tls.serverName.trimmed();
    if (name.isEmpty() || withoutTrailingDot(name) == withoutTrailingDot(QUrl(url).host()))
        return {};
    return name;
}

} // namespace

bool certificateMatchesName(const QSslCertificate &certificate, const QString &name) {
    if (certificate.isNull() || name.trimmed().isEmpty())
        return false;
    const auto names = certificate.subjectAlternativeNames();
    const QHostAddress address(name.trimmed());
    if (!address.isNull()) {
        for (const QString &ip : names.values(QSsl::IpAddressEntry))
            if (QHostAddress(ip).isEqual(address))
                return true;
        return false; // an IP address is never matched by a DNS name, wildcard or not
    }
    const QString host = withoutTrailingDot(name.trimmed());
    for (const QString &dns : names.values(QSsl::DnsEntry))
        if (dnsNameMatches(dns, host))
            return true;
    return false;
}

bool acceptsServerName(const QList<QSslError> &errors, const QString &serverName) {
    if (errors.isEmpty() || serverName.trimmed().isEmpty())
        return false;
    for (const QSslError &error : errors)
        if (error.error() != QSslError::HostNameMismatch || !certificateMatchesName(error.certificate(), serverName))
            return false;
    return true;
}

std::optional<CallError> webSocketTlsError(const QList<QSslError> &errors, const TlsSettings &tls, const QString &where,
                                           const QString &detail) {
    QList<QSslError> remaining;
    for (const QSslError &error : errors) {
        const bool coveredByName = error.error() == QSslError::HostNameMismatch && !tls.serverName.isEmpty() &&
                                   certificateMatchesName(error.certificate(), tls.serverName);
        if (!coveredByName)
            remaining.append(error);
    }
    QStringList words;
    for (const QSslError &error : std::as_const(remaining))
        words.append(error.errorString());
    // With a server name set, the sentence names it: it is what the certificate was checked against.
    const QString checked =
        tls.serverName.isEmpty() ? where : QStringLiteral("%1 (server name %2)").arg(where, tls.serverName);
    const TlsFailure failure = classifySslErrors(remaining);
    if (failure != TlsFailure::Unknown)
        return describeTlsFailure(failure, checked, words.join(QStringLiteral("; ")));
    return tlsErrorFromText(checked, detail);
}

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
    const QString serverName = overriddenName(tls, record.url);
    if (serverName.isEmpty() || tls.skipVerification)
        return;
    record.tls.note = QStringLiteral("The certificate was checked against the server name %1 instead of the URL's "
                                     "host; Qt's WebSocket still connects to and names (SNI) the URL's host")
                          .arg(serverName);
    // Runs inside the handshake, before Qt gives up on it: ignoring the errors there lets it go on.
    QObject::connect(socket, &QWebSocket::sslErrors, socket, [socket, serverName](const QList<QSslError> &errors) {
        if (acceptsServerName(errors, serverName))
            socket->ignoreSslErrors();
    });
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
