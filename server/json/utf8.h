#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace triptych::json {

// The length of the UTF-8 sequence at [from, end): `valid` says whether it is a well-formed character (Unicode
// Table 3-7: no overlong forms, surrogates or code points above U+10FFFF). When it is not, the length is that of
// its maximal subpart, the bytes one U+FFFD replaces (Unicode §3.9, as WHATWG's decoder does). Never 0.
std::size_t utf8Sequence(const unsigned char *from, const unsigned char *end, bool &valid);

bool isValidUtf8(std::string_view text);
// Appends text with every ill-formed sequence replaced by U+FFFD.
void appendValidUtf8(std::string &out, std::string_view text);
std::string toValidUtf8(std::string_view text);

} // namespace triptych::json
