#include "app/client/curltransfer.h"
#include "app/client/curltls.h"

#include "app/client/responselimit.h"

#include <QFile>
#include <QUrl>
#include <QUrlQuery>

#include <curl/curl.h>

#include <algorithm>

namespace triptych::client {

namespace {

QByteArray urlWithQuery(const RestRequest &request) {
    QUrl url(request.url);
    if (!request.query.isEmpty()) {
        QUrlQuery query(url);
        for (const auto &[key, value] : request.query)
            query.addQueryItem(QString::fromUtf8(key), QString::fromUtf8(value));
        url.setQuery(query);
    }
    return url.toEncoded();
}

bool hasHeader(const HeaderList &headers, const QByteArray &name) {
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray formEncoded(const QList<QPair<QByteArray, QByteArray>> &fields) {
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += key.toPercentEncoding() + '=' + value.toPercentEncoding();
    }
    return out;
}

long curlHttpVersion(HttpVersion version) {
    switch (version) {
    case HttpVersion::Auto:
        return CURL_HTTP_VERSION_NONE;
    case HttpVersion::Http1_1:
        return CURL_HTTP_VERSION_1_1;
    case HttpVersion::Http2:
        return CURL_HTTP_VERSION_2TLS;
    case HttpVersion::Http2PriorKnowledge:
        return CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE;
    }
    return CURL_HTTP_VERSION_NONE;
}

} // namespace

CurlTransfer::CurlTransfer(CallRecord record, RestRequest request, MessageSink onMessage, DoneSink onDone)
    : m_record(std::move(record))
    , m_request(std::move(request))
    , m_onMessage(std::move(onMessage))
    , m_onDone(std::move(onDone)) {}

CurlTransfer::~CurlTransfer() {
    if (m_easy)
        curl_easy_cleanup(m_easy);
    curl_slist_free_all(m_headerList);
    curl_mime_free(m_mime);
}

CURL *CurlTransfer::setUp(CURLSH *cookieShare) {
    m_started = std::chrono::steady_clock::now();
    m_maxKeptBytes = effectiveMaxResponseBytes(m_request.maxResponseBytes);
    // The wall clock at the real start, so that the server's spans line up with curl's phases.
    m_record.startedAtUnixNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    m_easy = curl_easy_init();
    const QByteArray url = urlWithQuery(m_request);
    m_record.url = QString::fromUtf8(url);
    m_record.method = QString::fromLatin1(m_request.method);
    curl_easy_setopt(m_easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(m_easy, CURLOPT_CUSTOMREQUEST, m_request.method.constData());
    if (m_request.method == "HEAD")
        curl_easy_setopt(m_easy, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, &CurlTransfer::onHeaderData);
    curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &CurlTransfer::onBodyData);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_TIMEOUT_MS, long(m_request.timeoutMs));
    curl_easy_setopt(m_easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_request.connectTimeoutMs));
    curl_easy_setopt(m_easy, CURLOPT_FOLLOWLOCATION, m_request.followRedirects ? 1L : 0L);
    curl_easy_setopt(m_easy, CURLOPT_MAXREDIRS, restlimits::kMaxRedirects);
    curl_easy_setopt(m_easy, CURLOPT_HTTP_VERSION, curlHttpVersion(m_request.httpVersion));
    if (m_request.acceptGzip)
        curl_easy_setopt(m_easy, CURLOPT_ACCEPT_ENCODING, "gzip");
    if (cookieShare) {
        curl_easy_setopt(m_easy, CURLOPT_SHARE, cookieShare);
        curl_easy_setopt(m_easy, CURLOPT_COOKIEFILE, "");
    }
    m_tlsResources = applyCurlTls(m_easy, m_request, m_record);
    if (!setUpBody())
        return nullptr;
    setUpHeaders();
    return m_easy;
}

bool CurlTransfer::setUpBody() {
    switch (m_request.bodyKind) {
    case BodyKind::None:
        return true;
    case BodyKind::Json:
        if (!hasHeader(m_request.headers, "Content-Type"))
            m_request.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        m_uploadBody = m_request.body;
        break;
    case BodyKind::Raw:
        if (!m_request.contentType.isEmpty() && !hasHeader(m_request.headers, "Content-Type"))
            m_request.headers.append({"Content-Type", m_request.contentType});
        m_uploadBody = m_request.body;
        break;
    case BodyKind::Form:
        m_uploadBody = formEncoded(m_request.form);
        break;
    case BodyKind::File: {
        QFile file(m_request.filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(ErrorKind::InvalidRequest, QStringLiteral("Cannot read the body file %1").arg(m_request.filePath),
                 file.errorString());
            return false;
        }
        m_uploadBody = file.readAll();
        break;
    }
    case BodyKind::Multipart:
        return setUpMultipart();
    }
    m_record.requestBody = m_uploadBody;
    curl_easy_setopt(m_easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_uploadBody.size()));
    curl_easy_setopt(m_easy, CURLOPT_POSTFIELDS, m_uploadBody.constData());
    return true;
}

