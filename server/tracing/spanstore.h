#pragma once

#include "server/tracing/span.h"

#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <vector>

namespace triptych::tracing {

// Keeps the spans of the most recent traces in memory for /debug/traces; old traces are evicted first.
class SpanStore {
public:
    static constexpr std::size_t kDefaultMaxTraces = 2000;
    static constexpr std::size_t kDefaultMaxSpansPerTrace = 2000;

    explicit SpanStore(std::size_t maxTraces = kDefaultMaxTraces,
                       std::size_t maxSpansPerTrace = kDefaultMaxSpansPerTrace);

    void add(SpanRecord span);
    // The trace's spans in the order they finished; empty when unknown or evicted.
    std::vector<SpanRecord> trace(const TraceId &traceId) const;
    std::size_t traceCount() const;
    std::size_t spanCount() const;
    // Spans refused because their trace was full.
    std::size_t droppedSpans() const;

private:
    std::size_t m_maxTraces;
    std::size_t m_maxSpansPerTrace;
    mutable std::mutex m_mutex;
    std::map<TraceId, std::vector<SpanRecord>> m_traces;
    std::deque<TraceId> m_order; // arrival order of traces, for eviction
    std::size_t m_spanCount = 0;
    std::size_t m_dropped = 0;
};

} // namespace triptych::tracing
