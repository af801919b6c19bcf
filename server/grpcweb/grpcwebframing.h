#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The gRPC-Web wire format (the gRPC-Web protocol document of grpc/grpc): 5-byte length-prefixed frames, a final
// trailer frame flagged 0x80, and the -text variant that base64-encodes the whole body.
namespace triptych::grpcweb {

enum class Encoding { Binary, Text };

inline constexpr std::uint8_t kTrailerFlag = 0x80;
inline constexpr std::uint8_t kCompressedFlag = 0x01;

// application/grpc-web[+proto] → Binary, application/grpc-web-text[+proto] → Text (parameters ignored); another
// type (also +json, which this server does not speak) → nothing.
std::optional<Encoding> encodingOf(std::string_view contentType);
// The content type an answer in that encoding carries.
std::string_view contentTypeOf(Encoding encoding);

// One frame: flag byte, 4-byte big-endian length, payload.
std::string frame(std::string_view payload, std::uint8_t flags = 0);

// Standard base64 (RFC 4648 §4) with padding; `pad` false leaves it off, as gRPC emits -bin metadata.
std::string base64Encode(std::string_view bytes, bool pad = true);
// Decodes base64 that may be several padded pieces one after another (a -text stream encodes each chunk on its own);
// padding is optional at the very end. Nothing when a character is outside the alphabet or a piece is cut short.
std::optional<std::string> base64Decode(std::string_view text);

// The one message of a unary or server-streaming request body; the error says what is wrong with the framing.
struct RequestMessage {
    std::string payload;
    std::string error; // empty when the payload is good
};
RequestMessage singleMessage(std::string_view body);

// grpc-message's percent-encoding (gRPC over HTTP/2): bytes outside printable ASCII and '%' become %XX.
std::string percentEncodeMessage(std::string_view message);

} // namespace triptych::grpcweb
