#pragma once

#include "server/domain/limits.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace triptych {

// Gives freed heap memory back to the kernel after a spike. keepFreedMemoryForReuse() keeps freed pages in the
// process so that the next requests do not fault them in again; that is cheap while load lasts, but after a burst
// of big answers the process would keep its peak for good. Every interval, when the heap holds more than slackBytes
// free, malloc_trim returns the free pages of every arena: RSS comes back near its baseline within one interval.
class MemoryTrimmer {
public:
    explicit MemoryTrimmer(std::chrono::milliseconds interval = limits::kMemoryTrimInterval,
                           std::size_t slackBytes = limits::kMemoryTrimSlackBytes);
    ~MemoryTrimmer();
    MemoryTrimmer(const MemoryTrimmer &) = delete;
    MemoryTrimmer &operator=(const MemoryTrimmer &) = delete;

    // One round, as the thread runs it each interval: trims when the free heap is over the slack; true if it did.
    bool trimIfWorthIt();
    // Times it gave memory back.
    std::size_t trims() const { return m_trims.load(); }
    // Free bytes the heap holds now (mallinfo2's fordblks), what the decision is made on.
    static std::size_t freeHeapBytes();

private:
    void run();

    const std::chrono::milliseconds m_interval;
    const std::size_t m_slackBytes;
    std::atomic<std::size_t> m_trims{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace triptych
