#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace triptych::cli {

using DataRow = QHash<QString, QString>;

// The rows of `triptych-cli run --data FILE`: a CSV file (a header line of variable names, then one line per
// iteration; RFC 4180 quoting) or a JSON array of objects (values that are not text become compact JSON).
// Empty with `error` when the file cannot be read or is not of that shape.
QList<DataRow> readDataRows(const QString &file, QString *error);
QList<DataRow> parseCsvRows(const QByteArray &text, QString *error);
QList<DataRow> parseJsonRows(const QByteArray &text, QString *error);

} // namespace triptych::cli
