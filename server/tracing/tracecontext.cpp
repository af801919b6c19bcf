#include "server/tracing/tracecontext.h"

#include <random>

namespace triptych::tracing {
namespace {

int lowerHexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1; // upper case is invalid in traceparent
}

template <std::size_t N> bool parseHex(std::string_view text, std::array<std::uint8_t, N> &out) {
    if (text.size() != N * 2)
        return false;
    for (std::size_t i = 0; i < N; ++i) {
        const int high = lowerHexValue(text[2 * i]);
        const int low = lowerHexValue(text[2 * i + 1]);
        if (high < 0 || low < 0)
            return false;
        out[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return true;
}

// Writes the bytes as 2 * N lower-case hex digits at `out`; returns the end.
template <std::size_t N> char *writeHex(char *out, const std::array<std::uint8_t, N> &bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    for (std::uint8_t byte : bytes) {
        *out++ = kDigits[byte >> 4];
        *out++ = kDigits[byte & 0x0f];
    }
    return out;
}

template <std::size_t N> std::string hex(const std::array<std::uint8_t, N> &bytes) {
    std::string out(N * 2, '0');
    writeHex(out.data(), bytes);
    return out;
}

// Ids need to be unique, not secret: a per-thread generator seeded once from the system.
std::mt19937_64 &generator() {
    thread_local std::mt19937_64 engine{std::random_device{}() ^ (std::uint64_t(std::random_device{}()) << 32)};
    return engine;
}

template <std::size_t N> std::array<std::uint8_t, N> randomNonZero() {
    std::array<std::uint8_t, N> id{};
    do {
        for (std::size_t i = 0; i < N; i += 8) {
            const std::uint64_t word = generator()();
            for (std::size_t j = 0; j < 8 && i + j < N; ++j)
                id[i + j] = static_cast<std::uint8_t>(word >> (8 * j));
        }
    } while (id == std::array<std::uint8_t, N>{});
    return id;
}

} // namespace

std::optional<TraceContext> parseTraceparent(std::string_view value) {
    // version "-" trace-id "-" parent-id "-" flags: 2 + 1 + 32 + 1 + 16 + 1 + 2 = 55 characters.
    constexpr std::size_t kLength = 55;
    if (value.size() < kLength || value[2] != '-' || value[35] != '-' || value[52] != '-')
        return std::nullopt;
    std::array<std::uint8_t, 1> version{};
    std::array<std::uint8_t, 1> flags{};
    TraceContext context;
    if (!parseHex(value.substr(0, 2), version) || version[0] == 0xff)
        return std::nullopt;
    // Version 00 is exactly 55 characters; a later version may append fields after a '-'.
    if (version[0] == 0x00 ? value.size() != kLength : (value.size() > kLength && value[kLength] != '-'))
        return std::nullopt;
    if (!parseHex(value.substr(3, 32), context.traceId) || !parseHex(value.substr(36, 16), context.spanId) ||
        !parseHex(value.substr(53, 2), flags))
        return std::nullopt;
    if (isZero(context.traceId) || isZero(context.spanId))
        return std::nullopt;
    context.flags = flags[0];
    return context;
}

std::optional<TraceContext> parseRemoteContext(std::string_view traceparent, std::string_view tracestate) {
    auto context = parseTraceparent(traceparent);
    if (context)
        context->traceState = std::string(tracestate);
    return context;
}

std::string formatTraceparent(const TraceId &traceId, const SpanId &spanId, std::uint8_t flags) {
    std::string out("00-0123456789abcdef0123456789abcdef-0123456789abcdef-00");
    writeHex(out.data() + 3, traceId);
    writeHex(out.data() + 36, spanId);
    writeHex(out.data() + 53, std::array<std::uint8_t, 1>{flags});
    return out;
}

std::string toHex(const TraceId &id) {
    return hex(id);
}
std::string toHex(const SpanId &id) {
    return hex(id);
}

std::optional<TraceId> parseTraceId(std::string_view text) {
    TraceId id{};
    if (!parseHex(text, id) || isZero(id))
        return std::nullopt;
    return id;
}

TraceId newTraceId() {
    return randomNonZero<16>();
}
SpanId newSpanId() {
    return randomNonZero<8>();
}
bool isZero(const TraceId &id) {
    return id == TraceId{};
}
bool isZero(const SpanId &id) {
    return id == SpanId{};
}

} // namespace triptych::tracing
