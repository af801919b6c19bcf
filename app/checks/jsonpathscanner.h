#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <optional>

// The lexical layer of the JSONPath parser (jsonpathparser.h): position, blanks, and RFC 9535's integers, string
// literals and numbers. Errors are thrown as Failure and caught by parseQuery, never beyond it.
namespace triptych::checks::jsonpath {

struct Failure {
    QString message;
    qsizetype offset;
};

bool isDigit(QChar c);
bool isNameFirst(QChar c);
bool isNameChar(QChar c);
bool isFunctionNameChar(QChar c);
bool isBlank(QChar c); // RFC 9535's B: space, tab, line feed, carriage return

class Scanner {
public:
    explicit Scanner(QStringView text)
        : m_text(text) {}

protected:
    [[noreturn]] void fail(const QString &message) const { throw Failure{message, m_pos}; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar(); }
    bool eat(char16_t c) {
        if (peek() != QChar(c))
            return false;
        ++m_pos;
        return true;
    }
    void expect(char16_t c) {
        if (!eat(c))
            fail(atEnd() ? QStringLiteral("expected '%1' at the end").arg(QChar(c))
                         : QStringLiteral("expected '%1', found '%2'").arg(QChar(c), peek()));
    }
    void skipBlank() {
        while (!atEnd() && isBlank(peek()))
            ++m_pos;
    }

    // index = "0" / (["-"] DIGIT1 *DIGIT) within ±(2^53 - 1); nothing when no integer starts here.
    std::optional<qint64> parseOptionalInteger();
    // A single- or double-quoted string literal with its escapes resolved.
    QString parseString();
    QJsonValue parseNumber();

    QStringView m_text;
    qsizetype m_pos = 0;

private:
    void parseEscape(QChar quote, QString &out);
    char16_t parseHex4();
    void parseUnicodeEscape(QString &out);
};

} // namespace triptych::checks::jsonpath
