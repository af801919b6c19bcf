#include "server/grpcweb/grpcwebframing.h"

#include <array>

namespace triptych::grpcweb {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::size_t kFrameHeaderBytes = 5;

bool startsWithType(std::string_view contentType, std::string_view type) {
    if (contentType.size() < type.size())
        return false;
    for (std::size_t i = 0; i < type.size(); ++i) {
        const char c = contentType[i];
        if ((c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c) != type[i])
            return false;
    }
    const std::string_view rest = contentType.substr(type.size());
    return rest.empty() || rest.front() == ';' || rest.front() == ' ';
}

int sextet(char c) {
    const auto at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : int(at);
}

} // namespace

std::optional<Encoding> encodingOf(std::string_view contentType) {
    if (startsWithType(contentType, "application/grpc-web") ||
        startsWithType(contentType, "application/grpc-web+proto"))
        return Encoding::Binary;
    if (startsWithType(contentType, "application/grpc-web-text") ||
        startsWithType(contentType, "application/grpc-web-text+proto"))
        return Encoding::Text;
    return std::nullopt;
}

std::string_view contentTypeOf(Encoding encoding) {
    return encoding == Encoding::Text ? "application/grpc-web-text+proto" : "application/grpc-web+proto";
}

std::string frame(std::string_view payload, std::uint8_t flags) {
    std::string out;
    out.reserve(kFrameHeaderBytes + payload.size());
    const auto length = static_cast<std::uint32_t>(payload.size());
    out.push_back(static_cast<char>(flags));
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((length >> shift) & 0xFF));
    out.append(payload);
    return out;
}

std::string base64Encode(std::string_view bytes, bool pad) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = std::uint32_t(std::uint8_t(bytes[i])) << 16 |
                                std::uint32_t(std::uint8_t(bytes[i + 1])) << 8 | std::uint8_t(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6)
            out.push_back(kAlphabet[(v >> shift) & 0x3F]);
    }
    const std::size_t left = bytes.size() - i;
    if (left == 0)
        return out;
    std::uint32_t v = std::uint32_t(std::uint8_t(bytes[i])) << 16;
    if (left == 2)
        v |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
    out.push_back(kAlphabet[(v >> 18) & 0x3F]);
    out.push_back(kAlphabet[(v >> 12) & 0x3F]);
    if (left == 2)
        out.push_back(kAlphabet[(v >> 6) & 0x3F]);
    if (pad)
        out.append(left == 1 ? "==" : "=");
    return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
    std::string out;
    out.reserve(text.size() / 4 * 3);
    std::array<int, 4> quad{};
    std::size_t filled = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '=') {
            // A piece ends: 2 or 3 characters before its padding, which runs to a multiple of four.
            if (filled < 2)
                return std::nullopt;
            const std::size_t padding = 4 - filled;
            for (std::size_t p = 0; p < padding; ++p, ++i)
                if (i >= text.size() || text[i] != '=')
                    return std::nullopt;
            --i;
        } else {
            const int value = sextet(text[i]);
            if (value < 0)
                return std::nullopt;
            quad[filled++] = value;
            if (filled < 4)
                continue;
        }
        const std::uint32_t v = std::uint32_t(quad[0]) << 18 | std::uint32_t(quad[1]) << 12 |
                                std::uint32_t(filled > 2 ? quad[2] : 0) << 6 | std::uint32_t(filled > 3 ? quad[3] : 0);
        out.push_back(static_cast<char>((v >> 16) & 0xFF));
        if (filled > 2)
            out.push_back(static_cast<char>((v >> 8) & 0xFF));
        if (filled > 3)
            out.push_back(static_cast<char>(v & 0xFF));
        filled = 0;
    }
    if (filled == 1)
        return std::nullopt;
    if (filled > 1) { // unpadded end
        const std::uint32_t v =
            std::uint32_t(quad[0]) << 18 | std::uint32_t(quad[1]) << 12 | std::uint32_t(filled > 2 ? quad[2] : 0) << 6;
        out.push_back(static_cast<char>((v >> 16) & 0xFF));
        if (filled > 2)
            out.push_back(static_cast<char>((v >> 8) & 0xFF));
    }
    return out;
}

RequestMessage singleMessage(std::string_view body) {
    if (body.size() < kFrameHeaderBytes)
        return {{}, "the body of " + std::to_string(body.size()) + " bytes holds no 5-byte frame header"};
    const auto flags = static_cast<std::uint8_t>(body[0]);
    std::uint32_t length = 0;
    for (std::size_t i = 1; i < kFrameHeaderBytes; ++i)
        length = length << 8 | std::uint8_t(body[i]);
    if (flags & kTrailerFlag)
        return {{}, "the request's first frame is a trailer frame, not a message"};
    if (flags & kCompressedFlag)
        return {{}, "the request's message is flagged compressed; this server takes identity encoding only"};
    if (body.size() - kFrameHeaderBytes != length)
        return {{},
                "the frame announces " + std::to_string(length) + " bytes but " +
                    std::to_string(body.size() - kFrameHeaderBytes) +
                    " follow; unary and server-streaming calls send exactly one message"};
    return {std::string(body.substr(kFrameHeaderBytes)), {}};
}

std::string percentEncodeMessage(std::string_view message) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    out.reserve(message.size());
    for (const char c : message) {
        const auto byte = static_cast<std::uint8_t>(c);
        if (byte >= 0x20 && byte <= 0x7E && c != '%') {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0F]);
        }
    }
    return out;
}

} // namespace triptych::grpcweb
