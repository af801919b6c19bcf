#include "app/model/statusdetails.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::model {

namespace {
QString shortType(const QString &typeUrl) {
    return typeUrl.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), -1);
}

// The client prints proto field names (field_violations); other tools print JSON names (fieldViolations).
QJsonValue field(const QJsonObject &object, const char *protoName, const char *jsonName) {
    const QString proto = QString::fromLatin1(protoName);
    return object.contains(proto) ? object.value(proto) : object.value(QString::fromLatin1(jsonName));
}

void flattenDetail(const QJsonObject &detail, QList<QPair<QString, QString>> &rows) {
    const QString type = shortType(detail.value(QStringLiteral("@type")).toString());
    if (type == QStringLiteral("BadRequest")) {
        for (const auto &value : field(detail, "field_violations", "fieldViolations").toArray()) {
            const auto violation = value.toObject();
            rows.append({violation.value(QStringLiteral("field")).toString(),
                         violation.value(QStringLiteral("description")).toString()});
        }
    } else if (type == QStringLiteral("ErrorInfo")) {
        rows.append({QStringLiteral("reason"), detail.value(QStringLiteral("reason")).toString()});
        if (detail.contains(QStringLiteral("domain")))
            rows.append({QStringLiteral("domain"), detail.value(QStringLiteral("domain")).toString()});
        const auto metadata = detail.value(QStringLiteral("metadata")).toObject();
        for (auto it = metadata.begin(); it != metadata.end(); ++it)
            rows.append({it.key(), it.value().toString()});
    } else if (type == QStringLiteral("RetryInfo")) {
        rows.append({QStringLiteral("retry after"), field(detail, "retry_delay", "retryDelay").toString()});
    } else {
        QJsonObject rest = detail;
        rest.remove(QStringLiteral("@type"));
        rows.append({type, QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact))});
    }
}
} // namespace

QList<QPair<QString, QString>> flattenStatusDetails(const QByteArray &statusJson) {
    QList<QPair<QString, QString>> rows;
    const auto status = QJsonDocument::fromJson(statusJson).object();
    for (const auto &detail : status.value(QStringLiteral("details")).toArray())
        flattenDetail(detail.toObject(), rows);
    return rows;
}

} // namespace triptych::model
