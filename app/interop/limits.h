#pragma once

#include <QtGlobal>

// The importers' limits, checked before the work starts.
namespace triptych::interop::limits {

constexpr qint64 kMaxImportBytes = 64LL * 1024 * 1024; // a file beyond this is refused unread
constexpr int kMaxFolderDepth = 64;                    // nesting of Postman folders

} // namespace triptych::interop::limits
