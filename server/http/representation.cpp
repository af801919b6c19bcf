#include "server/http/representation.h"

#include "server/domain/limits.h"
#include "server/http/gzip.h"
#include "server/tracing/tracer.h"

#include <cstdint>
#include <cstring>

namespace triptych::http {
namespace {

constexpr std::uint64_t kHashSeed = 0x243F6A8885A308D3ULL;
constexpr std::uint64_t kHashKey = 0x13198A2E03707344ULL;
// Bytes 0xFF and 0xFE never occur in UTF-8, so no 8 bytes of a text body equal this key and zero the product below.
constexpr std::uint64_t kTextNeverKey = 0xFFFEA4093822299FULL;
// The suffix that tells the gzip representation's tag from the identity one (they are different bytes).
constexpr std::string_view kGzipTagSuffix = "-gzip";

__extension__ using Wide = unsigned __int128;

// The 128-bit product of a and b folded to 64 bits: one multiply mixes 16 bytes.
std::uint64_t fold(std::uint64_t a, std::uint64_t b) {
    const Wide product = static_cast<Wide>(a) * b;
    return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

std::uint64_t word(const char *at) {
    std::uint64_t value;
    std::memcpy(&value, at, 8);
    return value;
}

// A fast 64-bit hash, 16 bytes per multiply with the state chained through it: tags must change when the body does
// (any byte, any order), not resist an attacker. Half the instructions of one multiply per 8 bytes.
std::uint64_t hashBytes(std::string_view data) {
    std::uint64_t hash = kHashSeed ^ data.size();
    std::size_t at = 0;
    for (; at + 16 <= data.size(); at += 16)
        hash = fold(word(data.data() + at) ^ kHashKey ^ hash, word(data.data() + at + 8) ^ kTextNeverKey);
    char tail[16] = {};
    std::memcpy(tail, data.data() + at, data.size() - at);
    hash = fold(word(tail) ^ kHashKey ^ hash, word(tail + 8) ^ kTextNeverKey);
    return fold(hash ^ data.size(), kHashSeed);
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
