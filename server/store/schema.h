#pragma once

#include "server/domain/result.h"

namespace triptych::store {

class Connection;

// Bumped whenever the tables or their indexes change (3: orders_by_user covers every order column); a --db file of
// another version is refused, never silently rewritten.
inline constexpr int kSchemaVersion = 3;

enum class SchemaState { Empty, Current };

// Empty for a new file, Current for a Triptych database of this version, an error for anything else.
Result<SchemaState> inspectSchema(Connection &connection);
Status createSchema(Connection &connection);

} // namespace triptych::store
