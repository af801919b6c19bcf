#include "app/client/callerrors.h"
#include "app/client/tlserrors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <curl/curl.h>

namespace triptych::client {

namespace {

QString hostPort(const QUrl &url) {
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return url.host() + QLatin1Char(':') + QString::number(url.port(defaultPort));
}

// "/v1/users/42" and "/v1/orders/0f3c9a7e-…" hold an id; "/v1/userz" does not (a version such as "v1" is none).
bool pathHasId(const QUrl &url) {
    static const QRegularExpression id(QStringLiteral(R"(/(\d+|(?=[^/]*\d)[^/]{8,})(/|$))"));
    return url.path().contains(id);
}

QString refusedHint(int embeddedPort) {
    return QStringLiteral("is the server running? The embedded one listens on %1.").arg(embeddedPort);
}

} // namespace

CallError describeCurlError(int curlCode, const QUrl &url, const QString &detail, int timeoutMs) {
    const QString where = hostPort(url);
    switch (CURLcode(curlCode)) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return {ErrorKind::Dns, QStringLiteral("Could not resolve host %1").arg(url.host()),
                QStringLiteral("check the host name's spelling and your network's DNS")};
    case CURLE_COULDNT_CONNECT:
        return {ErrorKind::Refused, QStringLiteral("Connection refused on %1").arg(where),
                refusedHint(kEmbeddedHttpPort)};
    case CURLE_OPERATION_TIMEDOUT:
        return {ErrorKind::Timeout, QStringLiteral("No complete answer from %1 within %2 ms").arg(where).arg(timeoutMs),
                QStringLiteral("is the server busy or stuck? Raise the timeout or check the server's log")};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        return describeTlsFailure(classifyTlsText(detail), where, detail);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return {ErrorKind::InvalidRequest, QStringLiteral("Cannot use the URL %1: %2").arg(url.toString(), detail),
                QStringLiteral("write it as http://host:port/path")};
    case CURLE_BAD_CONTENT_ENCODING:
        return {ErrorKind::Network, QStringLiteral("Invalid gzip data from the server %1: %2").arg(where, detail),
                QStringLiteral("the answer says Content-Encoding: gzip but does not decode; switch gzip off to see "
                               "the raw bytes")};
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
        if (classifyTlsText(detail) == TlsFailure::ClientCertificateRequired) // TLS 1.3 refuses after the handshake
            return describeTlsFailure(TlsFailure::ClientCertificateRequired, where, detail);
        return {ErrorKind::Network, QStringLiteral("The connection to %1 broke: %2").arg(where, detail),
                QStringLiteral("the server closed it; is it an HTTP server on that port?")};
    default:
        return {ErrorKind::Network, QStringLiteral("Request to %1 failed: %2").arg(where, detail), {}};
    }
}

CallError describeHttpStatus(int status, const QByteArray &body, const QUrl &url) {
    // problem+json bodies (RFC 9457) carry the server's own explanation.
    const auto problem = QJsonDocument::fromJson(body).object();
    QString detail = problem.value(QStringLiteral("detail")).toString();
    if (detail.isEmpty())
        detail = problem.value(QStringLiteral("title")).toString();
    QString hint;
    if (status == 401 || status == 403)
        hint = QStringLiteral("send credentials: -H 'Authorization: Bearer demo-token' for the embedded server");
    else if (status == 404)
        hint = pathHasId(url) ? QStringLiteral("check the path and the id") : QStringLiteral("check the path");
    else if (status == 429)
        hint = QStringLiteral("rate limited; wait and retry");
    else if (status >= 500)
        hint = QStringLiteral("the server failed; check its log");
    QString message = QStringLiteral("HTTP %1").arg(status);
    if (!detail.isEmpty())
        message += QStringLiteral(": ") + detail;
    return {ErrorKind::HttpStatus, message, hint};
}

CallError describeGrpcStatus(int code, const QString &message, const QString &target, int deadlineMs) {
    const QString head = QStringLiteral("gRPC %1: %2").arg(grpcCodeName(code), message);
    switch (code) {
    case 14: // UNAVAILABLE
        if (auto tls = tlsErrorFromText(target, message))
            return *tls;
        return {ErrorKind::Refused, QStringLiteral("gRPC UNAVAILABLE on %1: %2").arg(target, message),
                QStringLiteral("is the server running? The embedded one listens on %1.").arg(kEmbeddedGrpcPort)};
    case 4: // DEADLINE_EXCEEDED
        return {ErrorKind::Timeout,
                QStringLiteral("gRPC DEADLINE_EXCEEDED: no answer from %1 within %2 ms").arg(target).arg(deadlineMs),
                QStringLiteral("is the server busy or stuck? Raise the deadline")};
    case 1: // CANCELLED
        return {ErrorKind::Cancelled, head, {}};
    case 12: // UNIMPLEMENTED
        return {ErrorKind::GrpcStatus, head, QStringLiteral("check the method name; list them with `grpc HOST list`")};
    case 16: // UNAUTHENTICATED
        return {ErrorKind::GrpcStatus, head,
                QStringLiteral("send -H 'authorization: Bearer demo-token' for the embedded server")};
    default:
        return {ErrorKind::GrpcStatus, head, {}};
    }
}

} // namespace triptych::client
