#pragma once

#include "server/graphql/schema/schema.h"

#include <string>
#include <string_view>

namespace triptych::graphql {

// graphql-js's getIntrospectionQuery() with every option on (descriptions, specifiedByURL, directive repeatability,
// schema description, deprecated input values, oneOf): what buildClientSchema() needs to rebuild a schema whole.
extern const char *const kFullIntrospectionQuery;

// A schema rebuilt from an introspection result (graphql-js's buildClientSchema): `json` is either the whole
// response (`{"data":{"__schema":…}}`) or its `__schema` object. The schema has no resolvers; it serves validation,
// completion and printing. On failure `errors` says why (not JSON, an `errors` answer, an unknown type …).
SchemaResult buildClientSchema(std::string_view json);

// The SDL equivalent of an introspection result, the step buildClientSchema() builds from; empty with `error` set
// when the result is not a schema.
std::string introspectionToSdl(std::string_view json, std::string *error);

} // namespace triptych::graphql
