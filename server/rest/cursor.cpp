#include "server/rest/cursor.h"

#include "server/rest/limits.h"

#include <array>
#include <charconv>

namespace triptych::rest::cursor {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kPrefix = "orders:v2:";

std::string base64url(std::string_view data) {
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (unsigned char byte : data) {
        bits = (bits << 8) | byte;
        count += 8;
        while (count >= 6) {
            count -= 6;
            out += kAlphabet[(bits >> count) & 0x3F];
        }
    }
    if (count > 0)
        out += kAlphabet[(bits << (6 - count)) & 0x3F];
    return out;
}

std::optional<std::string> unbase64url(std::string_view text) {
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        const auto value = kAlphabet.find(c);
        if (value == std::string_view::npos)
            return std::nullopt;
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

} // namespace

std::string encode(OrderId lastId) {
    return base64url(std::string(kPrefix) + std::to_string(lastId));
}

std::optional<OrderId> decode(std::string_view text) {
    if (text.empty() || text.size() > limits::kMaxCursorChars)
        return std::nullopt;
    const auto plain = unbase64url(text);
    if (!plain || !plain->starts_with(kPrefix))
        return std::nullopt;
    const std::string_view digits = std::string_view(*plain).substr(kPrefix.size());
    OrderId id = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (error != std::errc() || end != digits.data() + digits.size() || id < 0 || digits.empty())
        return std::nullopt;
    // Only the canonical spelling is ours, so a cursor has exactly one form.
    if (encode(id) != text)
        return std::nullopt;
    return id;
}

} // namespace triptych::rest::cursor
