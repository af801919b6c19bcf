#include "server/host/responsecache.h"

#include "server/http/httpmessage.h"

namespace triptych {
namespace {

// Fields that never change an answer (tracing context and who is asking) stay out of the key, so that traced clients
// share entries; every other field is part of it, in order, as an unknown one might matter.
bool ignoredInKey(std::string_view name) {
    for (const std::string_view ignored : {"traceparent", "tracestate", "user-agent", "connection", "keep-alive"})
        if (http::equalsIgnoringCase(name, ignored))
            return true;
    return false;
}

// "no-store" tells clients and proxies, not this cache: what such an answer shows (an order's status) changes only
// by a write, which empties the cache.
bool storable(const http::HttpResponse &response, std::size_t maxAnswerBytes) {
    return response.status == 200 && !response.stream && !response.closeConnection &&
           response.body.size() <= maxAnswerBytes;
}

std::size_t sizeOf(const std::string &key, const http::HttpResponse &response) {
    std::size_t bytes = key.size() + response.body.size();
    for (const auto &field : response.headers.fields())
        bytes += field.name.size() + field.value.size();
    return bytes;
}

} // namespace

ResponseCache::ResponseCache(EventBus &events, std::size_t maxAnswerBytes, std::size_t maxBytes)
    : m_maxAnswerBytes(maxAnswerBytes)
    , m_maxBytes(maxBytes) {
    // Published by the writer before it answers, so a client reads its own write at once.
    m_subscription = events.subscribe([this](const OrderEvent &) { invalidate(); });
}

std::string ResponseCache::keyOf(const http::HttpRequest &request) {
    const bool read = request.method == "GET" || request.method == "HEAD";
    const bool graphql = request.method == "POST" && request.path == "/graphql";
    if ((!read && !graphql) || request.path == "/debug" || request.path.starts_with("/debug/"))
        return {};
    // Registering a persisted query is a side effect a served copy would skip.
    if (request.target.find("persistedQuery") != std::string::npos ||
        request.body.find("persistedQuery") != std::string::npos)
        return {};
    std::string key = request.method + ' ' + request.target + '\n';
    for (const auto &field : request.headers.fields()) {
        if (ignoredInKey(field.name))
            continue;
        for (const char c : field.name)
            key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        key += ':';
        key += field.value;
        key += '\n';
    }
    key += '\n';
    key += request.body;
    return key;
}

http::Middleware ResponseCache::middleware(std::shared_ptr<ResponseCache> cache) {
    return [cache = std::move(cache)](http::HttpRequest &request, const http::Handler &next) {
        return cache->serve(request, next);
    };
}

http::HttpResponse ResponseCache::serve(http::HttpRequest &request, const http::Handler &next) {
    std::string key = keyOf(request);
    if (key.empty())
        return next(request);
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(m_mutex);
        if (const auto found = m_answers.find(key); found != m_answers.end()) {
            ++m_hits;
            return found->second;
        }
        generation = m_generation;
    }
    auto response = next(request);
    if (!storable(response, m_maxAnswerBytes))
        return response;
    const std::size_t bytes = sizeOf(key, response);
    std::lock_guard lock(m_mutex);
    if (generation != m_generation) // a write happened meanwhile: this answer may already be stale
        return response;
    if (m_bytes + bytes > m_maxBytes) {
        m_answers.clear();
        m_bytes = 0;
    }
    if (m_answers.emplace(std::move(key), response).second)
        m_bytes += bytes;
    return response;
}

void ResponseCache::invalidate() {
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_answers.clear();
    m_bytes = 0;
}

std::size_t ResponseCache::entries() const {
    std::lock_guard lock(m_mutex);
    return m_answers.size();
}

} // namespace triptych
