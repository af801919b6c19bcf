#include "app/client/tlsinfo.h"

#include <QJsonArray>
#include <QSslCertificate>

namespace triptych::client {

namespace {

QStringList alternativeNames(const QSslCertificate &certificate) {
    QStringList names;
    const auto entries = certificate.subjectAlternativeNames();
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        const QString kind = it.key() == QSsl::DnsEntry         ? QStringLiteral("DNS")
                             : it.key() == QSsl::IpAddressEntry ? QStringLiteral("IP")
                                                                : QStringLiteral("email");
        names.append(kind + QLatin1Char(':') + it.value());
    }
    return names;
}

} // namespace

QList<PeerCertificate> certificatesFromPem(const QByteArray &pem) {
    QList<PeerCertificate> chain;
    for (const QSslCertificate &certificate : QSslCertificate::fromData(pem, QSsl::Pem)) {
        chain.append({certificate.subjectDisplayName().isEmpty()
                          ? certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "))
                          : certificate.subjectDisplayName(),
                      certificate.issuerDisplayName(), certificate.effectiveDate().toUTC(),
                      certificate.expiryDate().toUTC(), alternativeNames(certificate), certificate.toPem()});
    }
    return chain;
}

QJsonObject toJson(const TlsInfo &tls) {
    QJsonArray chain;
    for (const auto &certificate : tls.chain) {
        chain.append(QJsonObject{
            {QStringLiteral("subject"), certificate.subject},
            {QStringLiteral("issuer"), certificate.issuer},
            {QStringLiteral("not_before"), certificate.notBefore.toString(Qt::ISODate)},
            {QStringLiteral("not_after"), certificate.notAfter.toString(Qt::ISODate)},
            {QStringLiteral("subject_alt_names"), QJsonArray::fromStringList(certificate.subjectAltNames)}});
    }
    QJsonObject object{{QStringLiteral("protocol"), tls.protocol},
                       {QStringLiteral("cipher"), tls.cipher},
                       {QStringLiteral("verified"), tls.verified},
                       {QStringLiteral("session_reused"), tls.sessionReused},
                       {QStringLiteral("chain"), chain}};
    if (!tls.note.isEmpty())
        object.insert(QStringLiteral("note"), tls.note);
    if (!tls.properties.isEmpty()) {
        QJsonObject properties;
        for (const auto &[name, value] : tls.properties)
            properties.insert(name, value);
        object.insert(QStringLiteral("properties"), properties);
    }
    return object;
}

} // namespace triptych::client
