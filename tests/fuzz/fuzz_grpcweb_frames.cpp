// gRPC-Web framing from both sides: the server's request parsing (server/grpcweb/grpcwebframing: base64 with
// padding anywhere, one length-prefixed message) and the app's decoder of answers (app/client/grpcwebframes), fed
// whole and in chunks where the fuzzer says (the first byte). Frames hold only bytes that came in; chunking changes
// nothing; what the server's base64 encoder writes decodes back to the same bytes.
#include "app/client/grpcwebframes.h"
#include "server/grpcweb/grpcwebframing.h"
#include "tests/fuzz/fuzzchecks.h"

#include <cstddef>
#include <cstdint>

using triptych::client::GrpcWebDecoder;
using triptych::client::GrpcWebFrame;
namespace web = triptych::grpcweb;

namespace {

bool sameFrames(const QList<GrpcWebFrame> &a, const QList<GrpcWebFrame> &b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].trailers != b[i].trailers || a[i].payload != b[i].payload)
            return false;
    return true;
}

void checkServerSide(std::string_view input) {
    const auto decoded = web::base64Decode(input);
    if (decoded && decoded->size() > input.size())
        triptych::fuzz::fail("base64 decoded to more bytes than it had", std::string(input));
    const auto message = web::singleMessage(input);
    if (message.error.empty() && message.payload.size() + 5 != input.size())
        triptych::fuzz::fail("a message that is not the whole body was taken", std::string(input));
    if (web::base64Decode(web::base64Encode(input)) != std::string(input) ||
        web::base64Decode(web::base64Encode(input, false)) != std::string(input))
        triptych::fuzz::fail("base64 does not round-trip", std::string(input));
}

void checkClientSide(const QByteArray &body, std::size_t chunk, bool text) {
    GrpcWebDecoder whole(text);
    const auto all = whole.feed(body);
    GrpcWebDecoder pieces(text);
    QList<GrpcWebFrame> chunked;
    for (qsizetype at = 0; at < body.size(); at += qsizetype(chunk))
        chunked += pieces.feed(body.mid(at, qsizetype(chunk)));
    qsizetype held = 0;
    for (const auto &frame : all)
        held += frame.payload.size() + 5;
    if (held > body.size())
        triptych::fuzz::fail("frames hold more than came in", body.toStdString());
    // Only binary mode is held to it: in text mode a group with '=' before its last place is malformed base64,
    // which Qt's decoder reads leniently, differently as a run or alone.
    if (!text && !sameFrames(all, chunked))
        triptych::fuzz::fail("chunking changed the frames", body.toStdString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::size_t chunk = std::size_t(data[0] % 32) + 1;
    const std::string_view input(reinterpret_cast<const char *>(data + 1), size - 1);
    checkServerSide(input);
    const QByteArray body(input.data(), qsizetype(input.size()));
    checkClientSide(body, chunk, false);
    checkClientSide(body, chunk, true);
    checkClientSide(QByteArray::fromStdString(web::base64Encode(input)), chunk, true);
    return 0;
}
