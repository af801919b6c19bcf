#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpctls.h"
#include "app/client/grpcwebframes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace triptych::client {

namespace grpclimits {
constexpr int kDefaultDeadlineMs = 30'000; // every call has a deadline (docs/architecture.md)
} // namespace grpclimits

// One gRPC call as the gRPC pane composes it; messages are JSON, converted with the schema's descriptors.
struct GrpcRequest {
    QString target;                     // host:port
    QString method;                     // "orders.v1.OrderService/GetUser" or a unique short name
    QList<QByteArray> messages;         // sent at the start; a unary or server-streaming call takes exactly one
    bool halfCloseAfterMessages = true; // false keeps a client/bidi stream open for send() and halfClose()
    HeaderList metadata;
    int deadlineMs = grpclimits::kDefaultDeadlineMs;
    qint64 maxResponseBytes = 0;                   // 0: the process-wide cap (app/client/responselimit.h)
    GrpcTransport transport = GrpcTransport::Grpc; // gRPC-Web: target is the HTTP host:port
    GrpcTlsSettings tls;
    bool gzip = false;
    bool sendTraceparent = true;
    QString traceBaseUrl; // e.g. http://127.0.0.1:8080: fetch /debug/traces/{id} there afterwards
};

} // namespace triptych::client
