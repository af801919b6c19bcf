#pragma once

// Internal to the parser: shared by parser.cpp (executable definitions) and schema/sdlparser.cpp (type system).
#include "server/graphql/limits.h"
#include "server/graphql/syntax/ast.h"

#include <array>
#include <string>

namespace triptych::graphql::detail {

// Thrown inside the parser only; parse() turns it into a value.
struct ParseFailure {
    SyntaxError error;
};

inline constexpr std::array kDirectiveLocations = {"QUERY",
                                                   "MUTATION",
                                                   "SUBSCRIPTION",
                                                   "FIELD",
                                                   "FRAGMENT_DEFINITION",
                                                   "FRAGMENT_SPREAD",
                                                   "INLINE_FRAGMENT",
                                                   "VARIABLE_DEFINITION",
                                                   "SCHEMA",
                                                   "SCALAR",
                                                   "OBJECT",
                                                   "FIELD_DEFINITION",
                                                   "ARGUMENT_DEFINITION",
                                                   "INTERFACE",
                                                   "UNION",
                                                   "ENUM",
                                                   "ENUM_VALUE",
                                                   "INPUT_OBJECT",
                                                   "INPUT_FIELD_DEFINITION",
                                                   "DIRECTIVE_DEFINITION"};

// Recursive descent over the grammar of spec §2 and §3, shaped like graphql-js's parser so errors match.
class Parser {
public:
    explicit Parser(std::string_view source, std::size_t maxTokens = 0)
        : m_lexer(source, maxTokens) {}

    Document parseDocument();
    ValueNode parseValueOnly();

private:
    struct DepthGuard {
        Parser &parser;
        explicit DepthGuard(Parser &p)
            : parser(p) {
            if (++parser.m_depth > kMaxParseDepthLevels)
                parser.failAt(parser.tok().loc, "Document nesting exceeds the limit of " +
                                                    std::to_string(kMaxParseDepthLevels) + " levels.");
        }
        ~DepthGuard() { --parser.m_depth; }
    };

    const Token &tok() const { return m_lexer.token(); }
    bool peek(TokenKind kind) const { return tok().kind == kind; }
    bool peekKeyword(std::string_view word) const { return peek(TokenKind::Name) && tok().value == word; }
    void next() {
        if (!m_lexer.advance())
            throw ParseFailure{m_lexer.error()};
    }
    Token lookahead() const {
        Lexer copy = m_lexer;
        if (!copy.advance())
            throw ParseFailure{copy.error()};
        return copy.token();
    }
    [[noreturn]] void failAt(Location loc, std::string message) const {
        throw ParseFailure{{"Syntax Error: " + std::move(message), loc}};
    }
    [[noreturn]] void unexpected(const Token &token) const {
        failAt(token.loc, "Unexpected " + tokenDescription(token) + ".");
    }
    Location expect(TokenKind kind) {
        if (!peek(kind))
            failAt(tok().loc, "Expected " + tokenKindDescription(kind) + ", found " + tokenDescription(tok()) + ".");
        const Location loc = tok().loc;
        next();
        return loc;
    }
    bool expectOptional(TokenKind kind) {
        if (!peek(kind))
            return false;
        next();
        return true;
    }
    void expectKeyword(std::string_view word) {
        if (!peekKeyword(word))
            failAt(tok().loc, "Expected \"" + std::string(word) + "\", found " + tokenDescription(tok()) + ".");
        next();
    }
    bool expectOptionalKeyword(std::string_view word) {
        if (!peekKeyword(word))
            return false;
        next();
        return true;
    }
    std::string parseName() {
        if (!peek(TokenKind::Name))
            expect(TokenKind::Name);
        std::string name = m_lexer.takeValue();
        next();
        return name;
    }
    NamedRef parseNamedRef() {
        const Location loc = tok().loc;
        return {parseName(), loc};
    }
    // many(): open, at least one item, close. optionalMany(): the same when `open` is present.
    template <class F> void many(TokenKind open, TokenKind close, F item) {
        expect(open);
        do {
            item();
        } while (!expectOptional(close));
    }
    template <class F> void optionalMany(TokenKind open, TokenKind close, F item) {
        if (peek(open))
            many(open, close, item);
    }
    template <class F> void any(TokenKind open, TokenKind close, F item) {
        expect(open);
        while (!expectOptional(close))
            item();
    }
    template <class F> void delimitedMany(TokenKind delimiter, F item) {
        expectOptional(delimiter);
        do {
            item();
        } while (expectOptional(delimiter));
    }

    void parseDefinition(Document &doc);
    void parseOperation(Document &doc);
    OperationType parseOperationType();
    void parseFragmentDefinition(Document &doc);
    VariableDefinitionNode parseVariableDefinition();
    std::vector<SelectionNode> parseSelectionSet();
    SelectionNode parseSelection();
    SelectionNode parseField();
    std::vector<ArgumentNode> parseArguments(bool isConst);
    std::vector<DirectiveNode> parseDirectives(bool isConst);
    ValueNode parseValueLiteral(bool isConst);
    ValueNode parseStringLiteral();
    std::shared_ptr<const TypeNode> parseTypeReference();

    std::optional<std::string> parseDescription();
    void parseTypeSystemDefinition(Document &doc, const std::string &keyword, Location start);
    void parseTypeSystemExtension(Document &doc);
    SchemaDefinitionNode parseSchemaBody(SchemaDefinitionNode node);
    TypeDefinitionNode parseTypeBody(TypeDefinitionNode node, const std::string &keyword);
    FieldDefinitionNode parseFieldDefinition();
    std::vector<InputValueDefinitionNode> parseArgumentDefinitions();
    InputValueDefinitionNode parseInputValueDefinition();
    EnumValueDefinitionNode parseEnumValueDefinition();
    void parseDirectiveDefinition(Document &doc, Location start, std::optional<std::string> description);

    Lexer m_lexer;
    std::size_t m_depth = 0;
};

} // namespace triptych::graphql::detail
