#pragma once

#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace triptych::graphqlapi {

// Automatic persisted queries (Apollo's protocol): documents by the lowercase hex SHA-256 of their text, so a
// client may send only the hash, also with GET (cacheable). Bounded in count and in bytes: the oldest documents are
// forgotten first.
class PersistedQueries {
public:
    std::optional<std::string> find(std::string_view sha256Hex) const;
    // Stores the query under its hash; false when the hash is not the query's (or the query is too big).
    bool store(std::string_view sha256Hex, const std::string &query);
    std::size_t size() const;

    static std::string sha256Hex(std::string_view text);

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::string> m_queries;
    std::deque<std::string> m_order; // insertion order, for eviction
    std::size_t m_bytes = 0;         // of the stored query texts
};

} // namespace triptych::graphqlapi
