#pragma once

#include "app/client/callrecord.h"

#include <QtGlobal>

namespace triptych::client {

// The cap on what one call may hold in memory (body, stream messages), whatever the server sends: beyond it the call
// stops with ErrorKind::TooLarge. The window's Request menu and `triptych-cli --max-body` change it.
namespace responselimits {
constexpr qint64 kDefaultMaxResponseBytes = 256LL * 1024 * 1024;
constexpr qint64 kMinMaxResponseBytes = 1024;                      // below this no ordinary answer fits
constexpr qint64 kMaxMaxResponseBytes = 64LL * 1024 * 1024 * 1024; // a typo's guard, not a real need
constexpr qint64 kStreamMessageOverheadBytes = 128;                // a kept message's bookkeeping besides its text
constexpr int kMaxResponseHeaders = 1'000;                         // real servers send tens
// A gRPC stream's record keeps its messages up to this many bytes; past it, when the limit is higher, the messages are
// counted (CallRecord::unkeptMessages) but not kept, so a million-message stream holds bounded memory.
constexpr qint64 kStreamRecordWindowBytes = 16LL * 1024 * 1024;
// The window's panes write a body past this to a temporary file (RestRequest::spoolAboveBytes) instead of memory.
constexpr qint64 kSpoolAboveBytes = 16LL * 1024 * 1024;
} // namespace responselimits

// The process-wide cap that calls use unless their request names one; thread-safe. Clamped to the bounds above.
qint64 maxResponseBytes();
void setMaxResponseBytes(qint64 bytes);
// A request's own cap (0: the process-wide one), clamped.
qint64 effectiveMaxResponseBytes(qint64 requested);

// "256 MB", "1.5 GB", "900 KB", "12 bytes": the unit a person would pick (powers of 1024).
QString sizeText(qint64 bytes);
// "The response exceeded the 256 MB limit — raise it in …"; `what` names the part that grew ("The response",
// "The stream's messages").
CallError responseTooLargeError(qint64 limit, const QString &what = QStringLiteral("The response"));

} // namespace triptych::client
