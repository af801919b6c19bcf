#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

// Every limit of the server, named with its unit, in one place; each is checked before work starts.
namespace triptych::limits {

// HTTP front door
inline constexpr std::size_t kMaxRequestBodyBytes = 1024 * 1024; // contract: 413 over 1 MiB
inline constexpr std::size_t kMaxRequestHeaderBytes = 16 * 1024; // 431 over this
inline constexpr std::chrono::milliseconds kHttpIdleTimeout{60'000};
inline constexpr std::chrono::milliseconds kHttpReadTimeout{15'000};
inline constexpr std::chrono::milliseconds kHttpWriteTimeout{30'000};
inline constexpr int kMaxHttpConnections = 1024;
inline constexpr std::size_t kMaxStreamQueueBytes = 8 * 1024 * 1024; // per SSE / WebSocket client
inline constexpr std::chrono::milliseconds kServerStopGrace{500};
// gzip: bodies over this size use the fastest level, so big answers (/debug/dataset) stay cheap to compress.
inline constexpr std::size_t kFastGzipFromBytes = 64 * 1024;
inline constexpr int kGzipLevelSmall = 6;
inline constexpr int kGzipLevelLarge = 1;

// Memory: every interval, free heap memory beyond the slack goes back to the kernel (malloc_trim), so RSS returns
// near its baseline within about one interval after a spike.
inline constexpr std::chrono::milliseconds kMemoryTrimInterval{10'000};
inline constexpr std::size_t kMemoryTrimSlackBytes = 8 * 1024 * 1024;

// Paging
inline constexpr int kMinPageSize = 1;
inline constexpr int kMaxPageSize = 100;
inline constexpr int kDefaultPageSize = 20;

// Orders
inline constexpr std::int32_t kMinOrderQuantity = 1;
inline constexpr std::int32_t kMaxOrderQuantity = 1000;

// Data set
inline constexpr int kDefaultUsers = 1000;
inline constexpr int kMinUsers = 42; // user 42 with its 1,000 orders is part of the contract
inline constexpr int kMaxUsers = 1'000'000;
inline constexpr int kFriendsPerUser = 5;
inline constexpr int kOrdersOfUser42 = 1000;
inline constexpr int kMaxOrdersPerOtherUser = 20;

// SQLite
inline constexpr std::chrono::milliseconds kSqliteBusyTimeout{5'000};
// --db-latency-ms: a database further away than this is broken, not slow.
inline constexpr long long kMaxDbLatencyMs = 1000;

} // namespace triptych::limits
