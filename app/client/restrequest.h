#pragma once

#include "app/client/callrecord.h"

#include <QByteArray>
#include <QString>

namespace triptych::client {

// Named limits of the REST engine, with their units.
namespace restlimits {
constexpr int kDefaultTimeoutMs = 30'000;
constexpr int kDefaultConnectTimeoutMs = 10'000;
constexpr long kMaxRedirects = 10;
} // namespace restlimits

enum class BodyKind { None, Json, Raw, Form, Multipart, File };
enum class HttpVersion { Auto, Http1_1, Http2, Http2PriorKnowledge };
enum class AuthKind { None, Basic, Bearer, ApiKey };

struct MultipartField {
    QByteArray name;
    QByteArray value; // the content, when filePath is empty
    QString filePath; // a file to upload, read off the GUI thread
    QByteArray contentType;
};

struct AuthSettings {
    AuthKind kind = AuthKind::None;
    QString user;     // basic
    QString password; // basic
    QString token;    // bearer token or API key value
    QByteArray apiKeyHeader = "X-API-Key";
};

struct TlsSettings {
    QString caFile;
    QString clientCertificate;
    QString clientKey;
    bool skipVerification = false; // recorded as a warning on the call
    QString serverName;            // SNI and the name checked in the certificate, when not the URL's host
};

// One HTTP request as the REST pane composes it.
struct RestRequest {
    QByteArray method = "GET";
    QString url;
    QList<QPair<QByteArray, QByteArray>> query; // appended to the URL, percent-encoded
    HeaderList headers;
    BodyKind bodyKind = BodyKind::None;
    QByteArray body;                           // Json / Raw
    QByteArray contentType;                    // Raw; Json defaults to application/json
    QList<QPair<QByteArray, QByteArray>> form; // Form
    QList<MultipartField> multipart;           // Multipart
    QString filePath;                          // File
    AuthSettings auth;
    TlsSettings tls;
    HttpVersion httpVersion = HttpVersion::Auto;
    // Empty: the system's http_proxy / https_proxy / all_proxy / no_proxy; "direct": no proxy; else the proxy's URL
    // (http://, https://, socks4://, socks4a://, socks5://, socks5h://). Loopback targets never go through one.
    QString proxy;
    bool followRedirects = true;
    bool acceptGzip = false;
    bool sendTraceparent = true;
    bool fetchServerTrace = true; // GET /debug/traces/{id} afterwards when the server offers it
    QString cookieSession;        // requests naming the same session share cookies; empty: no cookies
    int timeoutMs = restlimits::kDefaultTimeoutMs;
    int connectTimeoutMs = restlimits::kDefaultConnectTimeoutMs;
    qint64 maxResponseBytes = 0;    // 0: the process-wide cap (app/client/responselimit.h)
    qint64 spoolAboveBytes = 0;     // a body past this goes to a temporary file (CallRecord::spooledBody); 0: never
    CallKind kind = CallKind::Rest; // GraphQL over HTTP reuses this engine
};

} // namespace triptych::client
