#include "server/graphqlapi/persistedqueries.h"

#include "server/graphqlapi/limits.h"

#include <openssl/sha.h>

namespace triptych::graphqlapi {

std::string PersistedQueries::sha256Hex(std::string_view text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(text.data()), text.size(), digest);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * SHA256_DIGEST_LENGTH);
    for (const unsigned char byte : digest) {
        hex += kHex[byte >> 4];
        hex += kHex[byte & 0xF];
    }
    return hex;
}

std::optional<std::string> PersistedQueries::find(std::string_view sha256Hex) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_queries.find(std::string(sha256Hex));
    if (it == m_queries.end())
        return std::nullopt;
    return it->second;
}

bool PersistedQueries::store(std::string_view hash, const std::string &query) {
    if (query.size() > limits::kMaxPersistedQueryBytes || sha256Hex(query) != hash)
        return false;
    std::lock_guard lock(m_mutex);
    if (!m_queries.emplace(std::string(hash), query).second)
        return true;
    m_order.emplace_back(hash);
    m_bytes += query.size();
    while (m_order.size() > limits::kMaxPersistedQueries || m_bytes > limits::kMaxPersistedQueryStoreBytes) {
        const auto oldest = m_queries.find(m_order.front());
        m_bytes -= oldest->second.size();
        m_queries.erase(oldest);
        m_order.pop_front();
    }
    return true;
}

std::size_t PersistedQueries::size() const {
    std::lock_guard lock(m_mutex);
    return m_queries.size();
}

} // namespace triptych::graphqlapi
