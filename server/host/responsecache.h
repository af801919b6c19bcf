#pragma once

#include "server/core/eventbus.h"
#include "server/http/router.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace triptych {

// An answer over this is not kept; the cache is emptied when it would hold more than kMaxResponseCacheBytes.
inline constexpr std::size_t kMaxCachedAnswerBytes = 1024 * 1024;
inline constexpr std::size_t kMaxResponseCacheBytes = 64 * 1024 * 1024;

// `--cache on` (off by default; docs/contract.md): the seed's response-level caching lesson as a switch. GET and HEAD
// answers and GraphQL POST answers are kept by method, target, the header fields that can change an answer, and
// body, and served again without running the handler until the next write: every new order and status change
// (EventBus) empties the cache. The figures of docs/speed.md are taken with it off and measured separately.
class ResponseCache {
public:
    explicit ResponseCache(EventBus &events, std::size_t maxAnswerBytes = kMaxCachedAnswerBytes,
                           std::size_t maxBytes = kMaxResponseCacheBytes);
    ResponseCache(const ResponseCache &) = delete;
    ResponseCache &operator=(const ResponseCache &) = delete;

    // The middleware to add last, inside tracing and the rate limit: a cached answer is still traced and counted.
    // It keeps the cache alive as long as the router that holds it.
    static http::Middleware middleware(std::shared_ptr<ResponseCache> cache);
    std::uint64_t hits() const { return m_hits.load(); }
    std::size_t entries() const;

    // The cache key of a request, or empty when its answer is never kept (writes, /debug, gRPC-Web calls).
    static std::string keyOf(const http::HttpRequest &request);

private:
    http::HttpResponse serve(http::HttpRequest &request, const http::Handler &next);
    void invalidate();

    const std::size_t m_maxAnswerBytes;
    const std::size_t m_maxBytes;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, http::HttpResponse> m_answers;
    std::size_t m_bytes = 0;
    std::uint64_t m_generation = 0; // bumped by every write; an answer computed across a write is not kept
    std::atomic<std::uint64_t> m_hits{0};
    std::unique_ptr<EventBus::Subscription> m_subscription;
};

} // namespace triptych
