#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

// Every limit of the GraphQL API, named with its unit; each is checked before the work it bounds starts.
namespace triptych::graphqlapi::limits {

// Protection (contract): levels of fields, and cost = product of the list sizes above each field.
inline constexpr std::size_t kMaxQueryDepthLevels = 10;
inline constexpr std::int64_t kMaxQueryCost = 50'000;
// Tokens of one document (punctuators, names, values; not white space or comments), counted while lexing so that
// refusing a hostile document costs no more than reading this many (graphql-java's default; graphql-js's maxTokens).
// The introspection query of any tool has a few hundred.
inline constexpr std::size_t kMaxDocumentTokens = 15'000;
// List sizes the cost analysis assumes when a field has no `first` argument (contract).
inline constexpr std::int64_t kAssumedUsers = 20;
inline constexpr std::int64_t kAssumedOrders = 100;
inline constexpr std::int64_t kAssumedFriends = 5;

// `first` arguments: 0..100 items, else BAD_USER_INPUT.
inline constexpr int kMaxFirst = 100;

// Automatic persisted queries: how many documents are kept (oldest evicted) and how big one may be.
inline constexpr std::size_t kMaxPersistedQueries = 10'000;
inline constexpr std::size_t kMaxPersistedQueryBytes = 64 * 1024;
// Their texts together (10,000 of 64 KiB would be 640 MiB kept for good).
inline constexpr std::size_t kMaxPersistedQueryStoreBytes = 16 * 1024 * 1024;

// graphql-transport-ws
inline constexpr std::chrono::milliseconds kConnectionInitTimeout{3'000};
inline constexpr std::size_t kMaxSubscriptionsPerConnection = 100;
// Events waiting to be written to one slow connection before it is closed (4500), so memory stays bounded.
inline constexpr std::size_t kMaxPendingEventsPerConnection = 1'024;

} // namespace triptych::graphqlapi::limits
