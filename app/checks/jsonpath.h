#pragma once

#include "app/checks/jsonpathast.h"
#include "app/checks/jsonpathparser.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace triptych::checks {

// An RFC 9535 JSONPath query, parsed once and evaluated on any JSON value (docs/checks.md). Object members come in
// QJsonObject's order (by key), which the RFC leaves open. Evaluation touches only its arguments: any thread.
class JsonPath {
public:
    // The query, or nothing with `error` saying what is wrong and where.
    static std::optional<JsonPath> parse(QStringView text, jsonpath::ParseError *error = nullptr);

    QString text() const { return m_text; }
    bool isSingular() const { return m_query->singular(); }
    // The nodes the query selects, in order (the RFC's nodelist), as values.
    QList<QJsonValue> select(const QJsonValue &root) const;

private:
    JsonPath(QString text, jsonpath::QueryPtr query)
        : m_text(std::move(text))
        , m_query(std::move(query)) {}
    QString m_text;
    jsonpath::QueryPtr m_query;
};

// Any JSON text, scalars included (QJsonDocument takes only objects and arrays); nothing with `error` when invalid.
std::optional<QJsonValue> parseJsonValue(const QByteArray &text, QString *error = nullptr);

// RFC 9535 §2.3.5.2.2 comparisons, shared with the checks so "equals" means the same in both: numbers by value,
// strings by code point, arrays and objects deeply.
bool jsonEqual(const QJsonValue &a, const QJsonValue &b);
bool jsonLess(const QJsonValue &a, const QJsonValue &b);

} // namespace triptych::checks
