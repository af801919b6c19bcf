#pragma once

#include "server/graphql/schema/schema.h"

#include <string>

namespace triptych::graphql {

// The schema as SDL, exactly as graphql-js's printSchema() writes it (for GET /graphql/schema.graphql).
std::string printSchema(const Schema &schema);

} // namespace triptych::graphql
