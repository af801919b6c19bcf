// The app's Server-Sent Events parser (app/client/sseparser) against a hostile server: the input is the stream,
// cut into chunks where the fuzzer says (a first byte of chunk sizes). Whatever is fed, the events hold only bytes
// that came in, and feeding the same stream whole or in chunks gives the same events.
#include "app/client/sseparser.h"
#include "tests/fuzz/fuzzchecks.h"

#include <cstddef>
#include <cstdint>

using triptych::client::SseEvent;
using triptych::client::SseParser;

namespace {

bool sameEvents(const QList<SseEvent> &a, const QList<SseEvent> &b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].event != b[i].event || a[i].data != b[i].data || a[i].id != b[i].id)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::size_t chunk = std::size_t(data[0] % 64) + 1;
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    SseParser whole;
    const QList<SseEvent> all = whole.feed(stream);
    SseParser pieces;
    QList<SseEvent> chunked;
    for (qsizetype at = 0; at < stream.size(); at += qsizetype(chunk))
        chunked += pieces.feed(stream.mid(at, qsizetype(chunk)));
    qsizetype dataBytes = 0;
    for (const auto &event : all)
        dataBytes += event.data.size();
    if (dataBytes > stream.size())
        triptych::fuzz::fail("events hold more data than came in", stream.toStdString());
    // A CR at a chunk's end may be the first half of CRLF: the split stream can differ only by a pending event.
    if (!sameEvents(all, chunked) && !sameEvents(all.mid(0, chunked.size()), chunked))
        triptych::fuzz::fail("chunking changed the events", stream.toStdString());
    return 0;
}
