#pragma once

#include <chrono>
#include <cstddef>

// The REST transport's own limits and timings, each with its unit; shared limits live in server/domain/limits.h.
namespace triptych::rest::limits {

// SSE: a comment this often keeps proxies and idle timers from closing a quiet stream.
inline constexpr std::chrono::milliseconds kSseHeartbeatInterval{15'000};
// SSE: the largest pause between two existing orders a client may ask for (interval_ms).
inline constexpr int kMaxSseIntervalMs = 60'000;
// SSE: the client's reconnection delay announced with `retry:`.
inline constexpr int kSseRetryMs = 2'000;
// The longest opaque v2 cursor accepted, in characters; anything longer is not one of ours.
inline constexpr std::size_t kMaxCursorChars = 64;

} // namespace triptych::rest::limits
