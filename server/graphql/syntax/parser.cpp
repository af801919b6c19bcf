#include "server/graphql/syntax/parser.h"

#include "server/graphql/syntax/parserimpl.h"

#include <array>
#include <string>

namespace triptych::graphql {

const FragmentDefinitionNode *Document::fragment(std::string_view name) const {
    if (m_indexed) {
        const auto it = m_fragmentIndex.find(name);
        return it == m_fragmentIndex.end() ? nullptr : &fragments[it->second];
    }
    for (const auto &f : fragments) // a document built by hand
        if (f.name == name)
            return &f;
    return nullptr;
}

void Document::indexFragments() {
    m_fragmentIndex.clear();
    for (std::uint32_t i = 0; i < fragments.size(); ++i)
        m_fragmentIndex.try_emplace(fragments[i].name, i);
    m_indexed = true;
}

namespace detail {

Document Parser::parseDocument() {
    next();
    Document doc;
    do {
        parseDefinition(doc);
    } while (!peek(TokenKind::Eof));
    doc.indexFragments();
    return doc;
}

ValueNode Parser::parseValueOnly() {
    next();
    ValueNode value = parseValueLiteral(true);
    expect(TokenKind::Eof);
    return value;
}

void Parser::parseDefinition(Document &doc) {
    if (peek(TokenKind::BraceL))
        return parseOperation(doc);
    const bool hasDescription = peek(TokenKind::String) || peek(TokenKind::BlockString);
    const Token keyword = hasDescription ? lookahead() : tok();
    if (hasDescription && keyword.kind == TokenKind::BraceL)
        failAt(tok().loc, "Unexpected description, descriptions are not supported on shorthand queries.");
    if (keyword.kind == TokenKind::Name) {
        static constexpr std::array kTypeSystem = {"schema", "scalar", "type",  "interface",
                                                   "union",  "enum",   "input", "directive"};
        for (const char *word : kTypeSystem)
            if (keyword.value == word)
                return parseTypeSystemDefinition(doc, keyword.value, tok().loc);
        if (keyword.value == "query" || keyword.value == "mutation" || keyword.value == "subscription")
            return parseOperation(doc);
        if (keyword.value == "fragment")
            return parseFragmentDefinition(doc);
        if (hasDescription)
            failAt(tok().loc, "Unexpected description, only GraphQL definitions support descriptions.");
        if (keyword.value == "extend")
            return parseTypeSystemExtension(doc);
    }
    unexpected(keyword);
}

OperationType Parser::parseOperationType() {
    if (!peek(TokenKind::Name))
        expect(TokenKind::Name);
    const Token &t = tok();
    OperationType type = OperationType::Query;
    if (t.kind == TokenKind::Name && t.value == "query")
        type = OperationType::Query;
    else if (t.kind == TokenKind::Name && t.value == "mutation")
        type = OperationType::Mutation;
    else if (t.kind == TokenKind::Name && t.value == "subscription")
        type = OperationType::Subscription;
    else
        unexpected(t);
    next();
    return type;
}

void Parser::parseOperation(Document &doc) {
    OperationDefinitionNode op;
    op.loc = tok().loc;
    if (!peek(TokenKind::BraceL)) {
        op.description = parseDescription();
        op.operation = parseOperationType();
        if (peek(TokenKind::Name)) {
            op.nameLoc = tok().loc;
            op.name = parseName();
        }
        optionalMany(TokenKind::ParenL, TokenKind::ParenR, [&] { op.variables.push_back(parseVariableDefinition()); });
        op.directives = parseDirectives(false);
    }
    op.selectionSet = parseSelectionSet();
    doc.order.push_back({DefinitionKind::Operation, static_cast<std::uint32_t>(doc.operations.size()), op.loc});
    doc.operations.push_back(std::move(op));
}

VariableDefinitionNode Parser::parseVariableDefinition() {
    VariableDefinitionNode def;
    def.loc = tok().loc;
    def.description = parseDescription();
    def.variableLoc = expect(TokenKind::Dollar);
    def.nameLoc = tok().loc;
    def.name = parseName();
    expect(TokenKind::Colon);
    def.type = parseTypeReference();
    if (expectOptional(TokenKind::Equals))
        def.defaultValue = parseValueLiteral(true);
    def.directives = parseDirectives(true);
    return def;
}

void Parser::parseFragmentDefinition(Document &doc) {
    FragmentDefinitionNode frag;
    frag.loc = tok().loc;
    frag.description = parseDescription();
    expectKeyword("fragment");
    if (peekKeyword("on"))
        unexpected(tok());
    frag.nameLoc = tok().loc;
    frag.name = parseName();
    expectKeyword("on");
    frag.typeConditionLoc = tok().loc;
    frag.typeCondition = parseName();
    frag.directives = parseDirectives(false);
    frag.selectionSet = parseSelectionSet();
    doc.order.push_back({DefinitionKind::Fragment, static_cast<std::uint32_t>(doc.fragments.size()), frag.loc});
    doc.fragments.push_back(std::move(frag));
}

std::vector<SelectionNode> Parser::parseSelectionSet() {
    DepthGuard guard(*this);
    std::vector<SelectionNode> selections;
    many(TokenKind::BraceL, TokenKind::BraceR, [&] { selections.push_back(parseSelection()); });
    return selections;
}

SelectionNode Parser::parseSelection() {
    if (!peek(TokenKind::Spread))
        return parseField();
    SelectionNode node;
    node.loc = tok().loc;
    next();
    const bool hasTypeCondition = expectOptionalKeyword("on");
    if (!hasTypeCondition && peek(TokenKind::Name)) {
        node.kind = SelectionKind::FragmentSpread;
        node.nameLoc = tok().loc;
        node.name = parseName();
        node.directives = parseDirectives(false);
        return node;
    }
    node.kind = SelectionKind::InlineFragment;
    if (hasTypeCondition) {
        node.typeConditionLoc = tok().loc;
        node.typeCondition = parseName();
    }
    node.directives = parseDirectives(false);
    node.selectionSetLoc = tok().loc;
    node.selectionSet = parseSelectionSet();
    node.hasSelectionSet = true;
    return node;
}

SelectionNode Parser::parseField() {
    SelectionNode node;
    node.loc = tok().loc;
    node.nameLoc = node.loc;
    std::string nameOrAlias = parseName();
    if (expectOptional(TokenKind::Colon)) {
        node.alias = std::move(nameOrAlias);
        node.nameLoc = tok().loc;
        node.name = parseName();
    } else {
        node.name = std::move(nameOrAlias);
    }
    node.arguments = parseArguments(false);
    node.directives = parseDirectives(false);
    if (peek(TokenKind::BraceL)) {
        node.selectionSetLoc = tok().loc;
        node.selectionSet = parseSelectionSet();
        node.hasSelectionSet = true;
    }
    return node;
}

std::vector<ArgumentNode> Parser::parseArguments(bool isConst) {
    std::vector<ArgumentNode> args;
    optionalMany(TokenKind::ParenL, TokenKind::ParenR, [&] {
        ArgumentNode arg;
        arg.loc = tok().loc;
        arg.name = parseName();
        expect(TokenKind::Colon);
        arg.value = parseValueLiteral(isConst);
        args.push_back(std::move(arg));
    });
    return args;
}

std::vector<DirectiveNode> Parser::parseDirectives(bool isConst) {
    std::vector<DirectiveNode> directives;
    while (peek(TokenKind::At)) {
        DirectiveNode d;
        d.loc = tok().loc;
        next();
        d.name = parseName();
        d.arguments = parseArguments(isConst);
        directives.push_back(std::move(d));
    }
    return directives;
}

ValueNode Parser::parseStringLiteral() {
    ValueNode v;
    v.kind = ValueKind::String;
    v.loc = tok().loc;
    v.block = peek(TokenKind::BlockString);
    v.text = m_lexer.takeValue();
    next();
    return v;
}

ValueNode Parser::parseValueLiteral(bool isConst) {
    DepthGuard guard(*this);
    ValueNode v;
    v.loc = tok().loc;
    switch (tok().kind) {
    case TokenKind::BracketL:
        v.kind = ValueKind::List;
        any(TokenKind::BracketL, TokenKind::BracketR, [&] { v.list.push_back(parseValueLiteral(isConst)); });
        return v;
    case TokenKind::BraceL:
        v.kind = ValueKind::Object;
        any(TokenKind::BraceL, TokenKind::BraceR, [&] {
            ObjectFieldNode field;
            field.loc = tok().loc;
            field.name = parseName();
            expect(TokenKind::Colon);
            field.value = parseValueLiteral(isConst);
            v.fields.push_back(std::move(field));
        });
        return v;
    case TokenKind::Int:
    case TokenKind::Float:
        v.kind = peek(TokenKind::Int) ? ValueKind::Int : ValueKind::Float;
        v.text = tok().value;
        next();
        return v;
    case TokenKind::String:
    case TokenKind::BlockString:
        return parseStringLiteral();
    case TokenKind::Name:
        if (tok().value == "true" || tok().value == "false") {
            v.kind = ValueKind::Boolean;
            v.boolean = tok().value == "true";
        } else if (tok().value == "null") {
            v.kind = ValueKind::Null;
        } else {
            v.kind = ValueKind::Enum;
            v.text = tok().value;
        }
        next();
        return v;
    case TokenKind::Dollar:
        next();
        if (isConst) {
            if (peek(TokenKind::Name))
                failAt(v.loc, "Unexpected variable \"$" + tok().value + "\" in constant value.");
            Token dollar;
            dollar.kind = TokenKind::Dollar;
            dollar.loc = v.loc;
            unexpected(dollar);
        }
        v.kind = ValueKind::Variable;
        v.text = parseName();
        return v;
    default:
        unexpected(tok());
    }
}

std::shared_ptr<const TypeNode> Parser::parseTypeReference() {
    DepthGuard guard(*this);
    auto type = std::make_shared<TypeNode>();
    type->loc = tok().loc;
    if (expectOptional(TokenKind::BracketL)) {
        type->kind = TypeNode::Kind::List;
        type->ofType = parseTypeReference();
        expect(TokenKind::BracketR);
    } else {
        type->name = parseName();
    }
    if (expectOptional(TokenKind::Bang)) {
        auto nonNull = std::make_shared<TypeNode>();
        nonNull->kind = TypeNode::Kind::NonNull;
        nonNull->loc = type->loc;
        nonNull->ofType = std::move(type);
        return nonNull;
    }
    return type;
}

} // namespace detail

ParseResult parse(std::string_view source, const ParseOptions &options) {
    ParseResult result;
    if (source.size() > kMaxDocumentBytes) {
        result.error = SyntaxError{
            "Syntax Error: Document exceeds the limit of " + std::to_string(kMaxDocumentBytes) + " bytes.", {1, 1}};
        return result;
    }
    try {
        detail::Parser parser(source, options.maxTokens);
        result.document = std::make_shared<const Document>(parser.parseDocument());
    } catch (const detail::ParseFailure &failure) {
        result.error = failure.error;
    }
    return result;
}

std::optional<ValueNode> parseValue(std::string_view source, SyntaxError *error) {
    try {
        detail::Parser parser(source);
        return parser.parseValueOnly();
    } catch (const detail::ParseFailure &failure) {
        if (error)
            *error = failure.error;
    }
    return std::nullopt;
}

} // namespace triptych::graphql
