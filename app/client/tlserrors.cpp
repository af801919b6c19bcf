#include "app/client/tlserrors.h"

namespace triptych::client {

namespace {

bool has(const QString &text, const char *words) {
    return text.contains(QLatin1String(words), Qt::CaseInsensitive);
}

} // namespace

TlsFailure classifyTlsText(const QString &detail) {
    if (has(detail, "certificate has expired"))
        return TlsFailure::Expired;
    if (has(detail, "certificate is not yet valid"))
        return TlsFailure::NotYetValid;
    // libcurl: "no alternative certificate subject name matches"; gRPC: "Peer name … is not in peer certificate".
    if (has(detail, "subject name") || has(detail, "is not in peer certificate") || has(detail, "host name mismatch") ||
        has(detail, "host name did not match"))
        return TlsFailure::WrongHost;
    if (has(detail, "unable to get local issuer") || has(detail, "self-signed") || has(detail, "self signed") ||
        has(detail, "unable to get issuer"))
        return TlsFailure::UnknownIssuer;
    if (has(detail, "alert certificate required") || has(detail, "peer did not return a certificate"))
        return TlsFailure::ClientCertificateRequired;
    if (has(detail, "certificate verify failed") || has(detail, "CERTIFICATE_VERIFY_FAILED"))
        return TlsFailure::VerifyFailed;
    if (has(detail, "wrong version number") || has(detail, "packet length too long") || has(detail, "WRONG_VERSION"))
        return TlsFailure::NotTls;
    return TlsFailure::Unknown;
}

TlsFailure classifySslErrors(const QList<QSslError> &errors) {
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::CertificateExpired:
            return TlsFailure::Expired;
        case QSslError::CertificateNotYetValid:
            return TlsFailure::NotYetValid;
        case QSslError::HostNameMismatch:
            return TlsFailure::WrongHost;
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::UnableToVerifyFirstCertificate:
            return TlsFailure::UnknownIssuer;
        default:
            break;
        }
    }
    return TlsFailure::Unknown;
}

CallError describeTlsFailure(TlsFailure failure, const QString &where, const QString &detail) {
    const QString because = detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail);
    switch (failure) {
    case TlsFailure::Expired:
        return {ErrorKind::Tls, QStringLiteral("The certificate of %1 has expired%2").arg(where, because),
                QStringLiteral("renew the server's certificate, or check this computer's clock")};
    case TlsFailure::NotYetValid:
        return {ErrorKind::Tls, QStringLiteral("The certificate of %1 is not valid yet%2").arg(where, because),
                QStringLiteral("check this computer's clock and the certificate's validity in the Certificate tab")};
    case TlsFailure::WrongHost:
        return {ErrorKind::Tls, QStringLiteral("The certificate of %1 is not for that host name%2").arg(where, because),
                QStringLiteral("call the server by a name its certificate lists (localhost for the embedded "
                               "server), or set the TLS server name / authority to one")};
    case TlsFailure::UnknownIssuer:
        return {
            ErrorKind::Tls,
            QStringLiteral("The certificate of %1 is issued by a CA this client does not trust%2").arg(where, because),
            QStringLiteral("set the CA file to the server's CA (the embedded server in TLS mode writes ca.pem, "
                           "Server ▸ Options shows where), or skip verification to look anyway")};
    case TlsFailure::VerifyFailed:
        return {ErrorKind::Tls, QStringLiteral("The certificate of %1 could not be verified%2").arg(where, because),
                QStringLiteral("most often the CA is not trusted: set the CA file; else the certificate is expired "
                               "or not valid yet")};
    case TlsFailure::ClientCertificateRequired:
        return {ErrorKind::Tls, QStringLiteral("%1 requires a client certificate (mutual TLS)%2").arg(where, because),
                QStringLiteral("set a client certificate and key issued by a CA the server trusts (the embedded "
                               "server writes client.pem and client-key.pem beside ca.pem)")};
    case TlsFailure::NotTls:
        return {ErrorKind::Tls, QStringLiteral("%1 does not speak TLS%2").arg(where, because),
                QStringLiteral("use http:// (or switch TLS off for gRPC), or is the server's TLS mode off?")};
    case TlsFailure::Unknown:
        break;
    }
    return {ErrorKind::Tls, QStringLiteral("TLS handshake with %1 failed%2").arg(where, because),
            QStringLiteral("check the CA file, the certificate's host name and whether the server speaks TLS")};
}

std::optional<CallError> tlsErrorFromText(const QString &where, const QString &detail) {
    const TlsFailure failure = classifyTlsText(detail);
    const bool aboutTls = failure != TlsFailure::Unknown || has(detail, "ssl") || has(detail, "tls");
    if (!aboutTls)
        return std::nullopt;
    return describeTlsFailure(failure, where, detail);
}

} // namespace triptych::client
