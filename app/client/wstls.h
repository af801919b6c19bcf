#pragma once

#include "app/client/callrecord.h"
#include "app/client/restrequest.h"

#include <QList>
#include <QSslError>

#include <optional>

class QSslCertificate;
class QWebSocket;

namespace triptych::client {

// wss:// (GraphQL and the raw WebSocket): the same TLS settings as over HTTPS (CA file or the system's roots, client
// pair, skipped verification, server name), set before open(). Qt's WebSocket has no server-name override: it
// connects to the URL's host and checks the certificate against it, so with a server name set a HostNameMismatch is
// accepted when it is the only error and the leaf certificate lists the server name (acceptsServerName).
void applyWebSocketTls(QWebSocket *socket, const TlsSettings &tls, CallRecord &record);
// Once connected: the peer's chain, protocol and cipher.
void collectWebSocketTls(const QWebSocket *socket, CallRecord &record);

// Whether the certificate is valid for `name` by its subject alternative names (RFC 6125: DNS names compared
// without case, a wildcard only as the whole left-most label and never for an IP address; IP addresses as
// addresses). The common name is not looked at, as browsers no longer do.
bool certificateMatchesName(const QSslCertificate &certificate, const QString &name);
// Qt's verdict on a handshake, with the server name in place of the URL's host: true when every error is a
// HostNameMismatch and the leaf certificate matches `serverName`.
bool acceptsServerName(const QList<QSslError> &errors, const QString &serverName);
// Why a wss:// handshake failed, as a sentence of tlserrors.h: from Qt's certificate errors when it reported some
// (a host name mismatch the server name accounts for left out), else from its error text; nullopt when neither is
// about TLS.
std::optional<CallError> webSocketTlsError(const QList<QSslError> &errors, const TlsSettings &tls, const QString &where,
                                           const QString &detail);

} // namespace triptych::client
