#include "server/tracing/spanstore.h"

#include "server/tracing/spanencoding.h"

#include <cstring>

namespace triptych::tracing {

std::size_t SpanStore::TraceIdHash::operator()(const TraceId &id) const {
    std::uint64_t half; // trace ids are random: any eight of their bytes are a good hash
    std::memcpy(&half, id.data() + 8, sizeof half);
    return static_cast<std::size_t>(half);
}

SpanStore::SpanStore(std::size_t maxTraces, std::size_t maxSpansPerTrace, std::size_t maxTraceBytes,
                     std::size_t maxStoreBytes)
    : m_maxTraces(maxTraces > 0 ? maxTraces : 1)
    , m_maxSpansPerTrace(maxSpansPerTrace)
    , m_maxTraceBytes(maxTraceBytes)
    , m_maxStoreBytes(maxStoreBytes) {
    m_slots.reserve(m_maxTraces);
    m_index.reserve(m_maxTraces);
}

SpanStore::Slot &SpanStore::slotFor(const TraceId &traceId) {
    if (m_lastSlot < m_slots.size() && m_slots[m_lastSlot].traceId == traceId)
        return m_slots[m_lastSlot];
    if (const auto found = m_index.find(traceId); found != m_index.end()) {
        m_lastSlot = found->second;
        return m_slots[m_lastSlot];
    }
    if (m_slots.size() < m_maxTraces) {
        m_lastSlot = m_slots.size();
        m_slots.emplace_back().encoded.reserve(kSlotBytes);
    } else {
        m_lastSlot = m_nextSlot;
        m_nextSlot = (m_nextSlot + 1) % m_maxTraces;
        reuse(m_slots[m_lastSlot]);
    }
    Slot &slot = m_slots[m_lastSlot];
    slot.traceId = traceId;
    m_index.emplace(traceId, m_lastSlot);
    return slot;
}

std::size_t SpanStore::growthOf(const std::string &buffer) {
    return buffer.capacity() > kSlotBytes ? buffer.capacity() - kSlotBytes : 0;
}

void SpanStore::reuse(Slot &oldest) {
    m_index.erase(oldest.traceId);
    m_spanCount -= oldest.spans;
    m_storedBytes -= oldest.encoded.size();
    oldest.spans = 0;
    if (oldest.encoded.capacity() > kMaxKeptSlotBytes ||
        (m_grownBytes > kMaxKeptGrowthBytes && growthOf(oldest.encoded))) {
        m_grownBytes -= growthOf(oldest.encoded);
        std::string().swap(oldest.encoded);
        oldest.encoded.reserve(kSlotBytes);
    }
    oldest.encoded.clear();
}

void SpanStore::add(const FinishedSpan &span) {
    std::lock_guard lock(m_mutex);
    Slot &slot = slotFor(span.traceId);
    if (slot.spans >= m_maxSpansPerTrace) {
        ++m_dropped;
        return;
    }
    const std::size_t before = slot.encoded.size();
    const std::size_t grownBefore = growthOf(slot.encoded);
    encodeSpan(slot.encoded, span);
    m_grownBytes += growthOf(slot.encoded) - grownBefore;
    const std::size_t added = slot.encoded.size() - before;
    if (slot.encoded.size() > m_maxTraceBytes || m_storedBytes + added > m_maxStoreBytes) {
        slot.encoded.resize(before);
        if (growthOf(slot.encoded) > grownBefore) { // a dropped span leaves no grown buffer behind either
            m_grownBytes -= growthOf(slot.encoded);
            slot.encoded.shrink_to_fit();
            m_grownBytes += growthOf(slot.encoded);
        }
        ++m_dropped;
        return;
    }
    m_storedBytes += added;
    ++slot.spans;
    ++m_spanCount;
}

std::vector<SpanRecord> SpanStore::trace(const TraceId &traceId) const {
    std::vector<SpanRecord> spans;
    std::lock_guard lock(m_mutex);
    const auto found = m_index.find(traceId);
    if (found == m_index.end())
        return spans;
    const Slot &slot = m_slots[found->second];
    spans.reserve(slot.spans);
    decodeSpans(traceId, slot.encoded, spans);
    return spans;
}

std::size_t SpanStore::traceCount() const {
    std::lock_guard lock(m_mutex);
    return m_index.size();
}

std::size_t SpanStore::spanCount() const {
    std::lock_guard lock(m_mutex);
    return m_spanCount;
}

std::size_t SpanStore::droppedSpans() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

std::size_t SpanStore::retainedBytes() const {
    std::lock_guard lock(m_mutex);
    std::size_t bytes = 0;
    for (const auto &slot : m_slots)
        bytes += slot.encoded.capacity();
    return bytes;
}

} // namespace triptych::tracing
