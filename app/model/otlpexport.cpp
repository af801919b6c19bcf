#include "app/model/otlpexport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::model {

namespace {

constexpr auto kClientTotal = "client total";
constexpr int kSpanKindInternal = 1;
constexpr int kSpanKindClient = 3;

// The parent id of the call's traceparent header ("00-<trace>-<span>-01"), empty when none was sent.
QString sentSpanId(const client::CallRecord &record) {
    for (const auto &[name, value] : record.requestHeaders) {
        if (name.compare("traceparent", Qt::CaseInsensitive) == 0) {
            const auto parts = value.split('-');
            if (parts.size() == 4)
                return QString::fromLatin1(parts.at(2));
        }
    }
    return {};
}

QString derivedSpanId(const QString &traceId, const QString &name) {
    const QByteArray hash = QCryptographicHash::hash((traceId + name).toUtf8(), QCryptographicHash::Sha1);
    return QString::fromLatin1(hash.left(8).toHex());
}

QJsonObject attributeValue(const QString &value) {
    bool isInteger = false;
    value.toLongLong(&isInteger);
    if (isInteger)
        return {{QStringLiteral("intValue"), value}}; // OTLP/JSON writes 64-bit integers as strings
    return {{QStringLiteral("stringValue"), value}};
}

QJsonObject spanToJson(const client::TraceSpan &span, const client::CallRecord &record, const QString &spanId,
                       const QString &parentSpanId, int kind) {
    const qint64 start = record.startedAtUnixNs + span.startUs * 1000;
    QJsonArray attributes;
    for (const auto &[key, value] : span.attributes)
        attributes.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), attributeValue(value)}});
    QJsonObject object{{QStringLiteral("traceId"), record.traceId},
                       {QStringLiteral("spanId"), spanId},
                       {QStringLiteral("name"), span.name},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("startTimeUnixNano"), QString::number(start)},
                       {QStringLiteral("endTimeUnixNano"), QString::number(start + span.durationUs * 1000)},
                       {QStringLiteral("attributes"), attributes}};
    if (!parentSpanId.isEmpty())
        object.insert(QStringLiteral("parentSpanId"), parentSpanId);
    return object;
}

QJsonObject resourceSpans(const QString &serviceName, const QString &scopeName, const QJsonArray &spans) {
    const QJsonObject serviceAttribute{
        {QStringLiteral("key"), QStringLiteral("service.name")},
        {QStringLiteral("value"), QJsonObject{{QStringLiteral("stringValue"), serviceName}}}};
    return {{QStringLiteral("resource"), QJsonObject{{QStringLiteral("attributes"), QJsonArray{serviceAttribute}}}},
            {QStringLiteral("scopeSpans"),
             QJsonArray{QJsonObject{{QStringLiteral("scope"), QJsonObject{{QStringLiteral("name"), scopeName}}},
                                    {QStringLiteral("spans"), spans}}}}};
}

} // namespace

QByteArray traceToOtlpJson(const client::CallRecord &record) {
    QString clientId = sentSpanId(record);
    if (clientId.isEmpty())
        clientId = derivedSpanId(record.traceId, QString::fromLatin1(kClientTotal));
    QJsonArray clientSpans;
    QJsonArray serverSpans;
    for (const auto &span : record.spans) {
        if (span.fromServer) {
            serverSpans.append(
                spanToJson(span, record, span.spanId.isEmpty() ? derivedSpanId(record.traceId, span.name) : span.spanId,
                           span.parentSpanId, kSpanKindInternal));
        } else if (span.name == QLatin1String(kClientTotal)) {
            clientSpans.append(spanToJson(span, record, clientId, {}, kSpanKindClient));
        } else {
            clientSpans.append(
                spanToJson(span, record, derivedSpanId(record.traceId, span.name), clientId, kSpanKindInternal));
        }
    }
    QJsonArray resources{resourceSpans(QStringLiteral("triptych"), QStringLiteral("triptych.client"), clientSpans)};
    if (!serverSpans.isEmpty())
        resources.append(
            resourceSpans(QStringLiteral("triptych-server"), QStringLiteral("triptych.server"), serverSpans));
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceSpans"), resources}}).toJson(QJsonDocument::Indented);
}

} // namespace triptych::model
