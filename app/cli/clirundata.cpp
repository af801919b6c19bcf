#include "app/cli/clirundata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::cli {

namespace {

// RFC 4180 records: commas between fields, double quotes around fields that hold commas, quotes or line breaks.
QList<QStringList> csvRecords(const QString &text, QString *error) {
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field.append(c);
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = any = true;
        } else if (c == QLatin1Char(',')) {
            record.append(std::exchange(field, {}));
            any = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (any || !field.isEmpty()) {
                record.append(std::exchange(field, {}));
                records.append(std::exchange(record, {}));
            }
            any = false;
        } else {
            field.append(c);
            any = true;
        }
    }
    if (quoted)
        *error = QStringLiteral("a quoted field is not closed");
    if (any || !field.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

} // namespace

QList<DataRow> parseCsvRows(const QByteArray &text, QString *error) {
    QString problem;
    const QList<QStringList> records = csvRecords(QString::fromUtf8(text), &problem);
    if (!problem.isEmpty() || records.isEmpty()) {
        *error = problem.isEmpty() ? QStringLiteral("no header line") : problem;
        return {};
    }
    const QStringList names = records.first();
    QList<DataRow> rows;
    for (qsizetype line = 1; line < records.size(); ++line) {
        const QStringList &values = records.at(line);
        if (values.size() != names.size()) {
            *error = QStringLiteral("line %1 has %2 fields, the header %3")
                         .arg(line + 1)
                         .arg(values.size())
                         .arg(names.size());
            return {};
        }
        DataRow row;
        for (qsizetype i = 0; i < names.size(); ++i)
            row.insert(names.at(i).trimmed(), values.at(i));
        rows.append(row);
    }
    return rows;
}

QList<DataRow> parseJsonRows(const QByteArray &text, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("must be an array of objects");
        return {};
    }
    QList<DataRow> rows;
    for (const QJsonValue &entry : document.array()) {
        if (!entry.isObject()) {
            *error = QStringLiteral("must be an array of objects");
            return {};
        }
        DataRow row;
        const QJsonObject object = entry.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            row.insert(it.key(), it->isString()
                                     ? it->toString()
                                     : QString::fromUtf8(QJsonDocument(QJsonArray{*it}).toJson(QJsonDocument::Compact))
                                           .mid(1)
                                           .chopped(1));
        }
        rows.append(row);
    }
    return rows;
}

QList<DataRow> readDataRows(const QString &file, QString *error) {
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file, input.errorString());
        return {};
    }
    const QByteArray text = input.readAll();
    QString problem;
    QList<DataRow> rows = file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? parseJsonRows(text, &problem)
                                                                                     : parseCsvRows(text, &problem);
    if (!problem.isEmpty())
        *error = QStringLiteral("%1: %2").arg(file, problem);
    return rows;
}

} // namespace triptych::cli
