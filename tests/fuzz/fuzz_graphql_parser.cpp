// Any text given to the lexer/parser ends in a document or a syntax error: no crash, hang or blow-up.
#include "server/graphql/syntax/parser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const triptych::graphql::ParseResult result = triptych::graphql::parse(text);
    if (!result.ok() && result.error->message.empty())
        __builtin_trap();
    triptych::graphql::parseValue(text);
    return 0;
}
