#pragma once

#include "app/client/callrecord.h"
#include "app/client/restrequest.h"

class QWebSocket;

namespace triptych::client {

// GraphQL over wss://: the same TLS settings as over HTTPS (CA file or the system's roots, client pair, skipped
// verification; a server name other than the URL's host is not offered by Qt's WebSocket), set before open().
void applyWebSocketTls(QWebSocket *socket, const TlsSettings &tls, CallRecord &record);
// Once connected: the peer's chain, protocol and cipher.
void collectWebSocketTls(const QWebSocket *socket, CallRecord &record);

} // namespace triptych::client
