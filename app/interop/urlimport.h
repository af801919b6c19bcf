#pragma once

#include "app/interop/importformat.h"

#include <QString>
#include <QUrl>

#include <atomic>
#include <optional>

// An import from an http(s) URL (docs/interop.md): an OpenAPI document a server publishes, such as the embedded
// server's /openapi.json, or any other format the importers read. For `triptych-cli import URL` and File ▸ Import
// from URL…; both call it off the GUI thread or where blocking is fine.
namespace triptych::interop {

// True for text that names an http:// or https:// URL rather than a file.
bool isImportUrl(const QString &text);

// Fetches `url` (redirects followed, at most limits::kMaxImportBytes, 30 s) and imports the body in `format`, or in
// the format detected from the bytes and the URL's last path segment. Blocks the calling thread, which needs no event
// loop of its own; `cancel`, when set, ends the fetch early.
ImportResult importUrl(const QUrl &url, std::optional<ImportFormat> format, ImportFormat *used = nullptr,
                       const std::atomic_bool *cancel = nullptr);

} // namespace triptych::interop
