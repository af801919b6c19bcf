#pragma once

#include <QList>
#include <QString>

namespace triptych::workspace {

// One finding about a workspace file: an error (the file, or that part of it, cannot be used) or a warning (something
// was ignored). Lines and columns count from 1; 0 means the finding is about the whole file.
struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString file; // as given to the reader: a path relative to the workspace, or a name
    int line = 0;
    int column = 0;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "requests/orders.rest.yaml:7: timeoutMs must be a whole number of milliseconds" (warnings say "warning: ").
    QString text() const;
    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace triptych::workspace
