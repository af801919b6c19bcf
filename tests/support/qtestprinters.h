#pragma once

// Readable QCOMPARE operands for the project's enums: compare their contract names as QStrings
// (the domain's own toString overloads return string_view, which QTest cannot print).
#include "server/domain/domain.h"
#include "server/domain/result.h"

#include <QString>

namespace triptych::testing {

inline QString name(ErrorCode code) {
    const auto text = toString(code);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}
inline QString name(OrderStatus status) {
    const auto text = toString(status);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}
inline QString qs(const std::string &text) {
    return QString::fromStdString(text);
}

} // namespace triptych::testing
