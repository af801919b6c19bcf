#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace triptych {

// --rate-limit N: N requests per second per client address (a token bucket holding N), shared by every style
// so that a client cannot dodge the limit by switching from REST to gRPC. Off when N is 0.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    struct Decision {
        bool allowed = true;
        std::chrono::milliseconds retryAfter{0}; // when the next request would be allowed
    };

    explicit RateLimiter(int perSecond)
        : m_perSecond(perSecond) {}
    bool enabled() const { return m_perSecond > 0; }
    int perSecond() const { return m_perSecond; }
    Decision admit(std::string_view client, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point refilled;
    };
    int m_perSecond;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace triptych
