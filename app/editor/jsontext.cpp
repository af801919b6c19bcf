#include "app/editor/jsontext.h"

namespace triptych::editor {
namespace {

constexpr int kMaxDepth = 100; // nesting a request is read to, as protobuf's JSON parser limits it

class Reader {
public:
    explicit Reader(const QString &text)
        : m_text(text) {}

    JsonParse run() {
        JsonParse result;
        JsonNode root;
        if (value(root, 0)) {
            skipSpace();
            if (m_pos == m_text.size())
                result.root = std::move(root);
            else
                fail(QStringLiteral("unexpected text after the JSON value"));
        }
        result.errorOffset = m_errorOffset;
        result.error = m_error;
        return result;
    }

private:
    bool fail(const QString &message) {
        if (m_error.isEmpty()) {
            m_error = message;
            m_errorOffset = int(m_pos);
        }
        return false;
    }
    void skipSpace() {
        while (m_pos < m_text.size() &&
               (m_text.at(m_pos) == QLatin1Char(' ') || m_text.at(m_pos) == QLatin1Char('\n') ||
                m_text.at(m_pos) == QLatin1Char('\r') || m_text.at(m_pos) == QLatin1Char('\t')))
            ++m_pos;
    }
    bool literal(const char *word) {
        const QLatin1String expected(word);
        if (m_text.mid(m_pos, expected.size()) != expected)
            return fail(QStringLiteral("expected a value"));
        m_pos += expected.size();
        return true;
    }
    bool string(QString &out) {
        ++m_pos; // the opening quote
        while (m_pos < m_text.size() && m_text.at(m_pos) != QLatin1Char('"')) {
            const QChar c = m_text.at(m_pos);
            if (c == QLatin1Char('\n'))
                return fail(QStringLiteral("a string does not end on its line"));
            if (c == QLatin1Char('\\') && m_pos + 1 < m_text.size()) {
                const QChar e = m_text.at(m_pos + 1);
                out += e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                       : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                               : e;
                m_pos += e == QLatin1Char('u') ? 6 : 2;
                continue;
            }
            out += c;
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return fail(QStringLiteral("a string is not closed"));
        ++m_pos;
        return true;
    }
    bool number(JsonNode &node) {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() &&
               (m_text.at(m_pos).isDigit() || QStringLiteral("+-.eE").contains(m_text.at(m_pos))))
            ++m_pos;
        node.kind = JsonNode::Kind::Number;
        node.text = m_text.mid(start, m_pos - start);
        bool ok = false;
        node.text.toDouble(&ok);
        return ok || fail(QStringLiteral("\"%1\" is not a number").arg(node.text));
    }
    bool object(JsonNode &node, int depth) {
        node.kind = JsonNode::Kind::Object;
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('}'))
            return ++m_pos, true;
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) != QLatin1Char('"'))
                return fail(QStringLiteral("expected a key in quotes"));
            JsonNode::Member member;
            member.keyOffset = int(m_pos);
            if (!string(member.key))
                return false;
            skipSpace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) != QLatin1Char(':'))
                return fail(QStringLiteral("expected ':' after the key"));
            ++m_pos;
            if (!value(member.value, depth + 1))
                return false;
            node.members.append(std::move(member));
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char(','))
                ++m_pos;
            else if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('}'))
                return ++m_pos, true;
            else
                return fail(QStringLiteral("expected ',' or '}'"));
        }
    }
    bool array(JsonNode &node, int depth) {
        node.kind = JsonNode::Kind::Array;
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char(']'))
            return ++m_pos, true;
        for (;;) {
            JsonNode item;
            if (!value(item, depth + 1))
                return false;
            node.items.append(std::move(item));
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char(','))
                ++m_pos;
            else if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char(']'))
                return ++m_pos, true;
            else
                return fail(QStringLiteral("expected ',' or ']'"));
        }
    }
    bool value(JsonNode &node, int depth) {
        skipSpace();
        if (depth > kMaxDepth)
            return fail(QStringLiteral("nested too deeply"));
        node.offset = int(m_pos);
        if (m_pos >= m_text.size())
            return fail(QStringLiteral("expected a value"));
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('{'))
            return object(node, depth);
        if (c == QLatin1Char('['))
            return array(node, depth);
        if (c == QLatin1Char('"'))
            return node.kind = JsonNode::Kind::String, string(node.text);
        if (c == QLatin1Char('t') || c == QLatin1Char('f')) {
            node.kind = JsonNode::Kind::Bool;
            node.text = c == QLatin1Char('t') ? QStringLiteral("true") : QStringLiteral("false");
            return literal(c == QLatin1Char('t') ? "true" : "false");
        }
        if (c == QLatin1Char('n'))
            return node.kind = JsonNode::Kind::Null, literal("null");
        if (c.isDigit() || c == QLatin1Char('-'))
            return number(node);
        return fail(QStringLiteral("expected a value"));
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    int m_errorOffset = 0;
    QString m_error;
};

} // namespace

