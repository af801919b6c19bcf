// Type system definitions and extensions (spec §3), the SDL half of the parser.
#include "server/graphql/syntax/parserimpl.h"

namespace triptych::graphql::detail {
namespace {

TypeDefinitionKind kindOfKeyword(const std::string &keyword) {
    if (keyword == "scalar")
        return TypeDefinitionKind::Scalar;
    if (keyword == "type")
        return TypeDefinitionKind::Object;
    if (keyword == "interface")
        return TypeDefinitionKind::Interface;
    if (keyword == "union")
        return TypeDefinitionKind::Union;
    if (keyword == "enum")
        return TypeDefinitionKind::Enum;
    return TypeDefinitionKind::InputObject;
}

} // namespace

std::optional<std::string> Parser::parseDescription() {
    if (!peek(TokenKind::String) && !peek(TokenKind::BlockString))
        return std::nullopt;
    return parseStringLiteral().text;
}

void Parser::parseTypeSystemDefinition(Document &doc, const std::string &keyword, Location start) {
    std::optional<std::string> description = parseDescription();
    if (keyword == "directive")
        return parseDirectiveDefinition(doc, start, std::move(description));
    if (keyword == "schema") {
        SchemaDefinitionNode node;
        node.description = std::move(description);
        node.loc = start;
        expectKeyword("schema");
        node = parseSchemaBody(std::move(node));
        doc.order.push_back({DefinitionKind::Schema, static_cast<std::uint32_t>(doc.schemas.size()), start});
        doc.schemas.push_back(std::move(node));
        return;
    }
    TypeDefinitionNode node;
    node.description = std::move(description);
    node.loc = start;
    node = parseTypeBody(std::move(node), keyword);
    doc.order.push_back({DefinitionKind::Type, static_cast<std::uint32_t>(doc.types.size()), start});
    doc.types.push_back(std::move(node));
}

SchemaDefinitionNode Parser::parseSchemaBody(SchemaDefinitionNode node) {
    node.directives = parseDirectives(true);
    const auto item = [&] {
        const OperationType op = parseOperationType();
        expect(TokenKind::Colon);
        node.operationTypes.emplace_back(op, parseNamedRef());
    };
    if (node.extension) {
        optionalMany(TokenKind::BraceL, TokenKind::BraceR, item);
        if (node.directives.empty() && node.operationTypes.empty())
            unexpected(tok());
    } else {
        many(TokenKind::BraceL, TokenKind::BraceR, item);
    }
    return node;
}

TypeDefinitionNode Parser::parseTypeBody(TypeDefinitionNode node, const std::string &keyword) {
    node.kind = kindOfKeyword(keyword);
    expectKeyword(keyword);
    node.name = parseName();
    if ((node.kind == TypeDefinitionKind::Object || node.kind == TypeDefinitionKind::Interface) &&
        expectOptionalKeyword("implements"))
        delimitedMany(TokenKind::Amp, [&] { node.interfaces.push_back(parseNamedRef()); });
    node.directives = parseDirectives(true);
    bool hasBody = false;
    switch (node.kind) {
    case TypeDefinitionKind::Object:
    case TypeDefinitionKind::Interface:
        optionalMany(TokenKind::BraceL, TokenKind::BraceR, [&] { node.fields.push_back(parseFieldDefinition()); });
        hasBody = !node.fields.empty() || !node.interfaces.empty();
        break;
    case TypeDefinitionKind::Union:
        if (expectOptional(TokenKind::Equals))
            delimitedMany(TokenKind::Pipe, [&] { node.members.push_back(parseNamedRef()); });
        hasBody = !node.members.empty();
        break;
    case TypeDefinitionKind::Enum:
        optionalMany(TokenKind::BraceL, TokenKind::BraceR, [&] { node.values.push_back(parseEnumValueDefinition()); });
        hasBody = !node.values.empty();
        break;
    case TypeDefinitionKind::InputObject:
        optionalMany(TokenKind::BraceL, TokenKind::BraceR,
                     [&] { node.inputFields.push_back(parseInputValueDefinition()); });
        hasBody = !node.inputFields.empty();
        break;
    case TypeDefinitionKind::Scalar:
        break;
    }
    if (node.extension && !hasBody && node.directives.empty())
        unexpected(tok());
    return node;
}

void Parser::parseTypeSystemExtension(Document &doc) {
    const Location start = tok().loc;
    const Token keyword = lookahead();
    if (keyword.kind == TokenKind::Name) {
        static constexpr std::array kKinds = {"scalar", "type", "interface", "union", "enum", "input"};
        if (keyword.value == "schema") {
            next();
            next();
            SchemaDefinitionNode node;
            node.extension = true;
            node.loc = start;
            node = parseSchemaBody(std::move(node));
            doc.order.push_back({DefinitionKind::Schema, static_cast<std::uint32_t>(doc.schemas.size()), start});
            doc.schemas.push_back(std::move(node));
            return;
        }
        for (const char *kind : kKinds) {
            if (keyword.value != kind)
                continue;
            next();
            TypeDefinitionNode node;
            node.extension = true;
            node.loc = start;
            node = parseTypeBody(std::move(node), keyword.value);
            doc.order.push_back({DefinitionKind::Type, static_cast<std::uint32_t>(doc.types.size()), start});
            doc.types.push_back(std::move(node));
            return;
        }
    }
    unexpected(keyword);
}

FieldDefinitionNode Parser::parseFieldDefinition() {
    FieldDefinitionNode field;
    field.loc = tok().loc;
    field.description = parseDescription();
    field.name = parseName();
    field.arguments = parseArgumentDefinitions();
    expect(TokenKind::Colon);
    field.type = parseTypeReference();
    field.directives = parseDirectives(true);
    return field;
}

std::vector<InputValueDefinitionNode> Parser::parseArgumentDefinitions() {
    std::vector<InputValueDefinitionNode> args;
    optionalMany(TokenKind::ParenL, TokenKind::ParenR, [&] { args.push_back(parseInputValueDefinition()); });
    return args;
}

InputValueDefinitionNode Parser::parseInputValueDefinition() {
    InputValueDefinitionNode def;
    def.loc = tok().loc;
    def.description = parseDescription();
    def.name = parseName();
    expect(TokenKind::Colon);
    def.type = parseTypeReference();
    if (expectOptional(TokenKind::Equals))
        def.defaultValue = parseValueLiteral(true);
    def.directives = parseDirectives(true);
    return def;
}

EnumValueDefinitionNode Parser::parseEnumValueDefinition() {
    EnumValueDefinitionNode def;
    def.loc = tok().loc;
    def.description = parseDescription();
    if (peek(TokenKind::Name) && (tok().value == "true" || tok().value == "false" || tok().value == "null"))
        failAt(tok().loc, tokenDescription(tok()) + " is reserved and cannot be used for an enum value.");
    def.name = parseName();
    def.directives = parseDirectives(true);
    return def;
}

void Parser::parseDirectiveDefinition(Document &doc, Location start, std::optional<std::string> description) {
    DirectiveDefinitionNode def;
    def.description = std::move(description);
    def.loc = start;
    expectKeyword("directive");
    expect(TokenKind::At);
    def.name = parseName();
    def.arguments = parseArgumentDefinitions();
    def.repeatable = expectOptionalKeyword("repeatable");
    expectKeyword("on");
    delimitedMany(TokenKind::Pipe, [&] {
        const Token locationToken = tok();
        NamedRef location = parseNamedRef();
        bool known = false;
        for (const char *name : kDirectiveLocations)
            known = known || location.name == name;
        if (!known)
            unexpected(locationToken);
        def.locations.push_back(std::move(location));
    });
    doc.order.push_back({DefinitionKind::Directive, static_cast<std::uint32_t>(doc.directives.size()), start});
    doc.directives.push_back(std::move(def));
}

} // namespace triptych::graphql::detail
