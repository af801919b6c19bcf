#include "server/domain/credentials.h"

#include <algorithm>
#include <cctype>

namespace triptych {

bool Credentials::acceptsAuthorization(std::string_view header) const {
    constexpr std::string_view kScheme = "bearer";
    if (header.size() <= kScheme.size() || header[kScheme.size()] != ' ')
        return false;
    const bool schemeMatches = std::equal(kScheme.begin(), kScheme.end(), header.begin(), [](char a, char b) {
        return a == std::tolower(static_cast<unsigned char>(b));
    });
    if (!schemeMatches)
        return false;
    std::string_view presented = header.substr(kScheme.size() + 1);
    while (!presented.empty() && presented.front() == ' ')
        presented.remove_prefix(1);
    while (!presented.empty() && presented.back() == ' ')
        presented.remove_suffix(1);
    return !token.empty() && presented == token;
}

} // namespace triptych
