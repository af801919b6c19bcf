#include "app/checks/jsonpathscanner.h"

#include <cmath>

namespace triptych::checks::jsonpath {

namespace {
constexpr qint64 kMaxExactInteger = 9007199254740991; // 2^53 - 1, I-JSON's exact integers (RFC 9535 §2.1)

bool isAlpha(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

} // namespace

bool isDigit(QChar c) {
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}
bool isNameFirst(QChar c) {
    return isAlpha(c) || c == QLatin1Char('_') || c.unicode() >= 0x80;
}
bool isNameChar(QChar c) {
    return isNameFirst(c) || isDigit(c);
}
bool isBlank(QChar c) {
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}
bool isFunctionNameChar(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('_') || isDigit(c);
}

std::optional<qint64> Scanner::parseOptionalInteger() {
    if (!isDigit(peek()) && peek() != QLatin1Char('-'))
        return std::nullopt;
    const qsizetype start = m_pos;
    eat(u'-');
    if (!isDigit(peek()))
        fail(QStringLiteral("expected a digit after '-'"));
    if (peek() == QLatin1Char('0') && (m_pos > start || isDigit(peek(1))))
        fail(m_pos > start ? QStringLiteral("-0 is not an index") : QStringLiteral("no leading zeros in an index"));
    while (isDigit(peek()))
        ++m_pos;
    bool ok = false;
    const qint64 value = m_text.mid(start, m_pos - start).toLongLong(&ok);
    if (!ok || value > kMaxExactInteger || value < -kMaxExactInteger) {
        m_pos = start;
        fail(QStringLiteral("integer outside ±(2^53 - 1)"));
    }
    return value;
}

QString Scanner::parseString() {
    const QChar quote = peek();
    ++m_pos;
    QString out;
    for (;;) {
        if (atEnd())
            fail(QStringLiteral("unterminated string"));
        const QChar c = peek();
        if (c == quote) {
            ++m_pos;
            return out;
        }
        if (c.unicode() < 0x20)
            fail(QStringLiteral("control character in a string: escape it"));
        ++m_pos;
        if (c != QLatin1Char('\\')) {
            out.append(c);
            continue;
        }
        parseEscape(quote, out);
    }
}

void Scanner::parseEscape(QChar quote, QString &out) {
    const QChar c = peek();
    ++m_pos;
    switch (c.unicode()) {
    case u'b':
        out.append(QChar(u'\b'));
        return;
    case u'f':
        out.append(QChar(u'\f'));
        return;
    case u'n':
        out.append(QChar(u'\n'));
        return;
    case u'r':
        out.append(QChar(u'\r'));
        return;
    case u't':
        out.append(QChar(u'\t'));
        return;
    case u'/':
    case u'\\':
        out.append(c);
        return;
    case u'u':
        return parseUnicodeEscape(out);
    default:
        if (c == quote && !c.isNull()) {
            out.append(c);
            return;
        }
        --m_pos;
        fail(QStringLiteral("invalid escape \\%1").arg(c));
    }
}

char16_t Scanner::parseHex4() {
    char16_t value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = QStringView(m_text.mid(m_pos, 1)).toInt(nullptr, 16);
        const QChar c = peek();
        const bool hex = isDigit(c) || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'));
        if (!hex)
            fail(QStringLiteral("expected four hexadecimal digits after \\u"));
        value = char16_t(value * 16 + digit);
        ++m_pos;
    }
    return value;
}

void Scanner::parseUnicodeEscape(QString &out) {
    const char16_t unit = parseHex4();
    if (QChar::isLowSurrogate(unit))
        fail(QStringLiteral("a low surrogate without a high one"));
    out.append(QChar(unit));
    if (!QChar::isHighSurrogate(unit))
        return;
    if (!(eat(u'\\') && eat(u'u')))
        fail(QStringLiteral("a high surrogate must be followed by \\u and a low one"));
    const char16_t low = parseHex4();
    if (!QChar::isLowSurrogate(low))
        fail(QStringLiteral("a high surrogate must be followed by a low one"));
    out.append(QChar(low));
}

QJsonValue Scanner::parseNumber() {
    const qsizetype start = m_pos;
    eat(u'-');
    if (!isDigit(peek()))
        fail(QStringLiteral("expected a digit"));
    if (eat(u'0') && isDigit(peek()))
        fail(QStringLiteral("no leading zeros in a number"));
    while (isDigit(peek()))
        ++m_pos;
    if (eat(u'.')) {
        if (!isDigit(peek()))
            fail(QStringLiteral("expected a digit after '.'"));
        while (isDigit(peek()))
            ++m_pos;
    }
    if (eat(u'e') || eat(u'E')) {
        if (!eat(u'+'))
            eat(u'-');
        if (!isDigit(peek()))
            fail(QStringLiteral("expected a digit in the exponent"));
        while (isDigit(peek()))
            ++m_pos;
    }
    const double value = m_text.mid(start, m_pos - start).toDouble();
    if (!std::isfinite(value))
        fail(QStringLiteral("number out of range"));
    return value;
}

} // namespace triptych::checks::jsonpath
