#include "app/checks/jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>

namespace triptych::checks {

namespace {

std::optional<QString> unescapeToken(QStringView token) {
    QString out;
    for (qsizetype i = 0; i < token.size(); ++i) {
        if (token.at(i) != QLatin1Char('~')) {
            out.append(token.at(i));
            continue;
        }
        const QChar next = i + 1 < token.size() ? token.at(i + 1) : QChar();
        if (next != QLatin1Char('0') && next != QLatin1Char('1'))
            return std::nullopt;
        out.append(next == QLatin1Char('0') ? QLatin1Char('~') : QLatin1Char('/'));
        ++i;
    }
    return out;
}

// An array index is "0" or digits without a leading zero; "-" (past the end) never points at a value.
std::optional<qsizetype> arrayIndex(const QString &token) {
    if (token.isEmpty() || (token.size() > 1 && token.startsWith(QLatin1Char('0'))))
        return std::nullopt;
    for (const QChar c : token) {
        if (!c.isDigit() || c.unicode() > 0x7f)
            return std::nullopt;
    }
    bool ok = false;
    const qsizetype index = token.toLongLong(&ok);
    return ok ? std::optional(index) : std::nullopt;
}

bool failWith(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

} // namespace

std::optional<QJsonValue> resolveJsonPointer(const QJsonValue &root, QStringView pointer, QString *error) {
    if (pointer.isEmpty())
        return root;
    if (!pointer.startsWith(QLatin1Char('/'))) {
        failWith(error, QStringLiteral("a JSON Pointer starts with '/'"));
        return std::nullopt;
    }
    QJsonValue current = root;
    QString walked;
    for (const QStringView raw : pointer.mid(1).split(QLatin1Char('/'))) {
        const std::optional<QString> token = unescapeToken(raw);
        if (!token) {
            failWith(error, QStringLiteral("'~' must be followed by 0 or 1 in %1").arg(raw));
            return std::nullopt;
        }
        walked += QLatin1Char('/') + raw.toString();
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(*token);
            if (it == object.constEnd()) {
                failWith(error, QStringLiteral("no member %1 at %2").arg(*token, walked));
                return std::nullopt;
            }
            current = it.value();
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            const auto index = arrayIndex(*token);
            if (!index || *index >= array.size()) {
                failWith(error,
                         QStringLiteral("no index %1 at %2 (the array has %3)").arg(*token, walked).arg(array.size()));
                return std::nullopt;
            }
            current = array.at(*index);
        } else {
            failWith(error, QStringLiteral("%1 is not an object or array").arg(walked));
            return std::nullopt;
        }
    }
    return current;
}

} // namespace triptych::checks
