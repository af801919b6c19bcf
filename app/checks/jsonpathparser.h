#pragma once

#include "app/checks/jsonpathast.h"

#include <QString>
#include <QStringView>

namespace triptych::checks::jsonpath {

struct ParseError {
    QString message;
    qsizetype offset = 0; // in UTF-16 code units from the query's start
};

// Parses a whole query (RFC 9535's jsonpath-query): a null pointer and `error` when it is not well-formed or not
// well-typed (§2.4.3). Recursive descent, one function per grammar rule; nesting is capped (kMaxNesting).
QueryPtr parseQuery(QStringView text, ParseError *error);

constexpr int kMaxNesting =
    64; // brackets and parentheses inside one another, so a hostile query cannot overflow the stack

} // namespace triptych::checks::jsonpath
