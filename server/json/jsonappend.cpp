#include "server/json/jsonappend.h"

#include "server/json/utf8.h"

#include <rapidjson/internal/dtoa.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

namespace triptych::json {
namespace {

// For each byte: 0 when it is copied as it is, else the letter after the backslash ('u' for \u00XX).
constexpr auto kEscapes = [] {
    std::array<char, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[std::size_t(c)] = 'u';
    table['\b'] = 'b';
    table['\f'] = 'f';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
    table['"'] = '"';
    table['\\'] = '\\';
    return table;
}();

// Writes the escape sequence of c (kEscapes[c] != 0) at `to`; returns the end. At most 6 bytes.
char *writeEscape(char *to, unsigned char c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    *to++ = '\\';
    *to++ = kEscapes[c];
    if (kEscapes[c] == 'u') {
        *to++ = '0';
        *to++ = '0';
        *to++ = kHex[c >> 4];
        *to++ = kHex[c & 0xf];
    }
    return to;
}

// Appends through a raw cursor into a buffer of its own, handed to `out` once at the end: room is made once per value
// (its worst case), then bytes are stored without the bookkeeping of std::string::append, and growing never zero-fills
// the way std::string::resize does (the worst case of a string is six times its length).
class Sink {
public:
    // A key known to be written as it is: its characters' address and size.
    struct PlainKey {
        const char *text = nullptr;
        std::size_t size = 0;
    };

    explicit Sink(std::string &out)
        : m_out(out) {}
    ~Sink() { m_out.append(m_buffer.get(), m_used); }
    Sink(const Sink &) = delete;
    Sink &operator=(const Sink &) = delete;

    char *room(std::size_t bytes) {
        if (m_used + bytes > m_capacity) [[unlikely]]
            grow(m_used + bytes);
        return m_buffer.get() + m_used;
    }
    void advance(char *end) { m_used = static_cast<std::size_t>(end - m_buffer.get()); }
    PlainKey &plainKey(std::size_t position) { return m_plainKeys[position % m_plainKeys.size()]; }
    void put(char c) { *room(1) = c, ++m_used; }
    template <std::size_t N> void put(const char (&text)[N]) {
        std::memcpy(room(N - 1), text, N - 1);
        m_used += N - 1;
    }

private:
    void grow(std::size_t needed) {
        const std::size_t capacity = std::max({m_capacity * 2, needed, std::size_t(4096)});
        auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
        if (m_used)
            std::memcpy(bigger.get(), m_buffer.get(), m_used);
        m_buffer = std::move(bigger);
        m_capacity = capacity;
    }

