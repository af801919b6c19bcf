#pragma once

#include "server/domain/result.h"
#include "server/graphql/value.h"

#include <optional>
#include <string>
#include <string_view>

namespace triptych::graphqlapi {

// The codes of extensions.code this API answers with (besides the engine's QUERY_TOO_DEEP / _COMPLEX).
namespace code {
inline constexpr std::string_view kBadUserInput = "BAD_USER_INPUT";
inline constexpr std::string_view kUnauthenticated = "UNAUTHENTICATED";
inline constexpr std::string_view kPersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
} // namespace code

// The one mapping of a domain error to a GraphQL error code (extensions.code).
std::string_view graphqlCode(ErrorCode error);

graphql::Value codeExtensions(std::string_view code);
// A field error from a domain error: the field becomes null, the error carries path, locations and the code.
graphql::Resolved fieldError(const DomainError &error);
graphql::Resolved badUserInput(std::string message);

// An ID argument naming a positive 32-bit number; none when it is not a number (BAD_USER_INPUT), 0 when it is a
// number that can name nothing (<= 0), so "unknown id" stays null without an error.
std::optional<std::int32_t> parseId(const graphql::Value *id);
// A `first` argument: absent or null gives -1 (all), else 0..100; none when out of range.
std::optional<int> parseFirst(const graphql::Value *first);

} // namespace triptych::graphqlapi
