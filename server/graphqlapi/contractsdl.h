#pragma once

#include <string_view>

namespace triptych::graphqlapi {

// The GraphQL schema of the contract (docs/contract.md), exactly: no other types, fields or arguments.
extern const std::string_view kContractSdl;

} // namespace triptych::graphqlapi
