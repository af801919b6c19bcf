#pragma once

#include "server/graphql/error.h"
#include "server/graphql/schema/schema.h"

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

namespace triptych::graphql {

struct CostOptions {
    // Size of a list when the field has no `first` argument, by "Type.field" or by field name
    // (the order server: users 20, orders 100, friends 5).
    std::unordered_map<std::string, std::int64_t> listSizes;
    // Size of any other list-typed field without `first` (items).
    std::int64_t defaultListSize = 1;
};

// Depth (levels of fields) and cost (each field costs the product of the sizes of the lists above it)
// of one operation, fragments expanded, `__schema`/`__type` subtrees left out.
struct QueryAnalysis {
    std::size_t depth = 0;
    std::int64_t cost = 0;
};

QueryAnalysis analyzeOperation(const Schema &schema, const Document &document, const std::string &operationName,
                               const Value &variables, const CostOptions &options);

// The error a server answers before executing when a limit is passed (extensions.code QUERY_TOO_DEEP or
// QUERY_TOO_COMPLEX), or nullopt.
std::optional<GraphQLError> checkQueryLimits(const QueryAnalysis &analysis, std::size_t maxDepthLevels,
                                             std::int64_t maxCost);

} // namespace triptych::graphql
