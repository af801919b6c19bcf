#include "app/workspace/diagnostic.h"

#include <algorithm>

namespace triptych::workspace {

QString Diagnostic::text() const {
    QString out = file;
    if (line > 0)
        out += QLatin1Char(':') + QString::number(line);
    out += QStringLiteral(": ");
    if (severity == Severity::Warning)
        out += QStringLiteral("warning: ");
    return out + message;
}

bool hasErrors(const Diagnostics &diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.isError(); });
}

} // namespace triptych::workspace
