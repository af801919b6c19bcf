#include "app/client/responselimit.h"

#include <algorithm>
#include <atomic>

namespace triptych::client {

namespace {
std::atomic<qint64> g_maxResponseBytes{responselimits::kDefaultMaxResponseBytes};

qint64 clamped(qint64 bytes) {
    return std::clamp(bytes, responselimits::kMinMaxResponseBytes, responselimits::kMaxMaxResponseBytes);
}
} // namespace

qint64 maxResponseBytes() {
    return g_maxResponseBytes.load();
}

void setMaxResponseBytes(qint64 bytes) {
    g_maxResponseBytes = clamped(bytes);
}

qint64 effectiveMaxResponseBytes(qint64 requested) {
    return requested > 0 ? clamped(requested) : maxResponseBytes();
}

QString sizeText(qint64 bytes) {
    static const char *const units[] = {"KB", "MB", "GB"};
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    double value = double(bytes) / 1024;
    int unit = 0;
    while (value >= 1024 && unit < 2) {
        value /= 1024;
        ++unit;
    }
    const bool whole = value == double(qint64(value));
    return QStringLiteral("%1 %2").arg(whole ? QString::number(qint64(value)) : QString::number(value, 'f', 1),
                                       QLatin1String(units[unit]));
}

CallError responseTooLargeError(qint64 limit, const QString &what) {
    return {ErrorKind::TooLarge, QStringLiteral("%1 exceeded the %2 limit").arg(what, sizeText(limit)),
            QStringLiteral("raise it in Request ▸ Response size limit… (triptych-cli: --max-body MB) if you need all "
                           "of it")};
}

} // namespace triptych::client
