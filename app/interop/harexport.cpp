#include "app/interop/har.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace triptych::interop {

namespace {

QJsonArray pairs(const workspace::TextPairs &list) {
    QJsonArray out;
    for (const auto &[name, value] : list)
        out.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    return out;
}

QString headerValue(const workspace::TextPairs &headers, QStringView name) {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

double ms(qint64 us) {
    return us < 0 ? -1 : double(us) / 1000.0;
}

// HAR's phases: blocked, dns, connect (TLS included, as HAR counts it), ssl, send, wait, receive; -1 where a phase
// did not happen (a reused connection), and the non-negative ones add up to the entry's time.
QJsonObject timings(const workspace::HistoryEntry &entry) {
    const qint64 tls = std::max<qint64>(entry.tlsUs, -1);
    const qint64 connect = entry.connectUs < 0 ? -1 : entry.connectUs + std::max<qint64>(tls, 0);
    const qint64 wait = std::max<qint64>(entry.firstByteUs, 0);
    const qint64 before = std::max<qint64>(entry.dnsUs, 0) + std::max<qint64>(connect, 0) + wait;
    const qint64 receive = std::max<qint64>(entry.durationUs - before, 0);
    return {{QStringLiteral("blocked"), -1},
            {QStringLiteral("dns"), ms(entry.dnsUs)},
            {QStringLiteral("connect"), ms(connect)},
            {QStringLiteral("ssl"), ms(tls)},
            {QStringLiteral("send"), 0},
            {QStringLiteral("wait"), ms(wait)},
            {QStringLiteral("receive"), ms(receive)}};
}

// Text when the bytes are UTF-8, else base64 (HAR's content.encoding).
void putText(QJsonObject &content, const QByteArray &bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (!decoder.hasError()) {
        content.insert(QStringLiteral("text"), text);
        return;
    }
    content.insert(QStringLiteral("text"), QString::fromLatin1(bytes.toBase64()));
    content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
}

QJsonObject request(const workspace::HistoryEntry &entry) {
    QJsonArray query;
    for (const auto &[name, value] : QUrlQuery(QUrl(entry.url)).queryItems(QUrl::FullyDecoded))
        query.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    QJsonObject out{{QStringLiteral("method"), entry.method},
                    {QStringLiteral("url"), entry.url},
                    {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                    {QStringLiteral("cookies"), QJsonArray()},
                    {QStringLiteral("headers"), pairs(entry.requestHeaders)},
                    {QStringLiteral("queryString"), query},
                    {QStringLiteral("headersSize"), -1},
                    {QStringLiteral("bodySize"), entry.requestBody.size()}};
    if (!entry.requestBody.isEmpty()) {
        QJsonObject postData{{QStringLiteral("mimeType"), headerValue(entry.requestHeaders, u"Content-Type")}};
        putText(postData, entry.requestBody);
        postData.remove(QStringLiteral("encoding")); // postData has no encoding: a binary body is kept as base64 text
        out.insert(QStringLiteral("postData"), postData);
    }
    return out;
}

QJsonObject response(const workspace::HistoryEntry &entry) {
    QJsonObject content{{QStringLiteral("size"), entry.responseBodyBytes},
                        {QStringLiteral("mimeType"), headerValue(entry.responseHeaders, u"Content-Type")}};
    putText(content, entry.responseBody);
    if (entry.responseBodyTruncated)
        content.insert(QStringLiteral("comment"), QStringLiteral("truncated by the history's size limit"));
    const QString statusText = entry.statusText.section(QLatin1Char(' '), 1);
    return {{QStringLiteral("status"), std::max(entry.status, 0)},
            {QStringLiteral("statusText"), entry.error.isEmpty() ? statusText : entry.error},
            {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), pairs(entry.responseHeaders)},
            {QStringLiteral("content"), content},
            {QStringLiteral("redirectURL"), headerValue(entry.responseHeaders, u"Location")},
            {QStringLiteral("headersSize"), -1},
            {QStringLiteral("bodySize"), entry.responseBytes > 0 ? entry.responseBytes : -1}};
}

} // namespace

HarExport exportHar(const QList<workspace::HistoryEntry> &entries, const QString &creatorVersion) {
    HarExport out;
    QList<workspace::HistoryEntry> sorted = entries;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.startedAtMs < b.startedAtMs; });
    QJsonArray list;
    for (const workspace::HistoryEntry &entry : sorted) {
        const bool http =
            entry.url.startsWith(QLatin1String("http://")) || entry.url.startsWith(QLatin1String("https://"));
        if (entry.style == workspace::RequestStyle::Grpc || !http) {
            out.skipped << QStringLiteral("%1 %2: HAR holds HTTP requests, not %3")
                               .arg(entry.method, entry.url,
                                    entry.style == workspace::RequestStyle::Grpc ? QStringLiteral("gRPC calls")
                                                                                 : QStringLiteral("WebSocket calls"));
            continue;
        }
        const double total = double(entry.durationUs) / 1000.0;
        list.append(
            QJsonObject{{QStringLiteral("startedDateTime"),
                         QDateTime::fromMSecsSinceEpoch(entry.startedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                        {QStringLiteral("time"), total},
                        {QStringLiteral("request"), request(entry)},
                        {QStringLiteral("response"), response(entry)},
                        {QStringLiteral("cache"), QJsonObject()},
                        {QStringLiteral("timings"), timings(entry)}});
    }
    const QJsonObject log{{QStringLiteral("version"), QStringLiteral("1.2")},
                          {QStringLiteral("creator"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Triptych")},
                                                                  {QStringLiteral("version"), creatorVersion}}},
                          {QStringLiteral("entries"), list}};
    out.har = QJsonDocument(QJsonObject{{QStringLiteral("log"), log}}).toJson(QJsonDocument::Indented);
    return out;
}

} // namespace triptych::interop
