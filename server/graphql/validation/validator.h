#pragma once

#include "server/graphql/error.h"
#include "server/graphql/schema/schema.h"
#include "server/graphql/syntax/ast.h"

#include <vector>

namespace triptych::graphql {

// Errors validation reports before it stops (graphql-js's limit, errors).
inline constexpr std::size_t kMaxValidationErrors = 100;

// Runs every rule of spec §5 over the document in one pass; an empty result means the document is valid.
// Errors come in graphql-js's order (rules visit the document in parallel).
std::vector<GraphQLError> validate(const Schema &schema, const Document &document);

} // namespace triptych::graphql
