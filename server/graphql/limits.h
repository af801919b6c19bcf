#pragma once

#include <cstddef>

namespace triptych::graphql {

// Nesting of selection sets, list/object literals and type references the parser accepts (levels);
// deeper input is a syntax error so that hostile documents cannot exhaust the stack.
inline constexpr std::size_t kMaxParseDepthLevels = 128;
// Nesting of JSON arrays and objects accepted as variables or request bodies (levels); deeper JSON is refused.
inline constexpr std::size_t kMaxJsonDepthLevels = 128;
// Size of a source document the parser accepts (bytes); the HTTP layer has its own, smaller body limit.
inline constexpr std::size_t kMaxDocumentBytes = 4 * 1024 * 1024;
// Depth of fragment spreads followed while collecting fields (levels); cycles are a validation error,
// this only bounds work on documents that skipped validation.
inline constexpr std::size_t kMaxFragmentDepthLevels = 64;
// Depth of result nesting the executor completes (levels) before it reports a field error.
inline constexpr std::size_t kMaxExecutionDepthLevels = 256;
// Fragment definitions the validator visits for all operations of a document together (visits); beyond it the
// document is refused, so that many operations spreading one long chain of fragments cannot cost their product.
inline constexpr std::size_t kMaxFragmentVisits = 20000;
// Field-pair comparisons the OverlappingFieldsCanBeMerged rule makes before giving up (comparisons).
inline constexpr std::size_t kMaxOverlapComparisons = 50000;

} // namespace triptych::graphql
