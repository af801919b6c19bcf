#pragma once

#include "app/interop/importresult.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Which importer reads a file: named by the person (triptych-cli import --format, the window's choice) or guessed from
// the bytes and the file name. One entry point for the window and the CLI, so both read a file the same way.
namespace triptych::interop {

enum class ImportFormat { Curl, Postman, PostmanEnvironment, Insomnia, OpenApi, Har, Protoset };

// "curl", "postman", "postman-environment", "insomnia", "openapi", "har", "protoset".
QString importFormatName(ImportFormat format);
std::optional<ImportFormat> importFormatFromName(QStringView name);
// Every name importFormatFromName accepts, for messages: "curl, postman, …".
QString importFormatNames();

// A guess from the content first (JSON keys, YAML's openapi:, a curl command), then the file's suffix.
std::optional<ImportFormat> detectImportFormat(const QByteArray &bytes, const QString &fileName);

// `file` labels the diagnostics.
ImportResult importBytes(ImportFormat format, const QByteArray &bytes, const QString &file);

// Reads the file (refusing one over limits::kMaxImportBytes unread) and imports it in `format`, or in the detected
// format when none is given; `used` says which was used.
ImportResult importFile(const QString &path, std::optional<ImportFormat> format, ImportFormat *used = nullptr);

} // namespace triptych::interop
