#pragma once

#include "server/graphql/syntax/lexer.h"
#include "server/graphql/value.h"

#include <string>
#include <variant>
#include <vector>

namespace triptych::graphql {

// One segment of a response path: a response key or a list index.
using PathSegment = std::variant<std::string, std::int64_t>;

// An error as the response carries it (spec §7.1.2): message, locations, path, extensions.
struct GraphQLError {
    std::string message;
    std::vector<Location> locations;
    std::vector<PathSegment> path;
    bool hasPath = false;
    Value extensions; // null or an Object value
};

} // namespace triptych::graphql
