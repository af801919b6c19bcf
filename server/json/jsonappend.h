#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace triptych::json {

// Appends text as the body of a JSON string (without quotes), escaped exactly as RapidJSON's Writer escapes it:
// `"`, `\` and control characters; everything else, UTF-8 included, is copied in runs. An ill-formed UTF-8
// sequence is written as U+FFFD, so the JSON stays valid whatever the text holds.
void appendEscaped(std::string &out, std::string_view text);
// The most bytes writeEscaped writes for text: its size when no byte needs a look (ASCII without escapes), else 6
// per byte (an escape is 6 bytes for 1; a replacement 3 for 1 or more).
std::size_t escapedSizeBound(std::string_view text);
// Writes text escaped as appendEscaped does at `to`, which has room for escapedSizeBound(text); returns the end.
// For writers that make room once for a whole value and store through a raw cursor.
char *writeEscaped(char *to, std::string_view text);

// Appends a value as compact JSON, byte-identical to what rapidjson::Writer writes for it, but copying plain runs
// of strings whole instead of character by character (a 1,000-order GraphQL answer is written several times
// faster). NaN and infinities, which JSON cannot carry, are written as null; ill-formed UTF-8 as U+FFFD.
void appendValue(std::string &out, const rapidjson::Value &value);

} // namespace triptych::json
