#include "server/http/gzip.h"

#include "server/http/httpmessage.h"

#include <zlib.h>

#include <charconv>
#include <vector>

namespace triptych::http {
namespace {

// zlib's windowBits for a gzip wrapper instead of a zlib one.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kMemoryLevel = 8;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// The q value of one list member ("gzip;q=0.5"); 1 when absent, 0 when unreadable.
double qualityOf(std::string_view parameters) {
    const auto q = parameters.find("q=");
    if (q == std::string_view::npos)
        return 1.0;
    auto value = trim(parameters.substr(q + 2));
    double quality = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), quality);
    (void)end;
    return error == std::errc() ? quality : 0.0;
}

} // namespace

std::optional<std::string> gzipCompress(std::string_view data, int level) {
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, kGzipWindowBits, kMemoryLevel, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const auto written = stream.total_out;
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return std::nullopt;
    out.resize(written);
    return out;
}

bool acceptsGzip(std::string_view acceptEncoding) {
    double gzip = -1;
    double any = -1;
    while (!acceptEncoding.empty()) {
        const auto comma = acceptEncoding.find(',');
        const auto member = acceptEncoding.substr(0, comma);
        acceptEncoding = comma == std::string_view::npos ? std::string_view() : acceptEncoding.substr(comma + 1);
        const auto semicolon = member.find(';');
        const auto coding = trim(member.substr(0, semicolon));
        const double quality = semicolon == std::string_view::npos ? 1.0 : qualityOf(member.substr(semicolon + 1));
        if (equalsIgnoringCase(coding, "gzip") || equalsIgnoringCase(coding, "x-gzip"))
            gzip = quality;
        else if (coding == "*")
            any = quality;
    }
    return gzip >= 0 ? gzip > 0 : any > 0;
}

} // namespace triptych::http
