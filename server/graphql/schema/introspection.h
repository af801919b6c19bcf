#pragma once

#include "server/graphql/schema/schema.h"

namespace triptych::graphql::introspection {

// Binds the resolvers of __Schema, __Type, __Field, __InputValue, __EnumValue and __Directive (spec §4.2).
void install(Schema &schema);
// The values of the meta fields `__schema` and `__type(name:)`.
Resolved schemaRef(const Schema &schema);
Resolved typeByName(const Schema &schema, std::string_view name);

} // namespace triptych::graphql::introspection
