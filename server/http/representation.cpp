#include "server/http/representation.h"

#include "server/domain/limits.h"
#include "server/http/gzip.h"
#include "server/tracing/tracer.h"

#include <cstdint>
#include <cstring>

namespace triptych::http {
namespace {

constexpr std::uint64_t kHashSeed = 0x243F6A8885A308D3ULL;
constexpr std::uint64_t kHashMultiplier = 0x9E3779B97F4A7C15ULL;
// The suffix that tells the gzip representation's tag from the identity one (they are different bytes).
constexpr std::string_view kGzipTagSuffix = "-gzip";

std::uint64_t mix(std::uint64_t hash, std::uint64_t word) {
    hash ^= word;
    hash *= kHashMultiplier;
    return hash ^ (hash >> 29);
}

// A fast 64-bit hash over 8-byte words: tags must change when the body does, not resist an attacker.
std::uint64_t hashBytes(std::string_view data) {
    std::uint64_t hash = kHashSeed ^ data.size();
    std::size_t at = 0;
    for (; at + 8 <= data.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, data.data() + at, 8);
        hash = mix(hash, word);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, data.data() + at, data.size() - at);
    return mix(mix(hash, tail), data.size());
}

std::string withSuffix(std::string_view tag, std::string_view suffix) {
    std::string result(tag.substr(0, tag.size() - 1));
    result += suffix;
    result += '"';
    return result;
}

int gzipLevelFor(std::size_t bytes) {
    return bytes > limits::kFastGzipFromBytes ? limits::kGzipLevelLarge : limits::kGzipLevelSmall;
}

bool compress(HttpResponse &response) {
    tracing::ScopedSpan span("gzip");
    span.set("payload.bytes", static_cast<std::int64_t>(response.body.size()));
    auto packed = gzipCompress(response.body, gzipLevelFor(response.body.size()));
    if (!packed)
        return false;
    span.set("payload.compressed_bytes", static_cast<std::int64_t>(packed->size()));
    response.body = std::move(*packed);
    response.headers.set("Content-Encoding", "gzip");
    return true;
}

} // namespace

std::string strongEtag(std::string_view body) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t hash = hashBytes(body);
    std::string tag(18, '"');
    for (int i = 16; i >= 1; --i, hash >>= 4)
        tag[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
    return tag;
}

bool noneMatchHits(std::string_view ifNoneMatch, std::string_view etag) {
    while (!ifNoneMatch.empty()) {
        const auto comma = ifNoneMatch.find(',');
        auto member = ifNoneMatch.substr(0, comma);
        ifNoneMatch = comma == std::string_view::npos ? std::string_view() : ifNoneMatch.substr(comma + 1);
        while (!member.empty() && (member.front() == ' ' || member.front() == '\t'))
            member.remove_prefix(1);
        while (!member.empty() && (member.back() == ' ' || member.back() == '\t'))
            member.remove_suffix(1);
        if (member.starts_with("W/"))
            member.remove_prefix(2);
        if (member == "*" || member == etag)
            return true;
    }
    return false;
}

HttpResponse representResource(const HttpRequest &request, HttpResponse response, std::string_view cacheControl,
                               bool variesOnAccept) {
    const bool gzip = acceptsGzip(request.header("Accept-Encoding"));
    const std::string identityTag = strongEtag(response.body);
    const std::string gzipTag = withSuffix(identityTag, kGzipTagSuffix);
    response.headers.set("Cache-Control", std::string(cacheControl));
    response.headers.set("Vary", variesOnAccept ? "Accept, Accept-Encoding" : "Accept-Encoding");
    if (const auto condition = request.headers.find("If-None-Match")) {
        const bool hitGzip = noneMatchHits(*condition, gzipTag);
        if (hitGzip || noneMatchHits(*condition, identityTag)) {
            response.status = 304;
            response.body.clear();
            response.headers.remove("Content-Type");
            response.headers.set("ETag", hitGzip ? gzipTag : identityTag);
            return response;
        }
    }
    response.headers.set("ETag", gzip && compress(response) ? gzipTag : identityTag);
    return response;
}

void compressIfAccepted(const HttpRequest &request, HttpResponse &response) {
    if (response.stream || response.status == 304 || response.body.empty() ||
        response.headers.contains("Content-Encoding"))
        return;
    if (!acceptsGzip(request.header("Accept-Encoding")))
        return;
    if (compress(response) && !response.headers.contains("Vary"))
        response.headers.set("Vary", "Accept-Encoding");
}

} // namespace triptych::http
