#pragma once

#include "server/http/httpmessage.h"

#include <string>
#include <string_view>

// HTTP caching and content coding of answers (REST resources, GraphQL over HTTP): strong ETags, Cache-Control, Vary,
// 304 and gzip.
namespace triptych::http {

namespace cachecontrol {
// Resources change with writes: a client may keep them but revalidates each time (a cheap 304).
inline constexpr std::string_view kResource = "no-cache";
// The OpenAPI document is fixed for the life of the server.
inline constexpr std::string_view kDocument = "public, max-age=300";
inline constexpr std::string_view kNever = "no-store";
} // namespace cachecontrol

// A strong entity tag ("…" with 16 hex digits) from the bytes of a body.
std::string strongEtag(std::string_view body);
// If-None-Match (RFC 9110 §13.1.2): `*` or a list of tags, compared weakly.
bool noneMatchHits(std::string_view ifNoneMatch, std::string_view etag);

// Finishes a 200 answer to a GET of a resource: ETag, Cache-Control, Vary (Accept when the answer depends on
// it), then 304 when If-None-Match holds its tag, else gzip when accepted. The gzip body has its own tag.
HttpResponse representResource(const HttpRequest &request, HttpResponse response, std::string_view cacheControl,
                               bool variesOnAccept = false);
// Compresses any other answer (errors, writes) when the client accepts gzip; leaves streams and 304s alone.
void compressIfAccepted(const HttpRequest &request, HttpResponse &response);

} // namespace triptych::http
