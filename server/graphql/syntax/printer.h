#pragma once

#include "server/graphql/syntax/ast.h"

#include <optional>
#include <string>

namespace triptych::graphql {

// An executable document printed as graphql-js's print() does (two-space indentation, arguments wrapped past 80
// columns): the editor's prettify. Printing is idempotent: parse(print(d)) prints the same text. Comments are not
// in the AST and are dropped, as with graphql-js. nullopt when the document holds type system definitions.
std::optional<std::string> printDocument(const Document &document);

} // namespace triptych::graphql
