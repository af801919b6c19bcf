#include "app/client/curltransfer.h"
#include "app/client/curltls.h"

#include "app/client/curlproxy.h"
#include "app/client/responselimit.h"

#include <QFile>
#include <QUrl>
#include <QUrlQuery>

#include <curl/curl.h>

#include <algorithm>
#include <ctime>

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

constexpr unsigned kCurlReusesH2cSince = 0x075900; // 7.89.0

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
    // libcurl before 7.89 fails every request that reuses an h2c prior-knowledge connection ("Error in the HTTP2
    // framing layer": it stacks a second HTTP/2 layer on it, curl pull request 10643), so each gets one of its own.
    if (m_request.httpVersion == HttpVersion::Http2PriorKnowledge &&
        curl_version_info(CURLVERSION_NOW)->version_num < kCurlReusesH2cSince) {
        curl_easy_setopt(m_easy, CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(m_easy, CURLOPT_FORBID_REUSE, 1L);
    }
    if (m_request.acceptGzip)
        curl_easy_setopt(m_easy, CURLOPT_ACCEPT_ENCODING, "gzip");
    if (cookieShare) {
        curl_easy_setopt(m_easy, CURLOPT_SHARE, cookieShare);
        curl_easy_setopt(m_easy, CURLOPT_COOKIEFILE, "");
    }
    m_tlsResources = applyCurlTls(m_easy, m_request, m_record);
    setUpPhaseProbe();
    if (!setUpProxy())
        return nullptr;
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

bool CurlTransfer::setUpProxy() {
    const auto error = applyProxy(m_easy, m_request);
    if (error)
        fail(error->kind, error->message, error->hint);
    return !error;
}

namespace {
// The end of the worker's latest wait in curl_multi_poll (one worker thread per engine).
thread_local std::optional<std::chrono::steady_clock::time_point> t_pollEndedWall;
thread_local qint64 t_pollEndedCpuNs = 0;
} // namespace

CurlTransfer::Moment CurlTransfer::Moment::now() {
    timespec cpu{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    return {std::chrono::steady_clock::now(), qint64(cpu.tv_sec) * 1'000'000'000 + cpu.tv_nsec};
}

void CurlTransfer::notePollEnded() {
    const Moment now = Moment::now();
    t_pollEndedWall = now.wall;
    t_pollEndedCpuNs = now.cpuNs;
}

void CurlTransfer::setUpPhaseProbe() {
    curl_easy_setopt(m_easy, CURLOPT_PREREQFUNCTION, &CurlTransfer::onPrereq);
    curl_easy_setopt(m_easy, CURLOPT_PREREQDATA, this);
    // The debug function is only called in verbose mode; curl then prints nothing itself.
    curl_easy_setopt(m_easy, CURLOPT_DEBUGFUNCTION, &CurlTransfer::onDebug);
    curl_easy_setopt(m_easy, CURLOPT_DEBUGDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_VERBOSE, 1L);
}

int CurlTransfer::onPrereq(void *self, char *, char *, int, int) {
    static_cast<CurlTransfer *>(self)->m_writeAnchor = Moment::now(); // the request is about to be written
    return CURL_PREREQFUNC_OK;
}

// A write that wakes the server on a busy machine often lets the server run before the write returns: curl's
// report comes after the server's work. The bytes left when the write began, so the time since the moment before
// it (the request's start, the previous write, or the end of a poll) counts only while this thread was running.
void CurlTransfer::noteSent() {
    const Moment now = Moment::now();
    Moment anchor = m_writeAnchor.value_or(now);
    if (t_pollEndedWall && *t_pollEndedWall > anchor.wall)
        anchor = {*t_pollEndedWall, t_pollEndedCpuNs};
    const auto running = std::chrono::nanoseconds(std::max<qint64>(0, now.cpuNs - anchor.cpuNs));
    const auto sentAt =
        std::min(now.wall, anchor.wall + std::chrono::duration_cast<std::chrono::steady_clock::duration>(running));
    m_lastSentAt = sentAt;
    m_writeAnchor = Moment{sentAt, now.cpuNs};
}

int CurlTransfer::onDebug(CURL *, int type, char *, size_t, void *self) {
    auto *transfer = static_cast<CurlTransfer *>(self);
    // curl reports outgoing headers and body right after the socket (or the TLS layer) took them.
    switch (curl_infotype(type)) {
    case CURLINFO_HEADER_OUT:
        transfer->m_firstReceivedAt.reset(); // a new request: a redirect's hop or a retry
        transfer->noteSent();
        break;
    case CURLINFO_DATA_OUT:
        transfer->noteSent();
        break;
    case CURLINFO_HEADER_IN:
        if (!transfer->m_firstReceivedAt)
            transfer->m_firstReceivedAt = std::chrono::steady_clock::now();
        break;
    default:
        break;
    }
    return 0;
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
        if (line.left(colon).trimmed().compare("content-type", Qt::CaseInsensitive) == 0) {
            transfer->m_isEventStream = line.contains("text/event-stream");
            if (line.contains("application/grpc-web"))
                transfer->m_grpcWeb.emplace(line.contains("application/grpc-web-text"));
        }
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
    if (spoolsBody(chunk.size())) {
        spoolBody(chunk);
        return;
    }
    m_record.body += chunk;
    if (m_grpcWeb)
        return takeGrpcWebFrames(chunk);
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

void CurlTransfer::takeGrpcWebFrames(const QByteArray &chunk) {
    constexpr qint64 kFrameHeaderBytes = 5;
    for (const auto &frame : m_grpcWeb->feed(chunk)) {
        if (frame.trailers)
            continue; // read from the whole body once it is complete
        StreamMessage message{false, elapsedUs(), frame.payload.size() + kFrameHeaderBytes, {}, frame.payload};
        m_keptBytes += frame.payload.size() + responselimits::kStreamMessageOverheadBytes;
        if (m_keptBytes > m_maxKeptBytes) {
            stop(responseTooLargeError(m_maxKeptBytes, QStringLiteral("The call's messages")));
            return;
        }
        m_record.messages.append(message);
        if (m_onMessage)
            m_onMessage(m_record.id, message);
    }
    if (!m_grpcWeb->errorMessage().isEmpty())
        stop({ErrorKind::Network, m_grpcWeb->errorMessage(), QStringLiteral("the call was stopped there")});
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
