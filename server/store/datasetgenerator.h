#pragma once

#include "server/domain/result.h"

#include <cstdint>

namespace triptych::store {

class Connection;

// Fills an empty schema with the contract's deterministic data set: users 1..users, user 42 with exactly 1,000
// orders, user 7 with none, every other user 0–20, five friends each. The same seed gives byte-identical rows.
Status generateDataset(Connection &connection, int users, std::uint64_t seed);

} // namespace triptych::store
