#pragma once

#include <QString>
#include <QtGlobal>

namespace triptych::model {

// One precision everywhere: "0.4 ms", "3.1 ms", "42 ms", "1.25 s".
QString formatDuration(qint64 microseconds);
// "512 B", "1.4 KB", "138 KB", "2.3 MB"; KB = 1024 B.
QString formatBytes(qint64 bytes);
// The exact value for a tooltip: "141,312 bytes".
QString exactBytes(qint64 bytes);

} // namespace triptych::model
