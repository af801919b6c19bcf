#pragma once

#include <QtGlobal>

// The importers' limits, checked before the work starts.
namespace triptych::interop::limits {

constexpr qint64 kMaxImportBytes = 64LL * 1024 * 1024; // a file beyond this is refused unread
constexpr int kMaxFolderDepth = 64;                    // nesting of Postman folders
constexpr qint64 kMaxDocumentNodes = 2'000'000;        // YAML nodes after aliases are expanded (alias bombs)
constexpr int kMaxDocumentDepth = 256;                 // nesting of a YAML document
constexpr int kMaxRefDepth = 64;                       // $ref chains and nested schemas followed for one example

} // namespace triptych::interop::limits
