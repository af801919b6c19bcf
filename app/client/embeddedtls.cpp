#include "app/client/embeddedtls.h"

#include "app/client/graphqlwscaller.h"
#include "app/client/websocketcaller.h"

#include <QUrl>

#include <mutex>

namespace triptych::client {

namespace {

std::mutex &registryMutex() {
    static std::mutex mutex;
    return mutex;
}

EmbeddedServerTls &registry() {
    static EmbeddedServerTls tls;
    return tls;
}

// The origin of an http(s) or ws(s) URL as https://host:port.
QString httpsOrigin(const QString &url) {
    QUrl parsed(url);
    if (parsed.scheme() == QLatin1String("wss"))
        parsed.setScheme(QStringLiteral("https"));
    if (parsed.scheme() != QLatin1String("https"))
        return {};
    return QStringLiteral("https://%1:%2").arg(parsed.host()).arg(parsed.port(443));
}

void trustHttp(const QString &url, TlsSettings &tls) {
    const EmbeddedServerTls embedded = embeddedServerTls();
    if (embedded.httpOrigin.isEmpty() || !tls.caFile.isEmpty() || tls.skipVerification ||
        httpsOrigin(url) != embedded.httpOrigin)
        return;
    tls.caFile = embedded.caFile;
    if (tls.clientCertificate.isEmpty()) {
        tls.clientCertificate = embedded.clientCertificate;
        tls.clientKey = embedded.clientKey;
    }
}

void trustGrpc(const QString &target, GrpcTlsSettings &tls) {
    const EmbeddedServerTls embedded = embeddedServerTls();
    if (embedded.httpOrigin.isEmpty() || target != embedded.grpcTarget || !tls.caFile.isEmpty() || tls.skipVerification)
        return;
    tls.enabled = true;
    tls.caFile = embedded.caFile;
    if (tls.clientCertificate.isEmpty()) {
        tls.clientCertificate = embedded.clientCertificate;
        tls.clientKey = embedded.clientKey;
    }
}

} // namespace

void setEmbeddedServerTls(const EmbeddedServerTls &tls) {
    std::lock_guard lock(registryMutex());
    registry() = tls;
}

EmbeddedServerTls embeddedServerTls() {
    std::lock_guard lock(registryMutex());
    return registry();
}

void trustEmbeddedServer(RestRequest &request) {
    trustHttp(request.url, request.tls);
}

void trustEmbeddedServer(GraphQLWsRequest &request) {
    trustHttp(request.url, request.tls);
}

void trustEmbeddedServer(WebSocketRequest &request) {
    trustHttp(request.url, request.tls);
}

void trustEmbeddedServer(GrpcRequest &request) {
    trustGrpc(request.target, request.tls);
}

void trustEmbeddedServer(ReflectionRequest &request) {
    trustGrpc(request.target, request.tls);
}

} // namespace triptych::client
