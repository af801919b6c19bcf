#pragma once

#include "app/interop/importresult.h"
#include "app/workspace/historyentry.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// HAR 1.2 (docs/interop.md): a browser's "Save all as HAR" in — one REST request per entry, in a folder per host — and
// the history out, with the call's phases in each entry's timings.
namespace triptych::interop {

// `file` labels the diagnostics.
ImportResult importHar(const QByteArray &bytes, const QString &file);

struct HarExport {
    QByteArray har;
    QStringList skipped; // "<method> <url>: why" for calls HAR cannot hold (gRPC, GraphQL over WebSocket)
};

// REST and GraphQL-over-HTTP calls of the history, oldest first. The history keeps no send phase, so `send` is 0 and
// the time to the first byte is `wait`; `receive` is what is left of the call's duration.
HarExport exportHar(const QList<workspace::HistoryEntry> &entries, const QString &creatorVersion);

} // namespace triptych::interop
