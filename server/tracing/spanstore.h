#pragma once

#include "server/tracing/span.h"

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace triptych::tracing {

// Keeps the spans of the most recent traces in memory for /debug/traces; the oldest trace is evicted first.
// Each trace is one buffer of encoded spans in a fixed ring of slots, reused in place: a request's spans cost no
// allocation of their own and nothing they leave behind is scattered over the heap the next requests work in.
class SpanStore {
public:
    static constexpr std::size_t kDefaultMaxTraces = 2000;
    static constexpr std::size_t kDefaultMaxSpansPerTrace = 2000;
    // A slot's buffer holds this much from the start, enough for the spans of most requests (a REST call's five
    // take about 1 KiB, a GraphQL query's dozen about 3), so it is allocated once and then only reused.
    static constexpr std::size_t kSlotBytes = 4 * 1024;
    // A slot whose buffer grew past this (a trace of many or long spans) gives the memory back when reused.
    static constexpr std::size_t kMaxKeptSlotBytes = 64 * 1024;
    // Buffers only grow, so over hours every slot would keep the largest trace it ever held (up to 2,000 × 64 KiB):
    // beyond this much kept above kSlotBytes in all, a reused slot goes back to kSlotBytes (docs/reliability.md).
    static constexpr std::size_t kMaxKeptGrowthBytes = 4 * 1024 * 1024;
    // Encoded spans of one trace, and of all traces together: beyond either, new spans are dropped (counted) until
    // new traces have pushed the oldest out, so the store's memory stays bounded whatever requests come (bytes).
    static constexpr std::size_t kDefaultMaxTraceBytes = 1024 * 1024;
    static constexpr std::size_t kDefaultMaxStoreBytes = 12 * 1024 * 1024;

    explicit SpanStore(std::size_t maxTraces = kDefaultMaxTraces,
                       std::size_t maxSpansPerTrace = kDefaultMaxSpansPerTrace,
                       std::size_t maxTraceBytes = kDefaultMaxTraceBytes,
                       std::size_t maxStoreBytes = kDefaultMaxStoreBytes);

    void add(const FinishedSpan &span);
    // The trace's spans in the order they were added; empty when unknown or evicted.
    std::vector<SpanRecord> trace(const TraceId &traceId) const;
    std::size_t traceCount() const;
    std::size_t spanCount() const;
    // Spans refused because their trace was full.
    std::size_t droppedSpans() const;
    // Memory the slots' buffers hold, in bytes.
    std::size_t retainedBytes() const;

private:
    struct Slot {
        TraceId traceId{};
        std::string encoded; // the spans, as encodeSpan writes them
        std::size_t spans = 0;
    };
    struct TraceIdHash {
        std::size_t operator()(const TraceId &id) const;
    };
    Slot &slotFor(const TraceId &traceId);
    void reuse(Slot &oldest);
    static std::size_t growthOf(const std::string &buffer);

    std::size_t m_maxTraces;
    std::size_t m_maxSpansPerTrace;
    std::size_t m_maxTraceBytes;
    std::size_t m_maxStoreBytes;
    std::size_t m_storedBytes = 0; // the encoded spans of every slot
    std::size_t m_grownBytes = 0;  // what the slots' buffers hold beyond kSlotBytes each
    mutable std::mutex m_mutex;
    std::vector<Slot> m_slots; // grows to m_maxTraces, then m_nextSlot holds the oldest trace
    std::size_t m_nextSlot = 0;
    std::size_t m_lastSlot = 0; // a request's spans arrive one after another: checked before the index
    std::unordered_map<TraceId, std::size_t, TraceIdHash> m_index;
    std::size_t m_spanCount = 0;
    std::size_t m_dropped = 0;
};

} // namespace triptych::tracing
