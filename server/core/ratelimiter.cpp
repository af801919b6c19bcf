#include "server/core/ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace triptych {

namespace {
// Buckets of clients idle this long are full again and can be forgotten, bounding the map's size.
constexpr std::chrono::seconds kForgetIdleClientsAfter{60};
constexpr std::size_t kSweepAboveClients = 4096;
} // namespace

RateLimiter::Decision RateLimiter::admit(std::string_view client, Clock::time_point now) {
    if (!enabled())
        return {};
    std::lock_guard lock(m_mutex);
    if (m_buckets.size() > kSweepAboveClients)
        std::erase_if(m_buckets,
                      [&](const auto &entry) { return now - entry.second.refilled > kForgetIdleClientsAfter; });
    auto [it, inserted] = m_buckets.try_emplace(std::string(client), Bucket{double(m_perSecond), now});
    Bucket &bucket = it->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.refilled).count();
    bucket.tokens = std::min<double>(m_perSecond, bucket.tokens + elapsed * m_perSecond);
    bucket.refilled = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return {};
    }
    const double waitSeconds = (1.0 - bucket.tokens) / m_perSecond;
    const auto retry = std::chrono::milliseconds(static_cast<long long>(std::ceil(waitSeconds * 1000.0)));
    return {false, std::max(retry, std::chrono::milliseconds(1))};
}

} // namespace triptych
