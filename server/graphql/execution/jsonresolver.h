#pragma once

#include "server/graphql/schema/schema.h"

namespace triptych::graphql {

// A default resolver over JSON-like data: the parent is a `const Value *` object and a field reads the
// member of its name, like graphql-js's default resolver reads a property. Objects carry their concrete
// type in a "__typename" member; {"__error": msg, "extensions": {...}} becomes a field error and
// {"__args": true} answers the field's coerced arguments as JSON text. Tests, fuzzers and demos use it.
Resolver jsonFieldResolver();
// The ObjectRef of a JSON object (root values).
ObjectRef jsonObject(const Value &object);

} // namespace triptych::graphql
