#pragma once

#include "app/client/callrecord.h"

#include <QByteArray>
#include <QString>

namespace triptych::client {

// Named limits of GraphQL over WebSocket, with their units.
namespace wslimits {
constexpr int kDefaultConnectTimeoutMs = 10'000;                // from open until connection_ack
constexpr qint64 kMaxIncomingMessageBytes = 64LL * 1024 * 1024; // a bigger message closes the socket (1009)
constexpr int kCloseGraceMs = 2'000;                            // wait for the server's close frame, then drop
} // namespace wslimits

// The two GraphQL-over-WebSocket protocols: graphql-transport-ws (the graphql-ws library, current) and the legacy
// subscriptions-transport-ws (Apollo's, whose subprotocol is confusingly named "graphql-ws").
enum class WsProtocol { TransportWs, LegacySubscriptions };

enum class OperationType { Query, Mutation, Subscription };

QString subprotocolName(WsProtocol protocol);
// http://… → ws://…, https://… → wss://…; ws:// and wss:// stay; anything else is empty.
QString webSocketUrl(const QString &url);
// The type of the operation the document would run: the one named operationName, else the first. Comments,
// strings and fragments are skipped; an unparseable document counts as a query (the server will say what is wrong).
OperationType operationType(const QString &document, const QString &operationName = {});
QString toString(OperationType type);

// The protocol's messages as compact JSON text. variables: a JSON object or empty; initPayload likewise.
QByteArray initMessage(const QByteArray &initPayload);
QByteArray subscribeMessage(WsProtocol protocol, const QString &id, const QString &query, const QByteArray &variables,
                            const QString &operationName);
QByteArray completeMessage(WsProtocol protocol, const QString &id);
QByteArray pingMessage();
QByteArray pongMessage();
QByteArray terminateMessage(); // legacy only: connection_terminate

// A close code (and the server's reason) in words: what happened and what to check. where: the URL.
CallError describeClose(int code, const QString &reason, const QString &where, WsProtocol protocol);

// Bytes of one unfragmented WebSocket frame: the payload plus its 2–14 byte header (masked frames from the client
// carry 4 more).
qint64 webSocketFrameBytes(qint64 payloadBytes, bool masked);

} // namespace triptych::client
