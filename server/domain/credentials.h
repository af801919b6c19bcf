#pragma once

#include <string>
#include <string_view>

namespace triptych {

// The demo credentials every style checks for writes; shown by the app and by --help.
struct Credentials {
    std::string token = "demo-token";
    std::string apiKey = "demo-key";

    // An `Authorization` header value: "Bearer <token>" (scheme case-insensitive, RFC 7235).
    bool acceptsAuthorization(std::string_view header) const;
    bool acceptsApiKey(std::string_view key) const { return !apiKey.empty() && key == apiKey; }
};

} // namespace triptych
