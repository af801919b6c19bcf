#pragma once

#include "app/client/grpcreflection.h"
#include "app/client/grpcrequest.h"
#include "app/client/restrequest.h"

namespace triptych::client {

struct GraphQLWsRequest;
struct WebSocketRequest;

// The embedded server's TLS files, trusted for that server's own addresses only (never the system store): its
// HTTPS origin ("https://127.0.0.1:8080") and gRPC target ("127.0.0.1:50051"). Empty origin: TLS mode off.
struct EmbeddedServerTls {
    QString httpOrigin;
    QString grpcTarget;
    QString caFile;
    QString clientCertificate; // set when the server requires client certificates
    QString clientKey;
};
void setEmbeddedServerTls(const EmbeddedServerTls &tls);
EmbeddedServerTls embeddedServerTls();

// A request to the embedded server that names no CA of its own gets the server's CA (and client pair); a gRPC call
// to its target is made over TLS. Requests to anything else are left as they are.
void trustEmbeddedServer(RestRequest &request);
void trustEmbeddedServer(GraphQLWsRequest &request);
void trustEmbeddedServer(WebSocketRequest &request);
void trustEmbeddedServer(GrpcRequest &request);
void trustEmbeddedServer(ReflectionRequest &request);

} // namespace triptych::client
