#include "app/model/formatting.h"

#include <QLocale>

namespace triptych::model {

QString formatDuration(qint64 microseconds) {
    const double ms = double(microseconds) / 1000.0;
    if (ms < 10.0)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
    if (ms < 1000.0)
        return QStringLiteral("%1 ms").arg(qRound64(ms));
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2);
}

QString formatBytes(qint64 bytes) {
    if (bytes < 0)
        return QStringLiteral("?");
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    const double kb = double(bytes) / 1024.0;
    if (kb < 1024.0)
        return QStringLiteral("%1 KB").arg(kb, 0, 'f', kb < 10.0 ? 1 : 0);
    const double mb = kb / 1024.0;
    return QStringLiteral("%1 MB").arg(mb, 0, 'f', mb < 10.0 ? 1 : 0);
}

QString exactBytes(qint64 bytes) {
    return QStringLiteral("%1 bytes").arg(QLocale(QLocale::English).toString(bytes));
}

} // namespace triptych::model
