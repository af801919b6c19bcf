// Any text given to the lexer/parser ends in a document or a syntax error located inside the text: no crash, hang
// or blow-up, with or without a token limit (the first byte picks one, as the server sets one).
#include "server/graphql/syntax/parser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::size_t maxTokens = data[0] % 2 ? 0 : data[0] / 2;
    const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);
    const triptych::graphql::ParseResult result = triptych::graphql::parse(text, {maxTokens});
    if (!result.ok() && (result.error->message.empty() || result.error->loc.line == 0 ||
                         result.error->loc.column == 0 || result.error->loc.line > text.size() + 1))
        __builtin_trap();
    triptych::graphql::parseValue(text);
    return 0;
}
