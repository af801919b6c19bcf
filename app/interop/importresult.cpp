#include "app/interop/importresult.h"

namespace triptych::interop {

QString safeRequestName(const QString &name) {
    constexpr qsizetype kMaxNameLength = 200; // the workspace's limit on a name
    QString safe;
    for (QChar c : name.simplified()) {
        const bool refused = QStringView(u"/\\:*?\"<>|").contains(c) || c.unicode() < 32;
        safe.append(refused ? QLatin1Char('-') : c);
    }
    safe.truncate(kMaxNameLength);
    // Dots and spaces at either end (a dot would hide the file, ". x" would leave " x"): the result is stable.
    while (safe.startsWith(QLatin1Char('.')) || safe.startsWith(QLatin1Char(' ')))
        safe.remove(0, 1);
    while (safe.endsWith(QLatin1Char('.')) || safe.endsWith(QLatin1Char(' ')))
        safe.chop(1);
    return safe.isEmpty() ? QStringLiteral("Request") : safe;
}

} // namespace triptych::interop