JsonParse parseJsonText(const QString &text) {
    return Reader(text).run();
}

std::pair<int, int> lineAndColumn(const QString &text, int offset) {
    int line = 1, lineStart = 0;
    for (int i = 0; i < offset && i < text.size(); ++i)
        if (text.at(i) == QLatin1Char('\n'))
            ++line, lineStart = i + 1;
    return {line, offset - lineStart + 1};
}

JsonCursor jsonCursor(const QString &text, int position) {
    JsonCursor cursor;
    position = std::clamp(position, 0, int(text.size()));
    int start = position;
    while (start > 0 && (text.at(start - 1).isLetterOrNumber() || text.at(start - 1) == QLatin1Char('_')))
        --start;
    QString pendingKey; // the last string read in key position
    bool afterColon = false;
    bool needComma = false; // a value is complete: only ',' or a closing bracket may follow
    for (int i = 0; i < start; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < start && text.at(j) != QLatin1Char('"'))
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            if (j >= start) { // the cursor is in this string
                cursor.inString = true;
                cursor.replaceStart = i;
                cursor.prefix = text.mid(i + 1, start - i - 1) + text.mid(start, position - start);
                break;
            }
            if (!cursor.path.isEmpty() && cursor.path.last().object && !afterColon) {
                pendingKey = text.mid(i + 1, j - i - 1);
            } else {
                if (afterColon && pendingKey == QLatin1String("@type"))
                    cursor.path.last().typeUrl = text.mid(i + 1, j - i - 1);
                afterColon = false, needComma = true;
            }
            i = j;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            const bool inObject = !cursor.path.isEmpty() && cursor.path.last().object;
            cursor.path.append({c == QLatin1Char('{'), inObject ? pendingKey : QString(), {}});
            afterColon = needComma = false;
        } else if ((c == QLatin1Char('}') || c == QLatin1Char(']')) && !cursor.path.isEmpty()) {
            cursor.path.removeLast();
            afterColon = false;
            needComma = true;
        } else if (c == QLatin1Char(':') && !cursor.path.isEmpty() && cursor.path.last().object) {
            cursor.path.last().keysGiven.append(pendingKey);
            afterColon = true;
        } else if (c == QLatin1Char(',')) {
            afterColon = needComma = false;
        } else if (!c.isSpace()) {
            afterColon = false; // a number, true, false or null was written
            needComma = true;
        }
    }
    if (!cursor.inString) {
        cursor.replaceStart = start;
        cursor.prefix = text.mid(start, position - start);
    }
    if (cursor.path.isEmpty())
        return cursor;
    const bool object = cursor.path.last().object;
    // Only a value may stand after ':' or in an array; a bare word in key position still completes a key.
    cursor.wantsValue = !needComma && (!object || afterColon);
    cursor.wantsKey = !needComma && object && !afterColon;
    if (object && afterColon)
        cursor.valueKey = pendingKey;
    return cursor;
}

} // namespace triptych::editor
