#include "server/grpc/streamslots.h"

#include "server/grpc/callchecks.h"

#include <utility>

namespace triptych::rpc {
namespace {

std::atomic<int> g_processOpen{0};

bool isLoopback(const std::string &address) {
    return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

// Counts one more for key unless it is at its share; false when it is.
bool take(std::map<std::string, int> &counts, const std::string &key, int share) {
    int &count = counts[key];
    if (count >= share) {
        if (count == 0)
            counts.erase(key);
        return false;
    }
    ++count;
    return true;
}

void give(std::map<std::string, int> &counts, const std::string &key) {
    const auto it = counts.find(key);
    if (it != counts.end() && --it->second <= 0)
        counts.erase(it);
}

} // namespace

StreamSlots::Slot::Slot(Slot &&other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr))
    , m_connection(std::move(other.m_connection))
    , m_address(std::move(other.m_address)) {}

StreamSlots::Slot &StreamSlots::Slot::operator=(Slot &&other) noexcept {
    if (this != &other) {
        release();
        m_owner = std::exchange(other.m_owner, nullptr);
        m_connection = std::move(other.m_connection);
        m_address = std::move(other.m_address);
    }
    return *this;
}

void StreamSlots::Slot::release() {
    if (!m_owner)
        return;
    {
        std::lock_guard lock(m_owner->m_mutex);
        give(m_owner->m_byConnection, m_connection);
        if (!m_address.empty())
            give(m_owner->m_byAddress, m_address);
        m_owner->m_open.fetch_sub(1);
    }
    g_processOpen.fetch_sub(1);
    m_owner = nullptr;
}

StreamSlots::Slot StreamSlots::tryAcquire(const std::string &peer, Refusal *refusal) {
    const auto refuse = [&](Refusal why) {
        if (refusal)
            *refusal = why;
        return Slot();
    };
    std::string address = CallChecks::peerAddress(peer);
    if (isLoopback(address))
        address.clear();
    std::lock_guard lock(m_mutex);
    if (m_open.load() >= m_shares.capacity)
        return refuse(Refusal::ServerFull);
    if (!address.empty() && !take(m_byAddress, address, m_shares.perAddress))
        return refuse(Refusal::AddressShare);
    if (!take(m_byConnection, peer, m_shares.perConnection)) {
        if (!address.empty())
            give(m_byAddress, address);
        return refuse(Refusal::ConnectionShare);
    }
    m_open.fetch_add(1);
    g_processOpen.fetch_add(1);
    if (refusal)
        *refusal = Refusal::None;
    return Slot(this, peer, std::move(address));
}

int StreamSlots::processOpenCount() {
    return g_processOpen.load();
}

} // namespace triptych::rpc
