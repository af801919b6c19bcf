#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace triptych::checks {

// An RFC 6901 JSON Pointer ("/order/items/0/name", "~1" for '/', "~0" for '~') applied to a value: the value it
// points at, or nothing (with `error` saying why: syntax, or which step found no member or index).
std::optional<QJsonValue> resolveJsonPointer(const QJsonValue &root, QStringView pointer, QString *error = nullptr);

} // namespace triptych::checks
