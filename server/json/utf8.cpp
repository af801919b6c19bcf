#include "server/json/utf8.h"

#include <cstdint>
#include <cstring>

namespace triptych::json {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD"; // U+FFFD

bool inRange(const unsigned char *at, const unsigned char *end, unsigned char low, unsigned char high) {
    return at < end && *at >= low && *at <= high;
}

} // namespace

std::size_t utf8Sequence(const unsigned char *from, const unsigned char *end, bool &valid) {
    const unsigned char lead = *from;
    valid = false;
    if (lead < 0x80) {
        valid = true;
        return 1;
    }
    // The range of the second byte depends on the lead; the later ones are always 80..BF.
    unsigned char low = 0x80, high = 0xBF;
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
        length = 3, low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    else if (lead >= 0xF0 && lead <= 0xF4)
        length = 4, low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    else
        return 1; // 80..C1, F5..FF never start a character
    if (!inRange(from + 1, end, low, high))
        return 1;
    for (std::size_t i = 2; i < length; ++i)
        if (!inRange(from + i, end, 0x80, 0xBF))
            return i;
    valid = true;
    return length;
}

bool isValidUtf8(std::string_view text) {
    const auto *from = reinterpret_cast<const unsigned char *>(text.data());
    const auto *const end = from + text.size();
    while (from != end) {
        // Plain ASCII, the usual case, eight bytes at a time.
        while (end - from >= 8) {
            std::uint64_t word;
            std::memcpy(&word, from, 8);
            if (word & 0x8080808080808080ull)
                break;
            from += 8;
        }
        if (from == end)
            break;
        bool valid = false;
        from += utf8Sequence(from, end, valid);
        if (!valid)
            return false;
    }
    return true;
}

void appendValidUtf8(std::string &out, std::string_view text) {
    const auto *const begin = reinterpret_cast<const unsigned char *>(text.data());
    const auto *const end = begin + text.size();
    const auto *run = begin; // start of the valid bytes not yet copied
    for (const auto *at = begin; at != end;) {
        bool valid = false;
        const std::size_t length = utf8Sequence(at, end, valid);
        if (!valid) {
            out.append(reinterpret_cast<const char *>(run), static_cast<std::size_t>(at - run));
            out.append(kReplacement, 3);
            run = at + length;
        }
        at += length;
    }
    out.append(reinterpret_cast<const char *>(run), static_cast<std::size_t>(end - run));
}

std::string toValidUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    appendValidUtf8(out, text);
    return out;
}

} // namespace triptych::json
