#pragma once

#include "app/checks/check.h"

#include <QJsonValue>
#include <QString>
#include <QVariant>

#include <optional>

// The eight operators on a value a check observed, apart from where the value came from (checkevaluator.h).
namespace triptych::checks {

struct Verdict {
    bool passed = false;
    QString expected; // in words: "201", "less than 500", "to match ^P", "a string"
    QString actual;   // in words: the value, its length or its type
};

// `actual` is nothing when the subject is missing; `missing` says why. Text compares with numbers by their text
// (a header "201" equals 201), numbers by value, the rest structurally.
Verdict applyOperator(Operator op, const QVariant &expected, const std::optional<QJsonValue> &actual,
                      const QString &missing);

// Compact JSON for anything but strings, which stay as they are.
QString plainText(const QJsonValue &value);
// Strings quoted, the rest as compact JSON, for messages.
QString quotedText(const QJsonValue &value);
QString jsonTypeName(const QJsonValue &value);

} // namespace triptych::checks
