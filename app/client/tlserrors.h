#pragma once

#include "app/client/callrecord.h"

#include <QList>
#include <QSslError>

#include <optional>

namespace triptych::client {

// Why a TLS handshake failed, as far as the transport's words tell.
enum class TlsFailure {
    Unknown,
    Expired,
    NotYetValid,
    WrongHost,
    UnknownIssuer,
    VerifyFailed, // gRPC says only that verification failed: an unknown issuer or a date
    ClientCertificateRequired,
    NotTls,
};

// From the words of OpenSSL as libcurl and gRPC pass them on; Unknown when none fits.
TlsFailure classifyTlsText(const QString &detail);
// From Qt's errors (the WebSocket); Unknown when the list is empty or none fits.
TlsFailure classifySslErrors(const QList<QSslError> &errors);
// What failed and what to do, for `where` (host:port); detail is the transport's own text, kept at the end.
CallError describeTlsFailure(TlsFailure failure, const QString &where, const QString &detail);
// A TLS failure in a transport's error text, described; nullopt when the text is not about TLS.
std::optional<CallError> tlsErrorFromText(const QString &where, const QString &detail);

} // namespace triptych::client
