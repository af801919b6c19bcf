#include "server/grpc/streamslots.h"

namespace triptych::rpc {
namespace {
std::atomic<int> g_processOpen{0};
}

StreamSlots::Slot &StreamSlots::Slot::operator=(Slot &&other) noexcept {
    if (this != &other) {
        release();
        m_owner = other.m_owner;
        other.m_owner = nullptr;
    }
    return *this;
}

void StreamSlots::Slot::release() {
    if (!m_owner)
        return;
    m_owner->m_open.fetch_sub(1);
    g_processOpen.fetch_sub(1);
    m_owner = nullptr;
}

StreamSlots::Slot StreamSlots::tryAcquire() {
    int open = m_open.load();
    do {
        if (open >= m_capacity)
            return Slot();
    } while (!m_open.compare_exchange_weak(open, open + 1));
    g_processOpen.fetch_add(1);
    return Slot(this);
}

int StreamSlots::processOpenCount() {
    return g_processOpen.load();
}

} // namespace triptych::rpc
