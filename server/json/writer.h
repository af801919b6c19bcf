#pragma once

#include "server/json/utf8.h"

#include <rapidjson/writer.h>

#include <cstring>
#include <string>

namespace triptych::json {

// A rapidjson::Writer that never writes invalid UTF-8, so every JSON the server sends parses: a string or key with
// an ill-formed sequence (a percent-decoded `%c0%ff` path, a header value) is written with U+FFFD in its place;
// valid text goes through untouched. Use it wherever the server writes JSON with RapidJSON.
template <class OutputStream> class Writer : public rapidjson::Writer<OutputStream> {
    using Base = rapidjson::Writer<OutputStream>;

public:
    using Base::Base;

    // These hide every String and Key overload of the base, so no path skips the check.
    bool String(const char *text, rapidjson::SizeType length, bool copy = false) {
        if (isValidUtf8({text, length}))
            return Base::String(text, length, copy);
        const std::string valid = toValidUtf8({text, length});
        return Base::String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()), true);
    }
    bool String(const char *text) { return String(text, static_cast<rapidjson::SizeType>(std::strlen(text))); }
    bool String(const std::string &text) { return String(text.data(), static_cast<rapidjson::SizeType>(text.size())); }
    bool Key(const char *text, rapidjson::SizeType length, bool copy = false) {
        if (isValidUtf8({text, length}))
            return Base::Key(text, length, copy);
        const std::string valid = toValidUtf8({text, length});
        return Base::Key(valid.data(), static_cast<rapidjson::SizeType>(valid.size()), true);
    }
    bool Key(const char *text) { return Key(text, static_cast<rapidjson::SizeType>(std::strlen(text))); }
    bool Key(const std::string &text) { return Key(text.data(), static_cast<rapidjson::SizeType>(text.size())); }
};

} // namespace triptych::json
