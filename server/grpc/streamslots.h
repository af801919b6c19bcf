#pragma once

#include <atomic>
#include <cstddef>

namespace triptych::rpc {

// Counts the open streaming calls against a cap; a reactor holds a Slot for its whole life.
class StreamSlots {
public:
    explicit StreamSlots(int capacity)
        : m_capacity(capacity) {}

    class Slot {
    public:
        Slot() = default;
        explicit Slot(StreamSlots *owner)
            : m_owner(owner) {}
        Slot(Slot &&other) noexcept
            : m_owner(other.m_owner) {
            other.m_owner = nullptr;
        }
        Slot &operator=(Slot &&other) noexcept;
        ~Slot() { release(); }
        explicit operator bool() const { return m_owner != nullptr; }

    private:
        void release();
        StreamSlots *m_owner = nullptr;
    };

    // An empty Slot when every slot is taken.
    Slot tryAcquire();
    int openCount() const { return m_open.load(); }
    int capacity() const { return m_capacity; }
    // Streams open in this process across every server, so tests can see that ended calls freed theirs.
    static int processOpenCount();

private:
    const int m_capacity;
    std::atomic<int> m_open{0};
};

} // namespace triptych::rpc
