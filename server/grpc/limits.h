#pragma once

#include <chrono>
#include <cstddef>

// The gRPC transport's own limits, each named with its unit and checked before work starts.
namespace triptych::rpc::limits {

// Streaming calls (StreamOrders, UploadOrders, TrackOrders) open at once; one more answers RESOURCE_EXHAUSTED.
inline constexpr int kMaxConcurrentStreams = 100;
// The share of them one connection (one client's channel) may hold, and all connections from one address other than
// loopback together, so that one client cannot take every slot.
inline constexpr int kMaxStreamsPerConnection = 25;
inline constexpr int kMaxStreamsPerAddress = 50;
// A request message above this answers RESOURCE_EXHAUSTED with details (same bound as the REST body limit).
inline constexpr std::size_t kMaxRequestMessageBytes = 1024 * 1024;
// gRPC core drops anything larger before it reaches us (plain RESOURCE_EXHAUSTED, no details possible).
inline constexpr int kTransportMaxReceiveBytes = 4 * 1024 * 1024;
inline constexpr int kMaxSendMessageBytes = 4 * 1024 * 1024;
// StreamOrders interval_ms: 0 (as fast as the client reads) up to one minute.
inline constexpr int kMaxStreamIntervalMs = 60'000;
// Items of one UploadOrders call; the summary of this many still fits well under the send limit.
inline constexpr std::size_t kMaxUploadItems = 1000;
// Orders one TrackOrders call may watch.
inline constexpr std::size_t kMaxTrackedOrders = 1000;
// Live events waiting for a slow reader of one stream; beyond this the stream ends with RESOURCE_EXHAUSTED.
inline constexpr std::size_t kMaxPendingEvents = 1024;
// What a client is told to wait when every stream slot is taken.
inline constexpr std::chrono::milliseconds kStreamSlotRetryDelay{1000};

} // namespace triptych::rpc::limits
