#include "app/model/jsonpretty.h"

#include "app/client/wellformedutf8.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace triptych::model {

namespace {

enum CharClass : unsigned char { kOther = 0, kSpace = 1, kStringStop = 2 };

// One lookup per byte in the two hot loops: skipping whitespace and scanning string content.
constexpr std::array<unsigned char, 256> makeClasses() {
    std::array<unsigned char, 256> classes{};
    for (int c = 0; c < 0x20; ++c)
        classes[std::size_t(c)] = kStringStop; // control characters must be escaped inside strings
    classes[' '] = kSpace;
    classes['\t'] = kSpace | kStringStop;
    classes['\n'] = kSpace | kStringStop;
    classes['\r'] = kSpace | kStringStop;
    classes['"'] = kStringStop;
    classes['\\'] = kStringStop;
    return classes;
}
constexpr std::array<unsigned char, 256> kClasses = makeClasses();

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

QString tr(const char *text) {
    return QCoreApplication::translate("JsonPretty", text);
}

// A single pass: every token is validated and copied byte for byte; only whitespace between tokens is replaced.
// Containers are tracked on an explicit stack, so deep nesting cannot overflow the call stack.
class Printer {
public:
    Printer(QByteArrayView json, int indentWidth)
        : m_begin(json.data())
        , m_p(json.data())
        , m_end(json.data() + json.size())
        , m_indentWidth(std::clamp(indentWidth, 0, 8)) {
        m_newline.fill(' ', 1 + qsizetype(kMaxJsonPrettyDepth) * m_indentWidth);
        m_newline[0] = '\n';
        m_stack.reserve(64);
        // Compact JSON roughly doubles when indented; growth beyond that is handled by grow().
        const qsizetype estimate = std::min<qsizetype>(json.size() * 2 + 64, kMaxJsonPrettyOutputBytes);
        m_out.resize(estimate);
        m_w = m_out.data();
        m_cap = m_w + m_out.size();
    }

    JsonPrettyResult run() {
        JsonPrettyResult result;
        if (printDocument()) {
            m_out.truncate(m_w - m_out.data());
            result.text = std::move(m_out);
            result.ok = true;
            return result;
        }
        result.message = m_message;
        if (m_errorOffset >= 0) {
            result.errorOffset = m_errorOffset;
            locate(result);
        }
        return result;
    }

private:
    bool printDocument() {
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
            m_p += 3; // a UTF-8 byte order mark is tolerated, as most parsers do
        skipSpace();
        if (m_p == m_end)
            return fail(m_p, tr("no JSON value: the text is empty"));
        if (!value())
            return false;
        for (;;) {
            skipSpace();
            if (m_stack.empty())
                return m_p == m_end || fail(m_p, tr("extra text after the JSON value"));
            const char close = m_stack.back();
            if (m_p == m_end)
                return fail(m_p, close == '}' ? tr("the text ends inside an object: expected ',' or '}'")
                                              : tr("the text ends inside an array: expected ',' or ']'"));
            if (*m_p == ',') {
                ++m_p;
                if (!put(',') || !newline())
                    return false;
                if (close == '}' && !key())
                    return false;
                if (!value())
                    return false;
            } else if (*m_p == close) {
                ++m_p;
                m_stack.pop_back();
                if (!newline() || !put(close))
                    return false;
            } else {
                return fail(m_p, close == '}' ? tr("expected ',' or '}'") : tr("expected ',' or ']'"));
            }
        }
    }

    // Prints a scalar, or opens a container and prints up to its first member's value.
    bool value() {
        for (;;) {
            skipSpace();
            if (m_p == m_end)
                return fail(m_p, tr("the text ends where a value should be"));
            const char c = *m_p;
            if (c == '{' || c == '[') {
                const char close = c == '{' ? '}' : ']';
                const char *open = m_p++;
                skipSpace();
                if (m_p < m_end && *m_p == close) {
                    ++m_p;
                    return put(c) && put(close);
                }
                if (m_stack.size() >= std::size_t(kMaxJsonPrettyDepth))
                    return fail(open, tr("nested deeper than %1 levels").arg(kMaxJsonPrettyDepth));
                m_stack.push_back(close);
                if (!put(c) || !newline())
                    return false;
                if (c == '{' && !key())
                    return false;
                continue;
            }
            if (c == '"')
                return string();
            if (c == '-' || isDigit(c))
                return number();
            if (c == 't')
                return literal("true", 4);
            if (c == 'f')
                return literal("false", 5);
            if (c == 'n')
                return literal("null", 4);
            return fail(m_p, tr("expected a value (object, array, string, number, true, false or null)"));
        }
    }

    bool key() {
        skipSpace();
        if (m_p == m_end || *m_p != '"')
            return fail(m_p, m_p < m_end && *m_p == '}' ? tr("expected a key after ','")
                                                        : tr("expected a key in double quotes"));
        if (!string())
            return false;
        skipSpace();
        if (m_p == m_end || *m_p != ':')
            return fail(m_p, tr("expected ':' after the key"));
        ++m_p;
        return put(':') && put(' ');
    }

    bool string() {
        const char *start = m_p++;
        for (;;) {
            while (m_p < m_end && !(kClasses[uchar(*m_p)] & kStringStop))
                ++m_p;
            if (m_p == m_end)
                return fail(start, tr("the string is not closed: a '\"' is missing"));
            const char c = *m_p;
            if (c == '"')
                break;
            if (c != '\\')
                return fail(m_p, tr("a control character inside a string must be escaped"));
            if (!escape())
                return false;
        }
        ++m_p;
        return copy(start, m_p);
    }

