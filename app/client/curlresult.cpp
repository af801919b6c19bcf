// CurlTransfer's second half: what libcurl measured, turned into the CallRecord.
#include "app/client/callerrors.h"
#include "app/client/curltls.h"
#include "app/client/curltransfer.h"
#include "app/client/responselimit.h"

#include <QHostAddress>
#include <QUrl>

#include <curl/curl.h>

#include <algorithm>

namespace triptych::client {

namespace {

qint64 infoTime(CURL *easy, CURLINFO info) {
    curl_off_t value = 0;
    curl_easy_getinfo(easy, info, &value);
    return qint64(value);
}

qint64 infoLong(CURL *easy, CURLINFO info) {
    long value = 0;
    curl_easy_getinfo(easy, info, &value);
    return qint64(value);
}

QString httpVersionName(long version) {
    switch (version) {
    case CURL_HTTP_VERSION_1_0:
        return QStringLiteral("HTTP/1.0");
    case CURL_HTTP_VERSION_1_1:
        return QStringLiteral("HTTP/1.1");
    case CURL_HTTP_VERSION_2_0:
        return QStringLiteral("HTTP/2");
    case CURL_HTTP_VERSION_3:
        return QStringLiteral("HTTP/3");
    default:
        return {};
    }
}

// libcurl reports cumulative points since the start; the record keeps the phases between them. waitUs, when the
// transfer saw its request leave, is the time from the request's last byte to the answer's first, on one clock.
ClientTimings phases(CURL *easy, bool newConnection, bool hostIsLiteral, std::optional<qint64> waitUs) {
    const qint64 dns = infoTime(easy, CURLINFO_NAMELOOKUP_TIME_T);
    const qint64 connect = infoTime(easy, CURLINFO_CONNECT_TIME_T);
    const qint64 tls = infoTime(easy, CURLINFO_APPCONNECT_TIME_T);
    const qint64 pretransfer = infoTime(easy, CURLINFO_PRETRANSFER_TIME_T);
    const qint64 firstByte = infoTime(easy, CURLINFO_STARTTRANSFER_TIME_T);
    const qint64 total = infoTime(easy, CURLINFO_TOTAL_TIME_T);
    ClientTimings timings;
    timings.totalUs = total;
    if (newConnection && !hostIsLiteral && dns > 0)
        timings.dnsUs = dns;
    if (newConnection && connect > 0)
        timings.connectUs = connect - dns;
    if (newConnection && tls > 0)
        timings.tlsUs = tls - connect;
    const qint64 ready = std::max({dns, connect, tls});
    if (pretransfer > 0)
        timings.sentUs = std::max<qint64>(0, pretransfer - ready);
    if (firstByte > 0) {
        timings.firstByteUs = firstByte - std::max(pretransfer, ready);
        timings.downloadUs = std::max<qint64>(0, total - firstByte);
    }
    if (firstByte > ready && waitUs) {
        // curl's first-byte point is exact; the request's last byte splits the time before it into send and wait.
        timings.firstByteUs = std::min(*waitUs, firstByte - ready);
        timings.sentUs = firstByte - ready - *timings.firstByteUs;
    }
    return timings;
}

} // namespace

void CurlTransfer::collectInfo() {
    const QUrl url(m_request.url);
    const bool newConnection = infoLong(m_easy, CURLINFO_NUM_CONNECTS) > 0;
    m_record.connectionReused = !newConnection && infoLong(m_easy, CURLINFO_RESPONSE_CODE) > 0;
    std::optional<qint64> waitUs;
    if (m_lastSentAt && m_firstReceivedAt && *m_firstReceivedAt >= *m_lastSentAt)
        waitUs = std::chrono::duration_cast<std::chrono::microseconds>(*m_firstReceivedAt - *m_lastSentAt).count();
    m_record.timings = phases(m_easy, newConnection, !QHostAddress(url.host()).isNull(), waitUs);
    m_record.httpVersion = httpVersionName(long(infoLong(m_easy, CURLINFO_HTTP_VERSION)));
    collectCurlTls(m_easy, m_record);
    char *ip = nullptr;
    curl_easy_getinfo(m_easy, CURLINFO_PRIMARY_IP, &ip);
    if (ip && *ip)
        m_record.remoteAddress =
            QString::fromLatin1(ip) + QLatin1Char(':') + QString::number(infoLong(m_easy, CURLINFO_PRIMARY_PORT));
    auto &sizes = m_record.sizes;
    sizes.requestHeaderBytes = infoLong(m_easy, CURLINFO_REQUEST_SIZE);
    sizes.requestBodyBytes = infoTime(m_easy, CURLINFO_SIZE_UPLOAD_T);
    if (sizes.requestBodyBytes > 0)
        sizes.requestHeaderBytes = std::max<qint64>(0, sizes.requestHeaderBytes - sizes.requestBodyBytes);
    sizes.responseHeaderBytes = infoLong(m_easy, CURLINFO_HEADER_SIZE);
    sizes.responseBodyWireBytes = infoTime(m_easy, CURLINFO_SIZE_DOWNLOAD_T);
}

CallError CurlTransfer::timeoutError() const {
    const QUrl url(m_request.url);
    const bool https = url.scheme() == QLatin1String("https");
    const QString where = url.host() + QLatin1Char(':') + QString::number(url.port(https ? 443 : 80));
    // curl times no phase of a connect that never finished; a local port says TCP itself was connected.
    const bool tcpConnected = infoLong(m_easy, CURLINFO_LOCAL_PORT) > 0;
    const bool tlsDone = infoTime(m_easy, CURLINFO_APPCONNECT_TIME_T) > 0;
    if (https && tcpConnected && !tlsDone)
        return {ErrorKind::Timeout,
                QStringLiteral("The TLS handshake with %1 stalled: no answer within %2 ms")
                    .arg(where)
                    .arg(std::min(m_request.connectTimeoutMs, m_request.timeoutMs)),
                QStringLiteral("the port took the connection but never answered the handshake; is it a TLS port, and "
                               "is the server alive?")};
    if (m_record.httpStatus == 0)
        return {ErrorKind::Timeout,
                QStringLiteral("No answer within %1 ms from %2").arg(m_request.timeoutMs).arg(where),
                QStringLiteral("the server took the request and said nothing; is it busy or stuck? Raise the timeout "
                               "if it is just slow")};
    return {ErrorKind::Timeout,
            QStringLiteral("The response from %1 had not ended within %2 ms").arg(where).arg(m_request.timeoutMs),
            QStringLiteral("a body that never ends, or a slow one: raise the timeout, or cancel when you have seen "
                           "enough")};
}

void CurlTransfer::finish(int curlCode) {
    collectInfo();
    if (m_stopError) {
        const CallError error = *m_stopError;
        fail(error.kind, error.message, error.hint);
        return;
    }
    if (curlCode == CURLE_OPERATION_TIMEDOUT) {
        const CallError error = timeoutError();
        fail(error.kind, error.message, error.hint);
        return;
    }
    if (curlCode != CURLE_OK) {
        const auto error =
            describeCurlError(curlCode, QUrl(m_request.url),
                              // libcurl leaves the buffer empty for some errors (an HTTP/2 framing error in 7.88)
                              m_errorBuffer[0] ? QString::fromUtf8(m_errorBuffer)
                                               : QString::fromUtf8(curl_easy_strerror(CURLcode(curlCode))),
                              m_request.timeoutMs);
        fail(error.kind, error.message, error.hint);
        return;
    }
    if (m_record.httpStatus >= 400)
        m_record.error = describeHttpStatus(m_record.httpStatus, m_record.body, QUrl(m_record.url));
    if (m_onDone)
        m_onDone(std::move(m_record));
    m_onDone = nullptr;
}

} // namespace triptych::client
