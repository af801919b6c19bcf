#pragma once

// The properties every fuzz target checks on what it gets back: JSON that parses (RFC 8259, UTF-8 validated by
// RapidJSON, not by the server's own code) and header fields that cannot split a response.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace triptych::fuzz {

[[noreturn]] inline void fail(const char *what, std::string_view text) {
    std::fprintf(stderr, "fuzz property broken: %s\n%.*s\n", what,
                 static_cast<int>(std::min<std::size_t>(text.size(), 2000)), text.data());
    std::abort();
}

inline void requireValidJson(std::string_view text, const char *what = "invalid JSON") {
    rapidjson::Document document;
    document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    if (document.HasParseError())
        fail(what, text);
}

// A field value with CR, LF or NUL would end the head early and let input write headers of its own.
inline void requireSafeField(std::string_view name, std::string_view value) {
    for (const std::string_view part : {name, value})
        for (const char c : part)
            if (c == '\r' || c == '\n' || c == '\0')
                fail("a response header field holds CR, LF or NUL", part);
}

inline bool isJsonMediaType(std::string_view contentType) {
    return contentType.starts_with("application/json") || contentType.starts_with("application/problem+json") ||
           contentType.starts_with("application/graphql-response+json") ||
           contentType.starts_with("application/vnd.orders.v2+json");
}

} // namespace triptych::fuzz
