#pragma once

#include "server/graphql/syntax/ast.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

namespace triptych::graphql {

// The parsed document, or the first syntax error (spec §2: parsing stops at the first error).
struct ParseResult {
    std::shared_ptr<const Document> document;
    std::optional<SyntaxError> error;

    bool ok() const { return document != nullptr; }
};

struct ParseOptions {
    // Significant tokens a document may have (graphql-js's maxTokens), counted while lexing so that refusing a
    // hostile document costs no more than reading this many tokens; 0: no limit.
    std::size_t maxTokens = 0;
};

// Parses an executable document or type system definitions (SDL); both may mix, validation decides.
ParseResult parse(std::string_view source, const ParseOptions &options = {});

// Parses one value literal (as in a default value); used for variables given as GraphQL text.
std::optional<ValueNode> parseValue(std::string_view source, SyntaxError *error = nullptr);

} // namespace triptych::graphql
