#include "app/client/curltls.h"

#include <QUrl>

#include <curl/curl.h>
#include <openssl/ssl.h>

namespace triptych::client {

namespace {

// OpenSSL calls this on the transfer's thread when a handshake completes; the context's app data is the record's
// TlsInfo (libcurl 7.88 makes one SSL_CTX per connection, so it is this transfer's).
void onHandshakeInfo(const SSL *ssl, int where, int) {
    if (!(where & SSL_CB_HANDSHAKE_DONE))
        return;
    auto *info = static_cast<TlsInfo *>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    if (!info)
        return;
    info->protocol = QString::fromLatin1(SSL_get_version(ssl));
    info->cipher = QString::fromLatin1(SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)));
}

CURLcode onSslContext(CURL *, void *context, void *info) {
    auto *ctx = static_cast<SSL_CTX *>(context);
    SSL_CTX_set_app_data(ctx, info);
    SSL_CTX_set_info_callback(ctx, &onHandshakeInfo);
    return CURLE_OK;
}

// Connects to the URL's host while TLS names `serverName`: the URL carries the name, CONNECT_TO the address.
std::shared_ptr<void> overrideServerName(CURL *easy, const RestRequest &request) {
    QUrl url(request.url);
    const QString host = url.host();
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    const QString name = request.tls.serverName;
    url.setHost(name);
    const QByteArray target = host.contains(QLatin1Char(':')) ? '[' + host.toLatin1() + ']' : host.toLatin1();
    curl_slist *connectTo = curl_slist_append(
        nullptr,
        (name.toLatin1() + ':' + QByteArray::number(port) + ':' + target + ':' + QByteArray::number(port)).constData());
    curl_easy_setopt(easy, CURLOPT_CONNECT_TO, connectTo);
    curl_easy_setopt(easy, CURLOPT_URL, url.toEncoded().constData());
    return std::shared_ptr<void>(connectTo, [](void *list) { curl_slist_free_all(static_cast<curl_slist *>(list)); });
}

} // namespace

std::shared_ptr<void> applyCurlTls(CURL *easy, const RestRequest &request, CallRecord &record) {
    const auto &tls = request.tls;
    if (!tls.caFile.isEmpty())
        curl_easy_setopt(easy, CURLOPT_CAINFO, tls.caFile.toLocal8Bit().constData());
    if (!tls.clientCertificate.isEmpty())
        curl_easy_setopt(easy, CURLOPT_SSLCERT, tls.clientCertificate.toLocal8Bit().constData());
    if (!tls.clientKey.isEmpty())
        curl_easy_setopt(easy, CURLOPT_SSLKEY, tls.clientKey.toLocal8Bit().constData());
    if (tls.skipVerification) {
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
        record.warnings.append(QStringLiteral("TLS certificate verification is off: anyone on the path could read "
                                              "and change this call"));
    }
    if (!request.url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        return {};
    record.tls.secured = true;
    record.tls.verified = !tls.skipVerification;
    curl_easy_setopt(easy, CURLOPT_CERTINFO, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_CTX_FUNCTION, &onSslContext);
    curl_easy_setopt(easy, CURLOPT_SSL_CTX_DATA, &record.tls);
    return tls.serverName.isEmpty() ? nullptr : overrideServerName(easy, request);
}

void collectCurlTls(CURL *easy, CallRecord &record) {
    if (!record.tls.secured)
        return;
    curl_certinfo *info = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_CERTINFO, &info) != CURLE_OK || !info)
        return;
    QByteArray pem;
    for (int i = 0; i < info->num_of_certs; ++i) {
        for (curl_slist *entry = info->certinfo[i]; entry; entry = entry->next) {
            if (qstrncmp(entry->data, "Cert:", 5) == 0)
                pem += QByteArray(entry->data + 5) + '\n';
        }
    }
    record.tls.chain = certificatesFromPem(pem);
    if (record.connectionReused) {
        record.tls.sessionReused = true;
        record.tls.note = QStringLiteral("the connection was reused: its handshake belongs to an earlier call");
    }
}

} // namespace triptych::client
