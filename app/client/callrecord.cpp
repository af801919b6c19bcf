#include "app/client/callrecord.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>

namespace triptych::client {

QByteArray CallRecord::header(const QByteArray &name) const {
    for (const auto &[key, value] : responseHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    for (const auto &[key, value] : trailers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

int CallRecord::serverSpanCount() const {
    int count = 0;
    for (const auto &span : spans)
        count += span.fromServer ? 1 : 0;
    return count;
}

QString toString(CallKind kind) {
    switch (kind) {
    case CallKind::Rest:
        return QStringLiteral("rest");
    case CallKind::GraphQL:
        return QStringLiteral("graphql");
    case CallKind::GraphQLWebSocket:
        return QStringLiteral("graphql-ws");
    case CallKind::Grpc:
        return QStringLiteral("grpc");
    }
    return {};
}

QString toString(ErrorKind kind) {
    static const std::array names{"none",     "invalid_request", "dns",      "refused",     "tls",
                                  "timeout",  "cancelled",       "network",  "http_status", "grpc_status",
                                  "ws_close", "graphql_error",   "too_large"};
    return QString::fromLatin1(names.at(std::size_t(kind)));
}

QString grpcCodeName(int code) {
    static const std::array names{
        "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
        "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
        "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
        "DATA_LOSS", "UNAUTHENTICATED"};
    if (code < 0 || std::size_t(code) >= names.size())
        return QString::number(code);
    return QString::fromLatin1(names.at(std::size_t(code)));
}

namespace {

QJsonArray headersToJson(const HeaderList &headers) {
    QJsonArray array;
    for (const auto &[key, value] : headers)
        array.append(QJsonArray{QString::fromLatin1(key), QString::fromUtf8(value)});
    return array;
}

// A body that is JSON stays structured in the printed record; anything else is a string.
QJsonValue bodyToJson(const QByteArray &body) {
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError)
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    return QString::fromUtf8(body);
}

QJsonObject timingsToJson(const ClientTimings &timings) {
    QJsonObject object{{QStringLiteral("total_us"), timings.totalUs}};
    const auto put = [&](const char *name, const std::optional<qint64> &value) {
        if (value)
            object.insert(QString::fromLatin1(name), *value);
    };
    put("dns_us", timings.dnsUs);
    put("connect_us", timings.connectUs);
    put("tls_us", timings.tlsUs);
    put("sent_us", timings.sentUs);
    put("first_byte_us", timings.firstByteUs);
    put("download_us", timings.downloadUs);
    return object;
}

QJsonObject sizesToJson(const CallSizes &sizes) {
    return {{QStringLiteral("request_header_bytes"), sizes.requestHeaderBytes},
            {QStringLiteral("request_body_bytes"), sizes.requestBodyBytes},
            {QStringLiteral("response_header_bytes"), sizes.responseHeaderBytes},
            {QStringLiteral("response_body_wire_bytes"), sizes.responseBodyWireBytes},
            {QStringLiteral("response_body_decoded_bytes"), sizes.responseBodyDecodedBytes}};
}

QJsonArray messagesToJson(const QList<StreamMessage> &messages) {
    QJsonArray array;
    for (const auto &message : messages) {
        QJsonObject object{
            {QStringLiteral("direction"), message.outgoing ? QStringLiteral("sent") : QStringLiteral("received")},
            {QStringLiteral("offset_us"), message.offsetUs},
            {QStringLiteral("size"), message.size},
            {QStringLiteral("body"), bodyToJson(message.json())}};
        if (!message.event.isEmpty())
            object.insert(QStringLiteral("event"), message.event);
        array.append(object);
    }
    return array;
}

QJsonArray spansToJson(const QList<TraceSpan> &spans) {
    QJsonArray array;
    for (const auto &span : spans) {
        QJsonObject attributes;
        for (const auto &[key, value] : span.attributes)
            attributes.insert(key, value);
        array.append(
            QJsonObject{{QStringLiteral("name"), span.name},
                        {QStringLiteral("span_id"), span.spanId},
                        {QStringLiteral("parent_span_id"), span.parentSpanId},
                        {QStringLiteral("start_us"), span.startUs},
                        {QStringLiteral("duration_us"), span.durationUs},
                        {QStringLiteral("side"), span.fromServer ? QStringLiteral("server") : QStringLiteral("client")},
                        {QStringLiteral("attributes"), attributes}});
    }
    return array;
}

} // namespace

QJsonObject toJson(const CallRecord &record) {
    QJsonObject request{{QStringLiteral("method"), record.method},
                        {QStringLiteral("url"), record.url},
                        {QStringLiteral("headers"), headersToJson(record.requestHeaders)}};
    if (!record.requestBody.isEmpty())
        request.insert(QStringLiteral("body"), bodyToJson(record.requestBody));
    QJsonObject response{{QStringLiteral("headers"), headersToJson(record.responseHeaders)},
                         {QStringLiteral("body"), bodyToJson(record.body)}};
    if (record.httpStatus != 0)
        response.insert(QStringLiteral("status"), record.httpStatus);
    if (!record.httpVersion.isEmpty())
        response.insert(QStringLiteral("http_version"), record.httpVersion);
    if (record.grpcCode >= 0) {
        response.insert(QStringLiteral("grpc_status"), grpcCodeName(record.grpcCode));
        response.insert(QStringLiteral("grpc_message"), record.grpcMessage);
        response.insert(QStringLiteral("trailers"), headersToJson(record.trailers));
    }
    if (!record.subprotocol.isEmpty())
        response.insert(QStringLiteral("subprotocol"), record.subprotocol);
    if (record.closeCode >= 0) {
        response.insert(QStringLiteral("close_code"), record.closeCode);
        response.insert(QStringLiteral("close_reason"), record.closeReason);
    }
    if (!record.grpcDetailsJson.isEmpty())
        response.insert(QStringLiteral("grpc_details"), bodyToJson(record.grpcDetailsJson));
    if (!record.messages.isEmpty())
        response.insert(QStringLiteral("messages"), messagesToJson(record.messages));
    if (!record.redirects.isEmpty())
        response.insert(QStringLiteral("redirects"), QJsonArray::fromStringList(record.redirects));
    QJsonObject object{{QStringLiteral("kind"), toString(record.kind)},
                       {QStringLiteral("started_at_unix_ns"), QString::number(record.startedAtUnixNs)},
                       {QStringLiteral("request"), request},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("connection_reused"), record.connectionReused},
                       {QStringLiteral("timings"), timingsToJson(record.timings)},
                       {QStringLiteral("sizes"), sizesToJson(record.sizes)},
                       {QStringLiteral("trace_id"), record.traceId},
                       {QStringLiteral("spans"), spansToJson(record.spans)}};
    if (record.error.kind != ErrorKind::None)
        object.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("kind"), toString(record.error.kind)},
                                                           {QStringLiteral("message"), record.error.text()}});
    if (!record.warnings.isEmpty())
        object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(record.warnings));
    if (record.tls.secured)
        object.insert(QStringLiteral("tls"), toJson(record.tls));
    return object;
}

} // namespace triptych::client
