#include "server/tracing/spanstore.h"

namespace triptych::tracing {

SpanStore::SpanStore(std::size_t maxTraces, std::size_t maxSpansPerTrace)
    : m_maxTraces(maxTraces)
    , m_maxSpansPerTrace(maxSpansPerTrace) {}

void SpanStore::add(SpanRecord span) {
    std::lock_guard lock(m_mutex);
    auto found = m_traces.find(span.traceId);
    if (found == m_traces.end()) {
        while (m_traces.size() >= m_maxTraces && !m_order.empty()) {
            const auto oldest = m_traces.find(m_order.front());
            if (oldest != m_traces.end()) {
                m_spanCount -= oldest->second.size();
                m_traces.erase(oldest);
            }
            m_order.pop_front();
        }
        m_order.push_back(span.traceId);
        found = m_traces.emplace(span.traceId, std::vector<SpanRecord>()).first;
    }
    if (found->second.size() >= m_maxSpansPerTrace) {
        ++m_dropped;
        return;
    }
    found->second.push_back(std::move(span));
    ++m_spanCount;
}

std::vector<SpanRecord> SpanStore::trace(const TraceId &traceId) const {
    std::lock_guard lock(m_mutex);
    const auto found = m_traces.find(traceId);
    return found == m_traces.end() ? std::vector<SpanRecord>() : found->second;
}

std::size_t SpanStore::traceCount() const {
    std::lock_guard lock(m_mutex);
    return m_traces.size();
}

std::size_t SpanStore::spanCount() const {
    std::lock_guard lock(m_mutex);
    return m_spanCount;
}

std::size_t SpanStore::droppedSpans() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace triptych::tracing
