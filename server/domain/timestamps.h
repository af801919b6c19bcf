#pragma once

#include "server/domain/domain.h"

#include <optional>
#include <string>
#include <string_view>

namespace triptych {

// "2024-06-01T12:00:00Z": the one timestamp form of the contract (UTC, whole seconds).
std::string formatRfc3339(UnixSeconds seconds);
// Appends the same form to out without allocating a new string (hot path of JSON writers).
void appendRfc3339(std::string &out, UnixSeconds seconds);
std::optional<UnixSeconds> parseRfc3339(std::string_view text);
UnixSeconds nowSeconds();

} // namespace triptych