bool CurlTransfer::setUpMultipart() {
    m_mime = curl_mime_init(m_easy);
    for (const auto &field : m_request.multipart) {
        curl_mimepart *part = curl_mime_addpart(m_mime);
        curl_mime_name(part, field.name.constData());
        if (!field.filePath.isEmpty()) {
            if (curl_mime_filedata(part, field.filePath.toLocal8Bit().constData()) != CURLE_OK) {
                fail(ErrorKind::InvalidRequest, QStringLiteral("Cannot read the multipart file %1").arg(field.filePath),
                     QStringLiteral("check that the file exists and is readable"));
                return false;
            }
        } else {
            curl_mime_data(part, field.value.constData(), size_t(field.value.size()));
        }
        if (!field.contentType.isEmpty())
            curl_mime_type(part, field.contentType.constData());
    }
    curl_easy_setopt(m_easy, CURLOPT_MIMEPOST, m_mime);
    return true;
}

void CurlTransfer::setUpHeaders() {
    HeaderList headers = m_request.headers;
    const auto &auth = m_request.auth;
    if (auth.kind == AuthKind::Basic)
        headers.append(
            {"Authorization", "Basic " + (auth.user + QLatin1Char(':') + auth.password).toUtf8().toBase64()});
    else if (auth.kind == AuthKind::Bearer)
        headers.append({"Authorization", "Bearer " + auth.token.toUtf8()});
    else if (auth.kind == AuthKind::ApiKey)
        headers.append({auth.apiKeyHeader, auth.token.toUtf8()});
    // curl adds "Expect: 100-continue" for big bodies; a round trip of waiting that would distort the timings.
    headers.append({QByteArray("Expect"), QByteArray()});
    for (const auto &[name, value] : headers) {
        const QByteArray line = value.isEmpty() ? name + ':' : name + ": " + value;
        m_headerList = curl_slist_append(m_headerList, line.constData());
    }
    headers.removeLast();
    m_record.requestHeaders = headers;
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headerList);
}

size_t CurlTransfer::onHeaderData(char *data, size_t size, size_t count, void *self) {
    auto *transfer = static_cast<CurlTransfer *>(self);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    auto &record = transfer->m_record;
    if (line.startsWith("HTTP/")) {
        // A new response in a redirect chain: keep the hop, start the headers afresh.
        const QByteArray location = record.header("Location");
        if (record.httpStatus / 100 == 3 && !location.isEmpty())
            record.redirects.append(QString::number(record.httpStatus) + QStringLiteral(" → ") +
                                    QString::fromUtf8(location));
        record.responseHeaders.clear();
        transfer->m_headerCount = 0;
        record.httpStatus = line.split(' ').value(1).toInt();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        if (++transfer->m_headerCount > responselimits::kMaxResponseHeaders)
            return transfer->stop(
                {ErrorKind::TooLarge,
                 QStringLiteral("The server sent more than %1 response headers")
                     .arg(responselimits::kMaxResponseHeaders),
                 QStringLiteral("the call was stopped there; a server sending that many is broken or hostile")});
        record.responseHeaders.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        if (line.left(colon).trimmed().compare("content-type", Qt::CaseInsensitive) == 0)
            transfer->m_isEventStream = line.contains("text/event-stream");
    }
    return size * count;
}

size_t CurlTransfer::onBodyData(char *data, size_t size, size_t count, void *self) {
    auto *transfer = static_cast<CurlTransfer *>(self);
    const QByteArray chunk(data, qsizetype(size * count));
    transfer->takeBody(chunk);
    if (transfer->m_stopError)
        return 0;
    return size * count;
}

void CurlTransfer::takeBody(const QByteArray &chunk) {
    m_record.sizes.responseBodyDecodedBytes += chunk.size();
    m_keptBytes += chunk.size();
    if (m_keptBytes > m_maxKeptBytes) {
        stop(responseTooLargeError(m_maxKeptBytes));
        return;
    }
    m_record.body += chunk;
    if (!m_isEventStream)
        return;
    const auto events = m_sse.feed(chunk);
    for (const auto &event : events) {
        StreamMessage message{false, elapsedUs(), event.wireBytes, QString::fromUtf8(event.event), event.data};
        m_keptBytes += event.data.size() + responselimits::kStreamMessageOverheadBytes;
        if (m_keptBytes > m_maxKeptBytes) {
            stop(responseTooLargeError(m_maxKeptBytes, QStringLiteral("The stream's events")));
            return;
        }
        m_record.messages.append(message);
        if (m_onMessage)
            m_onMessage(m_record.id, message);
    }
    if (!m_sse.errorMessage().isEmpty())
        stop({ErrorKind::Network, m_sse.errorMessage(),
              QStringLiteral("the server's event stream is broken; the call was stopped there")});
}

size_t CurlTransfer::stop(CallError error) {
    if (!m_stopError)
        m_stopError = std::move(error);
    return 0;
}

qint64 CurlTransfer::elapsedUs() const {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_started).count();
}

void CurlTransfer::fail(ErrorKind kind, const QString &message, const QString &hint) {
    m_record.error = {kind, message, hint};
    if (m_onDone)
        m_onDone(std::move(m_record));
    m_onDone = nullptr;
}

void CurlTransfer::finishCancelled() {
    collectInfo();
    // curl's clock stops at its last progress update; the call lasted until now.
    auto &timings = m_record.timings;
    timings.totalUs = std::max(timings.totalUs, elapsedUs());
    if (timings.firstByteUs) {
        const qint64 before = timings.dnsUs.value_or(0) + timings.connectUs.value_or(0) + timings.tlsUs.value_or(0) +
                              timings.sentUs.value_or(0) + *timings.firstByteUs;
        timings.downloadUs = std::max<qint64>(0, timings.totalUs - before);
    }
    fail(ErrorKind::Cancelled, QStringLiteral("Cancelled"));
}

} // namespace triptych::client
