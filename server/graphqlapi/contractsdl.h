#pragma once

#include <string_view>

namespace triptych::graphqlapi {

// The GraphQL schema of shared/API-CONTRACT.md, exactly: no other types, fields or arguments.
extern const std::string_view kContractSdl;

} // namespace triptych::graphqlapi