    bool escape() {
        const char *at = m_p++;
        if (m_p == m_end)
            return fail(at, tr("the string is not closed: a '\"' is missing"));
        switch (*m_p) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            ++m_p;
            return true;
        case 'u':
            ++m_p;
            for (int i = 0; i < 4; ++i, ++m_p) {
                if (m_p == m_end || !isHex(*m_p))
                    return fail(at, tr("\\u needs four hex digits"));
            }
            return true;
        default:
            return fail(at, tr("unknown escape '\\%1'").arg(QString::fromUtf8(m_p, 1)));
        }
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, copied as written.
    bool number() {
        const char *start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return fail(start, tr("a number needs a digit after '-'"));
        if (*m_p == '0') {
            ++m_p;
            if (m_p < m_end && isDigit(*m_p))
                return fail(start, tr("a number must not start with 0"));
        } else {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail(start, tr("a number needs a digit after '.'"));
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail(start, tr("a number needs a digit in its exponent"));
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        return copy(start, m_p);
    }

    bool literal(const char *word, qsizetype length) {
        if (m_end - m_p < length || std::memcmp(m_p, word, std::size_t(length)) != 0)
            return fail(m_p, tr("expected a value (object, array, string, number, true, false or null)"));
        const char *start = m_p;
        m_p += length;
        return copy(start, m_p);
    }

    void skipSpace() {
        while (m_p < m_end && (kClasses[uchar(*m_p)] & kSpace))
            ++m_p;
    }

    bool newline() {
        const qsizetype length = 1 + qsizetype(m_stack.size()) * m_indentWidth;
        return copy(m_newline.constData(), m_newline.constData() + length);
    }

    bool put(char c) {
        if (m_w == m_cap && !grow(1))
            return false;
        *m_w++ = c;
        return true;
    }

    bool copy(const char *from, const char *to) {
        const qsizetype length = to - from;
        if (m_cap - m_w < length && !grow(length))
            return false;
        std::memcpy(m_w, from, std::size_t(length));
        m_w += length;
        return true;
    }

    bool grow(qsizetype needed) {
        const qsizetype used = m_w - m_out.data();
        if (used + needed > kMaxJsonPrettyOutputBytes) {
            m_errorOffset = -1;
            m_message = tr("the indented text would pass %1 MB").arg(kMaxJsonPrettyOutputBytes / (1024 * 1024));
            return false;
        }
        // Extrapolate from the ratio so far rather than doubling: every fresh page costs a fault, and 100 MB of
        // needless headroom is a third of the time on a VM.
        const qsizetype consumed = std::max<qsizetype>(m_p - m_begin, 1);
        const double ratio = double(used) / double(consumed);
        const auto projected = qsizetype(ratio * 1.05 * double(m_end - m_begin)) + 4096;
        const qsizetype size =
            std::min(std::max({projected, used + needed, m_out.size() + m_out.size() / 8}), kMaxJsonPrettyOutputBytes);
        m_out.resize(size);
        m_w = m_out.data() + used;
        m_cap = m_out.data() + m_out.size();
        return true;
    }

    bool fail(const char *at, const QString &message) {
        m_errorOffset = at - m_begin;
        m_message = message;
        return false;
    }

    // Lines and columns are counted only once something failed, so valid input pays nothing for them.
    void locate(JsonPrettyResult &result) const {
        int line = 1;
        int column = 1;
        for (const char *p = m_begin; p < m_begin + m_errorOffset; ++p) {
            if (*p == '\n') {
                ++line;
                column = 1;
            } else if ((uchar(*p) & 0xC0) != 0x80) {
                ++column; // UTF-8 continuation bytes belong to the character before them
            }
        }
        result.line = line;
        result.column = column;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    int m_indentWidth;
    QByteArray m_newline;      // "\n" and the spaces of the deepest indentation; a prefix of it is one line break
    std::vector<char> m_stack; // the closing bracket of each open container
    QByteArray m_out;
    char *m_w = nullptr;
    char *m_cap = nullptr;
    qsizetype m_errorOffset = -1;
    QString m_message;
};

} // namespace

QString JsonPrettyResult::errorText() const {
    if (ok)
        return {};
    if (errorOffset < 0)
        return message;
    return QCoreApplication::translate("JsonPretty", "line %1, column %2: %3").arg(line).arg(column).arg(message);
}

JsonPrettyResult prettyPrintJson(QByteArrayView json, int indentWidth) {
    JsonPrettyResult result = Printer(json, indentWidth).run();
    // Strings are copied as they came; ill-formed UTF-8 in them becomes U+FFFD so what is shown is valid JSON.
    if (result.ok)
        result.text = client::toWellFormedUtf8(result.text);
    return result;
}

QString invalidJsonNote(QByteArrayView body, const JsonPrettyResult &result) {
    if (result.ok)
        return {};
    if (result.errorOffset < 0)
        return QCoreApplication::translate("JsonPretty", "Not indented: %1 — shown as received").arg(result.message);
    qsizetype first = body.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (first < body.size() && (kClasses[uchar(body[first])] & kSpace))
        ++first;
    if (first == body.size() || (body[first] != '{' && body[first] != '['))
        return {};
    return QCoreApplication::translate("JsonPretty", "Not valid JSON at %1 — shown as received")
        .arg(result.errorText());
}

} // namespace triptych::model
