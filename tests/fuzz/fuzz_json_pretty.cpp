// The app's JSON indenter (app/model/jsonpretty) against hostile bodies: when it says the input is valid, RapidJSON
// must agree and its output must be valid JSON with the same value; when it says invalid, the error must point
// inside the input; its output is always valid UTF-8 (ill-formed bytes in strings become U+FFFD); and indenting the
// indented text again changes nothing.
#include "app/client/wellformedutf8.h"
#include "app/model/jsonpretty.h"
#include "tests/fuzz/fuzzchecks.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <cstdint>

using triptych::model::prettyPrintJson;

namespace {

// With UTF-8 validated. Not RapidJSON's full-precision mode: its StrtodDiyFp passes 0 to clz() on some inputs
// (UBSan), a bug of RapidJSON 1.1.
bool parses(QByteArrayView text, rapidjson::Document &document) {
    document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(),
                                                                                           std::size_t(text.size()));
    return !document.HasParseError();
}

std::string compact(const rapidjson::Document &document) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    document.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = prettyPrintJson(input);
    if (!result.ok) {
        if (result.errorOffset > qsizetype(size) || (result.errorOffset >= 0 && result.line < 1))
            triptych::fuzz::fail("the error points outside the input", std::string(input.data(), size));
        return 0;
    }
    // The value the indenter should keep: the input's, with ill-formed UTF-8 replaced the way the app replaces it.
    const QByteArray wellFormed = triptych::client::toWellFormedUtf8(input.toByteArray());
    rapidjson::Document original;
    rapidjson::Document indented;
    if (!parses(wellFormed, original)) {
        // RFC 8259 allows any exponent and (§8.2) a lone surrogate escape such as "\uDAC0"; RapidJSON refuses numbers
        // beyond a double (1e400) and lone surrogates, the indenter need not.
        if (original.GetParseError() == rapidjson::kParseErrorNumberTooBig ||
            original.GetParseError() == rapidjson::kParseErrorStringUnicodeSurrogateInvalid)
            return 0;
        triptych::fuzz::fail("indented what RapidJSON calls invalid", std::string(input.data(), size));
    }
    if (!parses(result.text, indented))
        triptych::fuzz::fail("the indented text is not JSON", result.text.toStdString());
    if (compact(original) != compact(indented)) // as text: operator== mismatches objects with duplicate keys
        triptych::fuzz::fail("indenting changed the value", result.text.toStdString());
    if (prettyPrintJson(result.text).text != result.text)
        triptych::fuzz::fail("indenting the indented text changed it", result.text.toStdString());
    return 0;
}
