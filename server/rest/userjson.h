#pragma once

#include "server/domain/domain.h"

#include <string>

namespace triptych::rest::json {

// Appends one User as JSON, byte-identical to RapidJSON's Writer (through json::Writer, so ill-formed UTF-8 becomes
// U+FFFD) for the same fields: constant keys copied as whole literals, each text scanned once for escapes. A user is
// 30 fields, 17 of them text; the generic writer looked at every byte twice and cost more than the SQL behind it.
void appendUserJson(std::string &out, const User &user);

} // namespace triptych::rest::json
