#pragma once

#include "server/graphql/value.h"

#include <optional>
#include <string>
#include <string_view>

namespace triptych::graphql {

// Parses JSON text (variables, test data) into a Value; numbers without fraction or exponent become Int.
std::optional<Value> parseJson(std::string_view text);
// Writes a Value as compact JSON; integral floats are written as JavaScript writes them ("1", not "1.0").
std::string toJsonString(const Value &value);

} // namespace triptych::graphql
