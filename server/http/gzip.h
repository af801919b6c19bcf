#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace triptych::http {

// A gzip member (RFC 1952) of data at a zlib level 1..9; none only if zlib fails.
std::optional<std::string> gzipCompress(std::string_view data, int level);
// Whether an Accept-Encoding value allows gzip (RFC 9110 §12.5.3: listed, or `*`, with q > 0).
bool acceptsGzip(std::string_view acceptEncoding);

} // namespace triptych::http
