#pragma once

#include "app/workspace/diagnostic.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// JSON or YAML files as one JSON object, for the importers of formats that come in both (OpenAPI) or in JSON only
// (Postman, HAR, Insomnia). Errors name the file, the line and the column; YAML aliases are expanded under a budget,
// so an alias bomb is refused instead of filling the memory.
namespace triptych::interop {

std::optional<QJsonObject> parseJsonObject(const QByteArray &bytes, const QString &file, workspace::Diagnostics &out);
// JSON when the text starts with '{', YAML otherwise.
std::optional<QJsonObject> parseJsonOrYamlObject(const QByteArray &bytes, const QString &file,
                                                 workspace::Diagnostics &out);

} // namespace triptych::interop