    std::string &m_out;
    // Per member position: the objects of a list repeat their keys, usually the very same characters (a GraphQL
    // answer's keys point into its query), so a key found plain once is copied without another look. The value is
    // not changed while it is written, so the same address and size are the same characters.
    std::array<PlainKey, 16> m_plainKeys{};
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    std::size_t m_used = 0;
};

// Whether any of the 8 bytes in `word` needs more than a copy: a control character, `"`, `\` or a byte >= 0x80
// (exact for "any", the way the classic has-zero-byte test is).
bool hasSpecialByte(std::uint64_t word) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    const auto hasZero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
    const std::uint64_t below0x20 = (word - 0x20 * kOnes) & ~word & kHigh;
    return (below0x20 | hasZero(word ^ ('"' * kOnes)) | hasZero(word ^ ('\\' * kOnes)) | (word & kHigh)) != 0;
}

// Copies the run of bytes at `from` that JSON keeps as they are, 8 at a time while it can; stops at the first
// byte that needs an escape or a UTF-8 check. Returns the end of what it wrote.
char *copyPlainRun(char *to, const unsigned char *&from, const unsigned char *end) {
    while (end - from >= 8) {
        std::uint64_t word;
        std::memcpy(&word, from, 8);
        if (hasSpecialByte(word))
            break;
        std::memcpy(to, &word, 8);
        to += 8;
        from += 8;
    }
    while (from != end && !kEscapes[*from] && *from < 0x80)
        *to++ = static_cast<char>(*from++);
    return to;
}

// Copies the UTF-8 sequence at `from` (a byte >= 0x80) to `to`, or U+FFFD when it is ill-formed; returns the end.
char *putNonAscii(char *to, const unsigned char *&from, const unsigned char *end) {
    bool valid = false;
    const std::size_t length = utf8Sequence(from, end, valid);
    if (valid) {
        std::memcpy(to, from, length);
        to += length;
    } else {
        std::memcpy(to, "\xEF\xBF\xBD", 3);
        to += 3;
    }
    from += length;
    return to;
}

void putString(Sink &sink, const rapidjson::Value &text) {
    const std::string_view view(text.GetString(), text.GetStringLength());
    char *to = sink.room(2 + 6 * view.size()); // an escape is 6 bytes, a replacement 3 for 1 or more
    *to++ = '"';
    to = writeEscaped(to, view);
    *to++ = '"';
    sink.advance(to);
}

void putKey(Sink &sink, const rapidjson::Value &name, std::size_t position) {
    const std::string_view view(name.GetString(), name.GetStringLength());
    Sink::PlainKey &known = sink.plainKey(position);
    if (known.text == view.data() && known.size == view.size()) {
        char *to = sink.room(2 + view.size());
        *to++ = '"';
        std::memcpy(to, view.data(), view.size());
        to += view.size();
        *to++ = '"';
        return sink.advance(to);
    }
    char *to = sink.room(2 + 6 * view.size());
    *to++ = '"';
    char *const start = to;
    to = writeEscaped(to, view);
    if (static_cast<std::size_t>(to - start) == view.size() && std::memcmp(start, view.data(), view.size()) == 0)
        known = {view.data(), view.size()};
    *to++ = '"';
    sink.advance(to);
}

void putNumber(Sink &sink, const rapidjson::Value &value) {
    char *to = sink.room(32);
    if (value.IsDouble()) {
        if (!std::isfinite(value.GetDouble()))
            return sink.put("null");
        // The Writer's own conversion (shortest round trip, "1.0" for whole numbers), so the bytes stay the same.
        return sink.advance(rapidjson::internal::dtoa(value.GetDouble(), to, 324));
    }
    sink.advance(value.IsInt64() ? std::to_chars(to, to + 32, value.GetInt64()).ptr
                                 : std::to_chars(to, to + 32, value.GetUint64()).ptr);
}

void putValue(Sink &sink, const rapidjson::Value &value) {
    switch (value.GetType()) {
    case rapidjson::kNullType:
        return sink.put("null");
    case rapidjson::kFalseType:
        return sink.put("false");
    case rapidjson::kTrueType:
        return sink.put("true");
    case rapidjson::kNumberType:
        return putNumber(sink, value);
    case rapidjson::kStringType:
        return putString(sink, value);
    case rapidjson::kArrayType: {
        sink.put('[');
        bool first = true;
        for (const auto &item : value.GetArray()) {
            if (!std::exchange(first, false))
                sink.put(',');
            putValue(sink, item);
        }
        return sink.put(']');
    }
    case rapidjson::kObjectType: {
        sink.put('{');
        std::size_t position = 0;
        for (const auto &member : value.GetObject()) {
            if (position)
                sink.put(',');
            putKey(sink, member.name, position++);
            sink.put(':');
            putValue(sink, member.value);
        }
        return sink.put('}');
    }
    }
}

} // namespace

std::size_t escapedSizeBound(std::string_view text) {
    const auto *from = reinterpret_cast<const unsigned char *>(text.data());
    const auto *const end = from + text.size();
    for (std::uint64_t word; end - from >= 8; from += 8)
        if (std::memcpy(&word, from, 8), hasSpecialByte(word))
            return 6 * text.size();
    for (; from != end; ++from)
        if (kEscapes[*from] || *from >= 0x80)
            return 6 * text.size();
    return text.size();
}

char *writeEscaped(char *to, std::string_view text) {
    const auto *from = reinterpret_cast<const unsigned char *>(text.data());
    const auto *const end = from + text.size();
    while (from != end) {
        to = copyPlainRun(to, from, end);
        if (from == end)
            break;
        if (kEscapes[*from])
            to = writeEscape(to, *from++);
        else
            to = putNonAscii(to, from, end);
    }
    return to;
}

void appendEscaped(std::string &out, std::string_view text) {
    // Long texts with rare escapes (product names, descriptions): copy the plain runs whole.
    const auto *const begin = reinterpret_cast<const unsigned char *>(text.data());
    const auto *const end = begin + text.size();
    const auto *plain = begin;
    for (const auto *at = begin; at != end;) {
        if (std::uint64_t word; end - at >= 8 && (std::memcpy(&word, at, 8), !hasSpecialByte(word))) {
            at += 8;
            continue;
        }
        const unsigned char c = *at;
        if (!kEscapes[c] && c < 0x80) {
            ++at;
            continue;
        }
        std::size_t length = 1;
        bool valid = true;
        if (c >= 0x80) {
            length = utf8Sequence(at, end, valid);
            if (valid) { // well-formed: part of the plain run
                at += length;
                continue;
            }
        }
        out.append(reinterpret_cast<const char *>(plain), static_cast<std::size_t>(at - plain));
        if (valid) {
            char escape[6];
            out.append(escape, static_cast<std::size_t>(writeEscape(escape, c) - escape));
        } else {
            out.append("\xEF\xBF\xBD", 3);
        }
        at += length;
        plain = at;
    }
    out.append(reinterpret_cast<const char *>(plain), static_cast<std::size_t>(end - plain));
}

void appendValue(std::string &out, const rapidjson::Value &value) {
    Sink sink(out);
    putValue(sink, value);
}

} // namespace triptych::json
