#include "server/graphql/syntax/lexer.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace triptych::graphql {
namespace {

bool isNameStart(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool isNameContinue(unsigned char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
}
bool isDigit(unsigned char c) {
    return c >= '0' && c <= '9';
}

int hexDigit(unsigned char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isScalarValue(std::uint32_t cp) {
    return cp <= 0xD7FF || (cp >= 0xE000 && cp <= 0x10FFFF);
}

bool isPunctuator(TokenKind kind) {
    return kind >= TokenKind::Bang && kind <= TokenKind::BraceR;
}

} // namespace

std::size_t decodeUtf8(std::string_view text, std::size_t offset, std::uint32_t &codePoint) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[offset + i]); };
    const std::size_t left = text.size() - offset;
    const unsigned char b0 = byte(0);
    std::size_t length = 0;
    if (b0 < 0x80) {
        codePoint = b0;
        return 1;
    } else if ((b0 & 0xE0) == 0xC0) {
        length = 2;
        codePoint = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3;
        codePoint = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4;
        codePoint = b0 & 0x07;
    } else {
        return 0;
    }
    if (left < length)
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(i) & 0x3F);
    }
    static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < kMinimum[length] || !isScalarValue(codePoint))
        return 0;
    return length;
}

void appendUtf8(std::string &out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string tokenKindDescription(TokenKind kind) {
    static constexpr const char *kNames[] = {"<SOF>", "<EOF>", "!",    "$",   "&",     "(",      ")",
                                             "...",   ":",     "=",    "@",   "[",     "]",      "{",
                                             "|",     "}",     "Name", "Int", "Float", "String", "BlockString"};
    const std::string name = kNames[static_cast<int>(kind)];
    return isPunctuator(kind) ? "\"" + name + "\"" : name;
}

std::string tokenDescription(const Token &token) {
    std::string text = tokenKindDescription(token.kind);
    if (token.kind >= TokenKind::Name)
        text += " \"" + token.value + "\"";
    return text;
}

Lexer::Lexer(std::string_view source, std::size_t maxTokens)
    : m_source(source)
    , m_maxTokens(maxTokens) {
    if (m_source.substr(0, 3) == "\xEF\xBB\xBF")
        m_pos = 3; // a byte order mark is ignored (spec §2.1.1)
    m_lineStart = m_pos;
    m_columnLineStart = m_columnOffset = m_pos;
}

Location Lexer::locationAt(std::size_t offset) const {
    offset = std::min(offset, m_source.size());
    if (m_columnLineStart != m_lineStart || offset < m_columnOffset) {
        m_columnLineStart = m_columnOffset = m_lineStart;
        m_column = 1;
    }
    for (std::size_t i = m_columnOffset; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(m_source[i]);
        if ((c & 0xC0) != 0x80)
            m_column += (c >= 0xF0) ? 2 : 1; // a 4-byte sequence is a UTF-16 surrogate pair
    }
    m_columnOffset = std::max(m_columnOffset, offset);
    return {m_line, m_column};
}

bool Lexer::fail(std::size_t offset, std::string message) {
    m_error = {"Syntax Error: " + std::move(message), locationAt(offset)};
    return false;
}

void Lexer::newLine(std::size_t nextLineStart) {
    ++m_line;
    m_lineStart = nextLineStart;
}

std::string Lexer::describeCodePointAt(std::size_t offset) const {
    if (offset >= m_source.size())
        return "<EOF>";
    std::uint32_t cp = 0;
    if (decodeUtf8(m_source, offset, cp) == 0)
        cp = 0xFFFD;
    if (cp >= 0x20 && cp <= 0x7E)
        return cp == '"' ? "'\"'" : std::string("\"") + static_cast<char>(cp) + "\"";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

void Lexer::setToken(TokenKind kind, std::size_t start) {
    m_token.kind = kind;
    m_token.loc = locationAt(start);
    m_token.value.clear();
}

bool Lexer::advance() {
    if (!readToken())
        return false;
    if (m_maxTokens == 0 || m_token.kind == TokenKind::Eof || ++m_tokens <= m_maxTokens)
        return true;
    m_error = {"Syntax Error: Document contains more than " + std::to_string(m_maxTokens) + " tokens. Parsing aborted.",
               m_token.loc};
    return false;
}

bool Lexer::readToken() {
    const std::string_view s = m_source;
    while (m_pos < s.size()) {
        const auto c = static_cast<unsigned char>(s[m_pos]);
        const std::size_t start = m_pos;
        switch (c) {
        case ' ':
        case '\t':
        case ',':
            ++m_pos;
            continue;
        case '\n':
            newLine(++m_pos);
            continue;
        case '\r':
            m_pos += (m_pos + 1 < s.size() && s[m_pos + 1] == '\n') ? 2 : 1;
            newLine(m_pos);
            continue;
        case '#':
            while (m_pos < s.size() && s[m_pos] != '\n' && s[m_pos] != '\r')
                ++m_pos;
            continue;
        case 0xEF:
            if (s.substr(m_pos, 3) == "\xEF\xBB\xBF") { // U+FEFF is ignored like white space
                m_pos += 3;
                continue;
            }
            break;
        default:
            break;
        }
        if (readPunctuator(start))
            return true;
        if (c == '"')
            return s.substr(m_pos, 3) == "\"\"\"" ? readBlockString(start) : readString(start);
        if (isDigit(c) || c == '-')
            return readNumber(start);
        if (isNameStart(c)) {
            readName(start);
            return true;
        }
        if (c == '\'')
            return fail(start, "Unexpected single quote character ('), did you mean to use a double quote (\")?");
        std::uint32_t cp = 0;
        if (decodeUtf8(s, start, cp) == 0)
            return fail(start, "Invalid character: " + describeCodePointAt(start) + ".");
        return fail(start, "Unexpected character: " + describeCodePointAt(start) + ".");
    }
    setToken(TokenKind::Eof, m_pos);
    return true;
}

bool Lexer::readPunctuator(std::size_t start) {
    static constexpr struct {
        char c;
        TokenKind kind;
    } kSingles[] = {{'!', TokenKind::Bang},     {'$', TokenKind::Dollar}, {'&', TokenKind::Amp},
                    {'(', TokenKind::ParenL},   {')', TokenKind::ParenR}, {':', TokenKind::Colon},
                    {'=', TokenKind::Equals},   {'@', TokenKind::At},     {'[', TokenKind::BracketL},
                    {']', TokenKind::BracketR}, {'{', TokenKind::BraceL}, {'|', TokenKind::Pipe},
                    {'}', TokenKind::BraceR}};
    for (const auto &single : kSingles) {
        if (single.c == m_source[start]) {
            setToken(single.kind, start);
            ++m_pos;
            return true;
        }
    }
    if (m_source[start] == '.' && m_source.substr(m_pos, 3) == "...") {
        setToken(TokenKind::Spread, start);
        m_pos += 3;
        return true;
    }
    return false;
}

void Lexer::readName(std::size_t start) {
    std::size_t end = start + 1;
    while (end < m_source.size() && isNameContinue(static_cast<unsigned char>(m_source[end])))
        ++end;
    setToken(TokenKind::Name, start);
    m_token.value.assign(m_source.substr(start, end - start));
    m_pos = end;
}

bool Lexer::readDigits(std::size_t &pos) {
    if (pos >= m_source.size() || !isDigit(static_cast<unsigned char>(m_source[pos])))
        return fail(pos, "Invalid number, expected digit but got: " + describeCodePointAt(pos) + ".");
    while (pos < m_source.size() && isDigit(static_cast<unsigned char>(m_source[pos])))
        ++pos;
    return true;
}

bool Lexer::readNumber(std::size_t start) {
    const auto at = [&](std::size_t i) { return i < m_source.size() ? m_source[i] : '\0'; };
    std::size_t pos = start;
    bool isFloat = false;
    if (at(pos) == '-')
        ++pos;
    if (at(pos) == '0') {
        ++pos;
        if (isDigit(static_cast<unsigned char>(at(pos))))
            return fail(pos, "Invalid number, unexpected digit after 0: " + describeCodePointAt(pos) + ".");
    } else if (!readDigits(pos)) {
        return false;
    }
    if (at(pos) == '.') {
        isFloat = true;
        ++pos;
        if (!readDigits(pos))
            return false;
    }
    if (at(pos) == 'e' || at(pos) == 'E') {
        isFloat = true;
        ++pos;
        if (at(pos) == '+' || at(pos) == '-')
            ++pos;
        if (!readDigits(pos))
            return false;
    }
    if (at(pos) == '.' || isNameStart(static_cast<unsigned char>(at(pos))))
        return fail(pos, "Invalid number, expected digit but got: " + describeCodePointAt(pos) + ".");
    setToken(isFloat ? TokenKind::Float : TokenKind::Int, start);
    m_token.value.assign(m_source.substr(start, pos - start));
    m_pos = pos;
    return true;
}

bool Lexer::readEscape(std::size_t &pos, std::string &out) {
    const std::string_view s = m_source;
    const auto at = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
    const std::size_t start = pos;
    if (at(pos + 1) == 'u' && at(pos + 2) == '{') {
        std::uint32_t point = 0;
        std::size_t size = 3;
        while (size < 12) {
            const auto c = at(start + size++);
            if (c == '}') {
                if (size < 5 || !isScalarValue(point))
                    break;
                appendUtf8(out, point);
                pos += size;
                return true;
            }
            const int digit = hexDigit(static_cast<unsigned char>(c));
            if (digit < 0 || point > 0x0FFFFFFF)
                break;
            point = (point << 4) | static_cast<std::uint32_t>(digit);
        }
        return fail(start, "Invalid Unicode escape sequence: \"" + std::string(s.substr(start, size)) + "\".");
    }
    if (at(pos + 1) == 'u') {
        const auto read4 = [&](std::size_t p) {
            int value = 0;
            for (std::size_t i = 0; i < 4; ++i) {
                const int digit = hexDigit(static_cast<unsigned char>(at(p + i)));
                if (digit < 0)
                    return -1;
                value = (value << 4) | digit;
            }
            return value;
        };
        const int code = read4(pos + 2);
        if (code >= 0 && isScalarValue(static_cast<std::uint32_t>(code))) {
            appendUtf8(out, static_cast<std::uint32_t>(code));
            pos += 6;
            return true;
        }
        if (code >= 0xD800 && code <= 0xDBFF && at(pos + 6) == '\\' && at(pos + 7) == 'u') {
            const int trailing = read4(pos + 8);
            if (trailing >= 0xDC00 && trailing <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((static_cast<std::uint32_t>(code) - 0xD800) << 10) +
                                    (static_cast<std::uint32_t>(trailing) - 0xDC00));
                pos += 12;
                return true;
            }
        }
        return fail(start, "Invalid Unicode escape sequence: \"" + std::string(s.substr(start, 6)) + "\".");
    }
    static constexpr struct {
        char escape;
        char value;
    } kEscapes[] = {{'"', '"'},  {'\\', '\\'}, {'/', '/'},  {'b', '\b'},
                    {'f', '\f'}, {'n', '\n'},  {'r', '\r'}, {'t', '\t'}};
    for (const auto &e : kEscapes) {
        if (at(pos + 1) == static_cast<unsigned char>(e.escape)) {
            out += e.value;
            pos += 2;
            return true;
        }
    }
    return fail(start, "Invalid character escape sequence: \"" + std::string(s.substr(start, 2)) + "\".");
}

bool Lexer::readString(std::size_t start) {
    const std::string_view s = m_source;
    std::string value;
    std::size_t pos = start + 1;
    std::size_t chunk = pos;
    while (pos < s.size()) {
        const auto c = static_cast<unsigned char>(s[pos]);
        if (c == '"') {
            value.append(s.substr(chunk, pos - chunk));
            setToken(TokenKind::String, start);
            m_token.value = std::move(value);
            m_pos = pos + 1;
            return true;
        }
        if (c == '\\') {
            value.append(s.substr(chunk, pos - chunk));
            if (!readEscape(pos, value))
                return false;
            chunk = pos;
            continue;
        }
        if (c == '\n' || c == '\r')
            break;
        std::uint32_t cp = 0;
        const std::size_t length = decodeUtf8(s, pos, cp);
        if (length == 0)
            return fail(pos, "Invalid character within String: " + describeCodePointAt(pos) + ".");
        pos += length;
    }
    return fail(pos, "Unterminated string.");
}

bool Lexer::readBlockString(std::size_t start) {
    const std::string_view s = m_source;
    std::vector<std::string_view> lines;
    std::string current;
    std::vector<std::string> owned; // lines that needed \""" unescaping
    std::size_t pos = start + 3;
    std::size_t chunk = pos;
    const Location startLoc = locationAt(start);
    std::uint32_t linesSeen = 0;
    std::size_t lastLineStart = m_lineStart;
    const auto flushLine = [&](std::size_t end) {
        current.append(s.substr(chunk, end - chunk));
        owned.push_back(std::move(current));
        current.clear();
    };
    while (pos < s.size()) {
        if (s.substr(pos, 3) == "\"\"\"") {
            flushLine(pos);
            for (const auto &line : owned)
                lines.emplace_back(line);
            m_token.kind = TokenKind::BlockString;
            m_token.loc = startLoc;
            m_token.value = blockStringValue(lines);
            m_line += linesSeen;
            m_lineStart = lastLineStart;
            m_pos = pos + 3;
            return true;
        }
        if (s.substr(pos, 4) == "\\\"\"\"") {
            current.append(s.substr(chunk, pos - chunk));
            chunk = pos + 1;
            pos += 4;
            continue;
        }
        const char c = s[pos];
        if (c == '\n' || c == '\r') {
            flushLine(pos);
            pos += (c == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n') ? 2 : 1;
            chunk = pos;
            lastLineStart = pos;
            ++linesSeen;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t length = decodeUtf8(s, pos, cp);
        if (length == 0) {
            m_line += linesSeen;
            m_lineStart = lastLineStart;
            return fail(pos, "Invalid character within String: " + describeCodePointAt(pos) + ".");
        }
        pos += length;
    }
    m_line += linesSeen;
    m_lineStart = lastLineStart;
    return fail(pos, "Unterminated string.");
}

std::string blockStringValue(const std::vector<std::string_view> &lines) {
    const auto leading = [](std::string_view line) {
        std::size_t i = 0;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        return i;
    };
    std::size_t commonIndent = std::string_view::npos;
    std::optional<std::size_t> firstNonEmpty;
    std::size_t lastNonEmpty = 0;
    bool anyNonEmpty = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::size_t indent = leading(lines[i]);
        if (indent == lines[i].size())
            continue;
        if (!firstNonEmpty)
            firstNonEmpty = i;
        lastNonEmpty = i;
        anyNonEmpty = true;
        if (i != 0 && indent < commonIndent)
            commonIndent = indent;
    }
    std::string out;
    if (!anyNonEmpty)
        return out;
    for (std::size_t i = *firstNonEmpty; i <= lastNonEmpty; ++i) {
        std::string_view line = lines[i];
        if (i != 0)
            line = line.size() > commonIndent ? line.substr(commonIndent) : std::string_view();
        if (i != *firstNonEmpty)
            out += '\n';
        out.append(line);
    }
    return out;
}

} // namespace triptych::graphql
