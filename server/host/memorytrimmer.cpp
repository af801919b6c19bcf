#include "server/host/memorytrimmer.h"

#include <malloc.h>

namespace triptych {

MemoryTrimmer::MemoryTrimmer(std::chrono::milliseconds interval, std::size_t slackBytes)
    : m_interval(interval)
    , m_slackBytes(slackBytes)
    , m_thread([this] { run(); }) {}

MemoryTrimmer::~MemoryTrimmer() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::size_t MemoryTrimmer::freeHeapBytes() {
    return mallinfo2().fordblks;
}

bool MemoryTrimmer::trimIfWorthIt() {
    if (freeHeapBytes() <= m_slackBytes)
        return false;
    malloc_trim(0);
    ++m_trims;
    return true;
}

void MemoryTrimmer::run() {
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_interval, [this] { return m_stopping; })) {
        lock.unlock();
        trimIfWorthIt();
        lock.lock();
    }
}

} // namespace triptych
