#pragma once

#include "app/checks/checkevaluator.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace triptych::session {

// One request of a run of a folder (`triptych-cli run`, the window's Runner), as reports and views see it.
struct RunRequestResult {
    QString path;      // in the workspace: "Writes (need credentials)/Create an order.rest.yaml"
    QString style;     // rest, graphql, grpc
    int iteration = 0; // from 0
    QString summary;   // "201 · 12 ms", "NOT_FOUND · 3 ms"
    qint64 timeUs = 0;
    QString requestError; // not empty: the request could not be made or got no answer
    QList<checks::CheckResult> checks;
    QList<checks::CaptureResult> captures;
    int failedChecks() const;
    bool passed() const { return requestError.isEmpty() && failedChecks() == 0; }
};

struct RunTotals {
    int requests = 0;
    int requestErrors = 0;
    int checks = 0;
    int failedChecks = 0;
    qint64 elapsedMs = 0;
};
RunTotals totalsOf(const QList<RunRequestResult> &results, qint64 elapsedMs);

} // namespace triptych::session

Q_DECLARE_METATYPE(triptych::session::RunRequestResult)
