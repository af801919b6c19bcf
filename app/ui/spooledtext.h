#pragma once

#include "app/client/bodyspool.h"
#include "app/ui/largetextview.h"

#include <atomic>
#include <vector>

namespace triptych::ui {

// A spooled body (app/client/bodyspool.h) as a LargeTextView's text: the file is mapped read-only, so the view
// pages in only the lines it paints and a 1 GB body costs the process what a screen of it costs. Lines are indexed
// in the first `indexBytes` only, which is the first screen: the last of those lines runs to the end of the file
// until indexSpooledText() has read all of it. Null text when the file cannot be mapped.
IndexedText mapSpooledBody(const client::BodySpoolPtr &spool, qint64 indexBytes);

// The same text with every line indexed, reading the file in blocks rather than through the mapping: the pages read
// stay in the system's cache instead of this process's memory. Meant for a worker thread.
IndexedText indexSpooledText(const IndexedText &mapped);

// findAllMatches (app/ui/findbar.h) over a file, block by block, for the same reason.
std::vector<qint64> findAllMatchesInFile(const QString &path, const QByteArray &needle, std::size_t limit,
                                         const std::atomic_bool &stop);

} // namespace triptych::ui
