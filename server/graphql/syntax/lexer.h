#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triptych::graphql {

// One-based line and column (columns counted in UTF-16 code units, as graphql-js reports them).
struct Location {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool operator==(const Location &) const = default;
};

enum class TokenKind : std::uint8_t {
    Sof,
    Eof,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
};

struct Token {
    TokenKind kind = TokenKind::Sof;
    Location loc;
    std::string value; // names, numbers and decoded string contents
};

// A syntax error: the first one found ends the parse (spec §2).
struct SyntaxError {
    std::string message; // already prefixed with "Syntax Error: "
    Location loc;
};

// Describes a token kind the way graphql-js error messages do ("Name", "\"{\"", "<EOF>").
std::string tokenKindDescription(TokenKind kind);
// Describes a token with its value ("Name \"foo\"").
std::string tokenDescription(const Token &token);

// Turns a GraphQL source text (UTF-8) into tokens, one at a time; comments are skipped. Every step is linear in
// the text read, so refusing a hostile document at maxTokens costs no more than reading that many tokens.
class Lexer {
public:
    // maxTokens: significant tokens read before advance() fails (graphql-js's maxTokens); 0 means no limit.
    explicit Lexer(std::string_view source, std::size_t maxTokens = 0);

    // Reads the next significant token; false with error() set on a lexical error.
    bool advance();
    const Token &token() const { return m_token; }
    // Moves the current token's value out (the parser keeps names without copying).
    std::string takeValue() { return std::move(m_token.value); }
    const SyntaxError &error() const { return m_error; }
    // Location of a byte offset on the current line (or of the current position).
    Location locationAt(std::size_t offset) const;

private:
    bool readToken();
    bool fail(std::size_t offset, std::string message);
    void newLine(std::size_t nextLineStart);
    bool readNumber(std::size_t start);
    bool readDigits(std::size_t &pos);
    bool readString(std::size_t start);
    bool readEscape(std::size_t &pos, std::string &out);
    bool readBlockString(std::size_t start);
    void readName(std::size_t start);
    bool readPunctuator(std::size_t start);
    std::string describeCodePointAt(std::size_t offset) const;
    void setToken(TokenKind kind, std::size_t start);

    std::string_view m_source;
    std::size_t m_pos = 0;
    std::size_t m_lineStart = 0;
    std::uint32_t m_line = 1;
    std::size_t m_maxTokens = 0;
    std::size_t m_tokens = 0;
    // The column of the last location asked for: tokens come in order, so columns are counted on from there
    // instead of from the line's start (which made one long line quadratic).
    mutable std::size_t m_columnLineStart = 0;
    mutable std::size_t m_columnOffset = 0;
    mutable std::uint32_t m_column = 1;
    Token m_token;
    SyntaxError m_error;
};

// Applies the spec's BlockStringValue() dedent to raw lines.
std::string blockStringValue(const std::vector<std::string_view> &rawLines);

// Decodes one UTF-8 code point at offset; returns its length in bytes (0 when invalid).
std::size_t decodeUtf8(std::string_view text, std::size_t offset, std::uint32_t &codePoint);
void appendUtf8(std::string &out, std::uint32_t codePoint);

} // namespace triptych::graphql
