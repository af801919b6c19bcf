#include "app/checks/checkoperators.h"

#include "app/checks/jsonpath.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace triptych::checks {

namespace {

std::optional<double> asNumber(const QJsonValue &value) {
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

bool looseEqual(const QJsonValue &actual, const QJsonValue &expected) {
    if (actual.isString() != expected.isString() && (actual.isString() || expected.isString())) {
        if (expected.isArray() || expected.isObject() || actual.isArray() || actual.isObject())
            return false;
        return plainText(actual) == plainText(expected);
    }
    return jsonEqual(actual, expected);
}

Verdict equalsVerdict(const QJsonValue &actual, const QJsonValue &expected, bool negate) {
    const bool equal = looseEqual(actual, expected);
    return {equal != negate, (negate ? QStringLiteral("not ") : QString()) + quotedText(expected), quotedText(actual)};
}

Verdict containsVerdict(const QJsonValue &actual, const QJsonValue &expected) {
    Verdict verdict{false, QStringLiteral("to contain ") + quotedText(expected), quotedText(actual)};
    if (actual.isString()) {
        verdict.passed = actual.toString().contains(plainText(expected));
    } else if (actual.isArray()) {
        const QJsonArray array = actual.toArray();
        verdict.passed = std::any_of(array.begin(), array.end(),
                                     [&](const QJsonValue &element) { return looseEqual(element, expected); });
    } else if (actual.isObject()) {
        verdict.expected = QStringLiteral("a member ") + plainText(expected);
        verdict.passed = actual.toObject().contains(plainText(expected));
    } else {
        verdict.actual = QStringLiteral("%1, which is %2, not text, a list or an object")
                             .arg(quotedText(actual), jsonTypeName(actual));
    }
    return verdict;
}

// A run matches the same few patterns answer after answer: each thread keeps them compiled (up to kCachedPatterns).
constexpr int kCachedPatterns = 256;

const QRegularExpression &compiled(const QString &pattern) {
    thread_local QHash<QString, QRegularExpression> cache;
    if (const auto found = cache.constFind(pattern); found != cache.constEnd())
        return *found;
    if (cache.size() >= kCachedPatterns)
        cache.clear();
    return *cache.insert(pattern, QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption));
}

Verdict matchesVerdict(const QJsonValue &actual, const QString &pattern) {
    const QRegularExpression &regex = compiled(pattern);
    if (!regex.isValid())
        return {false, QStringLiteral("to match ") + pattern,
                QStringLiteral("(the pattern is invalid: ") + regex.errorString() + QLatin1Char(')')};
    return {regex.match(plainText(actual)).hasMatch(), QStringLiteral("to match ") + pattern, quotedText(actual)};
}

std::optional<qint64> lengthOf(const QJsonValue &value) {
    if (value.isString())
        return value.toString().toUcs4().size();
    if (value.isArray())
        return value.toArray().size();
    if (value.isObject())
        return value.toObject().size();
    return std::nullopt;
}

Verdict lengthVerdict(const QJsonValue &actual, const QJsonValue &expected) {
    const auto length = lengthOf(actual);
    const QString want = QStringLiteral("length ") + plainText(expected);
    if (!length)
        return {false, want, quotedText(actual) + QStringLiteral(", which has no length")};
    const auto number = asNumber(expected);
    return {number && double(*length) == *number, want, QStringLiteral("length ") + QString::number(*length)};
}

Verdict lessThanVerdict(const QJsonValue &actual, const QJsonValue &expected) {
    const auto left = asNumber(actual);
    const auto right = asNumber(expected);
    const QString want = QStringLiteral("less than ") + plainText(expected);
    if (!left)
        return {false, want, quotedText(actual) + QStringLiteral(", which is not a number")};
    return {right && *left < *right, want, plainText(actual)};
}

} // namespace

QString plainText(const QJsonValue &value) {
    // Scalars directly: they are most of what checks compare, and a QJsonDocument per value costs microseconds.
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Undefined:
        return QStringLiteral("nothing");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::abs(number) < 9007199254740992.0 && number == std::floor(number))
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString quotedText(const QJsonValue &value) {
    return value.isString() ? QLatin1Char('"') + value.toString() + QLatin1Char('"') : plainText(value);
}

QString jsonTypeName(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

Verdict applyOperator(Operator op, const QVariant &expectedVariant, const std::optional<QJsonValue> &actual,
                      const QString &missing) {
    const QJsonValue expected = QJsonValue::fromVariant(expectedVariant);
    if (op == Operator::Exists) {
        const bool wanted = expected.isBool() ? expected.toBool() : plainText(expected) != QStringLiteral("false");
        return {actual.has_value() == wanted, wanted ? QStringLiteral("to exist") : QStringLiteral("to be absent"),
                actual ? (QStringLiteral("present: ") + quotedText(*actual)).left(200)
                       : QStringLiteral("missing: ") + missing};
    }
    if (!actual) {
        Verdict verdict = applyOperator(op, expectedVariant, QJsonValue(QJsonValue::Null), missing);
        return {op == Operator::NotEquals, verdict.expected, QStringLiteral("missing: ") + missing};
    }
    switch (op) {
    case Operator::Equals:
    case Operator::NotEquals:
        return equalsVerdict(*actual, expected, op == Operator::NotEquals);
    case Operator::Contains:
        return containsVerdict(*actual, expected);
    case Operator::Matches:
        return matchesVerdict(*actual, plainText(expected));
    case Operator::Type:
        return {jsonTypeName(*actual) == plainText(expected), QStringLiteral("a ") + plainText(expected),
                (QStringLiteral("a ") + jsonTypeName(*actual) + QStringLiteral(": ") + quotedText(*actual)).left(200)};
    case Operator::Length:
        return lengthVerdict(*actual, expected);
    case Operator::LessThan:
        return lessThanVerdict(*actual, expected);
    case Operator::Exists:
        break;
    }
    return {};
}

} // namespace triptych::checks
