// The JSONPath parser and evaluator (app/checks) against hostile queries: the input is a query, then after the first
// newline a JSON document. Whatever comes in, a refused query names an offset inside it, a parsed one evaluates on
// the document without crashing or recursing without bound, and parsing the same text twice agrees.
#include "app/checks/jsonpath.h"
#include "tests/fuzz/fuzzchecks.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString query = QString::fromUtf8(newline < 0 ? input : input.left(newline));
    triptych::checks::jsonpath::ParseError error;
    const auto path = triptych::checks::JsonPath::parse(query, &error);
    if (!path) {
        if (error.offset < 0 || error.offset > query.size() || error.message.isEmpty())
            triptych::fuzz::fail("a refused query must say where and why", input.toStdString());
        return 0;
    }
    if (!triptych::checks::JsonPath::parse(query))
        triptych::fuzz::fail("the same query parsed once and refused once", input.toStdString());
    const auto document =
        triptych::checks::parseJsonValue(newline < 0 ? QByteArray("{\"a\": [1, {\"b\": 2}]}") : input.mid(newline + 1));
    if (document)
        path->select(*document);
    return 0;
}
