#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace triptych::rpc {

// Counts the open streaming calls against a cap, with a share per peer so that one client cannot hold every slot
// (with `follow` streams, say): one connection (a peer "ip:port", which is one client's channel) may hold
// perConnection of them, and all connections from one address other than loopback perAddress (on loopback every
// local client has the same address). A reactor holds a Slot for its whole life.
class StreamSlots {
public:
    struct Shares {
        int capacity;
        int perConnection;
        int perAddress;
    };
    explicit StreamSlots(Shares shares)
        : m_shares(shares) {}
    explicit StreamSlots(int capacity)
        : StreamSlots(Shares{capacity, capacity, capacity}) {}

    class Slot {
    public:
        Slot() = default;
        Slot(StreamSlots *owner, std::string connection, std::string address)
            : m_owner(owner)
            , m_connection(std::move(connection))
            , m_address(std::move(address)) {}
        Slot(Slot &&other) noexcept;
        Slot &operator=(Slot &&other) noexcept;
        ~Slot() { release(); }
        explicit operator bool() const { return m_owner != nullptr; }

    private:
        void release();
        StreamSlots *m_owner = nullptr;
        std::string m_connection;
        std::string m_address; // empty when the peer is on loopback
    };

    enum class Refusal { None, ServerFull, ConnectionShare, AddressShare };
    // A slot for a call from `peer` (gRPC's "ipv4:127.0.0.1:5000"), or an empty Slot and why.
    Slot tryAcquire(const std::string &peer, Refusal *refusal = nullptr);
    int openCount() const { return m_open.load(); }
    int capacity() const { return m_shares.capacity; }
    const Shares &shares() const { return m_shares; }
    // Streams open in this process across every server, so tests can see that ended calls freed theirs.
    static int processOpenCount();

private:
    const Shares m_shares;
    std::atomic<int> m_open{0};
    std::mutex m_mutex; // guards the two maps
    std::map<std::string, int> m_byConnection;
    std::map<std::string, int> m_byAddress;
};

} // namespace triptych::rpc
