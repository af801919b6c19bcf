#pragma once

#include <memory>
#include <mutex>

namespace triptych::rpc {

// Lets timers and event handlers reach a self-owned reactor safely: they hold a weak_ptr, and the reactor ends
// its lifeline (under the same mutex) in OnDone before it deletes itself. The mutex also serializes the reactor.
template <typename Owner> class Lifeline {
public:
    explicit Lifeline(Owner *owner)
        : m_owner(owner) {}

    std::mutex &mutex() { return m_mutex; }

    // Runs fn(owner) under the owner's mutex unless the owner is gone.
    template <typename Fn> static void visit(const std::weak_ptr<Lifeline> &weak, Fn &&fn) {
        const auto self = weak.lock();
        if (!self)
            return;
        std::lock_guard lock(self->m_mutex);
        if (self->m_owner)
            fn(*self->m_owner);
    }

    void end() {
        std::lock_guard lock(m_mutex);
        m_owner = nullptr;
    }

private:
    std::mutex m_mutex;
    Owner *m_owner;
};

} // namespace triptych::rpc
