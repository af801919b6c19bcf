#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace triptych::json {

// Appends text as the body of a JSON string (without quotes), escaped exactly as RapidJSON's Writer escapes it:
// `"`, `\` and control characters; everything else, UTF-8 included, is copied in runs. An ill-formed UTF-8
// sequence is written as U+FFFD, so the JSON stays valid whatever the text holds.
void appendEscaped(std::string &out, std::string_view text);

// Appends a value as compact JSON, byte-identical to what rapidjson::Writer writes for it, but copying plain runs
// of strings whole instead of character by character (a 1,000-order GraphQL answer is written several times
// faster). NaN and infinities, which JSON cannot carry, are written as null; ill-formed UTF-8 as U+FFFD.
void appendValue(std::string &out, const rapidjson::Value &value);

} // namespace triptych::json
