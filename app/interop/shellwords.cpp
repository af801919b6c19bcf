#include "app/interop/shellwords.h"

namespace triptych::interop {

namespace {

bool isBlank(QChar c) {
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

int hexValue(QChar c) {
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        return c.unicode() - 'a' + 10;
    if (c >= QLatin1Char('A') && c <= QLatin1Char('F'))
        return c.unicode() - 'A' + 10;
    return -1;
}

// Reads up to `maxDigits` digits of `base` at `i`; returns how many were read.
int readNumber(QStringView text, qsizetype i, int base, int maxDigits, uint *value) {
    int count = 0;
    *value = 0;
    while (count < maxDigits && i + count < text.size()) {
        const int digit = hexValue(text[i + count]);
        if (digit < 0 || digit >= base)
            break;
        *value = *value * uint(base) + uint(digit);
        ++count;
    }
    return count;
}

// Splits with one cursor; bytes from \xHH and octal escapes gather in `pendingBytes` and are decoded as UTF-8, as
// bash hands them to the program.
class Splitter {
public:
    explicit Splitter(QStringView text)
        : m_text(text) {}

    ShellWords run() {
        while (m_i < m_text.size() && m_result.ok())
            step();
        if (m_result.ok() && m_inWord)
            endWord();
        return m_result;
    }

private:
    void step() {
        const QChar c = m_text[m_i];
        if (isBlank(c)) {
            if (m_inWord)
                endWord();
            ++m_i;
        } else if (c == QLatin1Char('\\')) {
            unquotedBackslash();
        } else if (c == QLatin1Char('\'')) {
            singleQuoted();
        } else if (c == QLatin1Char('"')) {
            doubleQuoted(m_i + 1);
        } else if (c == QLatin1Char('$') && next(1) == QLatin1Char('\'')) {
            ansiQuoted();
        } else if (c == QLatin1Char('$') && next(1) == QLatin1Char('"')) {
            doubleQuoted(m_i + 2);
        } else if (!m_inWord && c == QLatin1Char('#')) {
            while (m_i < m_text.size() && m_text[m_i] != QLatin1Char('\n'))
                ++m_i;
        } else if (QStringView(u"|;&<>()`").contains(c)) {
            fail(QStringLiteral("the shell operator '%1' is not part of one curl command").arg(c), m_i);
        } else {
            append(c);
            ++m_i;
        }
    }

    QChar next(qsizetype ahead) const { return m_i + ahead < m_text.size() ? m_text[m_i + ahead] : QChar(); }

    void append(QChar c) {
        flushBytes();
        m_word.append(c);
        m_inWord = true;
    }

    void flushBytes() {
        if (!m_bytes.isEmpty())
            m_word += QString::fromUtf8(m_bytes);
        m_bytes.clear();
    }

    void endWord() {
        flushBytes();
        m_result.words.append(m_word);
        m_word.clear();
        m_inWord = false;
    }

    void fail(const QString &message, qsizetype offset) {
        m_result.error = message;
        m_result.offset = int(offset);
    }

    void unquotedBackslash() {
        if (m_i + 1 >= m_text.size()) {
            ++m_i;
            return;
        }
        const QChar escaped = m_text[m_i + 1];
        m_i += 2;
        if (escaped == QLatin1Char('\n'))
            return; // a line continuation
        if (escaped == QLatin1Char('\r') && m_i < m_text.size() && m_text[m_i] == QLatin1Char('\n')) {
            ++m_i;
            return;
        }
        append(escaped);
    }

    void singleQuoted() {
        const qsizetype start = m_i;
        const qsizetype end = m_text.indexOf(QLatin1Char('\''), m_i + 1);
        if (end < 0)
            return fail(QStringLiteral("a single quote is not closed"), start);
        m_inWord = true;
        flushBytes();
        m_word += m_text.mid(m_i + 1, end - m_i - 1);
        m_i = end + 1;
    }

    void doubleQuoted(qsizetype from) {
        const qsizetype start = m_i;
        m_i = from;
        m_inWord = true;
        while (m_i < m_text.size()) {
            const QChar c = m_text[m_i];
            if (c == QLatin1Char('"')) {
                ++m_i;
                return;
            }
            if (c == QLatin1Char('\\') && m_i + 1 < m_text.size()) {
                const QChar escaped = m_text[m_i + 1];
                if (escaped == QLatin1Char('\n')) {
                    m_i += 2;
                    continue;
                }
                if (QStringView(u"\"\\$`").contains(escaped)) {
                    append(escaped);
                    m_i += 2;
                    continue;
                }
            }
            append(c);
            ++m_i;
        }
        fail(QStringLiteral("a double quote is not closed"), start);
    }

    void ansiQuoted() {
        const qsizetype start = m_i;
        m_i += 2;
        m_inWord = true;
        while (m_i < m_text.size()) {
            const QChar c = m_text[m_i];
            if (c == QLatin1Char('\'')) {
                ++m_i;
                return;
            }
            if (c == QLatin1Char('\\') && m_i + 1 < m_text.size()) {
                ansiEscape();
                continue;
            }
            append(c);
            ++m_i;
        }
        fail(QStringLiteral("a $' quote is not closed"), start);
    }

    // At a backslash inside $'…'.
    void ansiEscape() {
        const QChar e = m_text[m_i + 1];
        m_i += 2;
        static const QString simple = QStringLiteral("abefnrtv\\'\"?");
        static const char16_t decoded[] = u"\a\b\x1b\f\n\r\t\v\\'\"?";
        if (const qsizetype at = simple.indexOf(e); at >= 0)
            return append(QChar(decoded[at]));
        uint value = 0;
        if (e == QLatin1Char('x')) {
            const int count = readNumber(m_text, m_i, 16, 2, &value);
            if (count == 0)
                return appendLiteral(u"\\x");
            m_i += count;
            m_bytes.append(char(value));
            return;
        }
        if (e == QLatin1Char('u') || e == QLatin1Char('U')) {
            const int count = readNumber(m_text, m_i, 16, e == QLatin1Char('u') ? 4 : 8, &value);
            if (count == 0 || value > 0x10FFFF)
                return appendLiteral(e == QLatin1Char('u') ? u"\\u" : u"\\U");
            m_i += count;
            flushBytes();
            m_word += QString::fromUcs4(reinterpret_cast<const char32_t *>(&value), 1);
            return;
        }
        if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
            --m_i;
            m_i += readNumber(m_text, m_i, 8, 3, &value);
            m_bytes.append(char(value & 0xFF));
            return;
        }
        appendLiteral(u"\\");
        append(e);
    }

    void appendLiteral(QStringView text) {
        for (QChar c : text)
            append(c);
    }

    QStringView m_text;
    qsizetype m_i = 0;
    ShellWords m_result;
    QString m_word;
    QByteArray m_bytes;
    bool m_inWord = false;
};

} // namespace

ShellWords splitShellWords(QStringView text) {
    return Splitter(text).run();
}

QString quoteShellWord(const QString &word) {
    static const QString safe = QStringLiteral("-_./:=@,+%");
    bool plain = !word.isEmpty();
    for (QChar c : word) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && !safe.contains(c))
            plain = false;
    }
    if (plain)
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace triptych::interop
