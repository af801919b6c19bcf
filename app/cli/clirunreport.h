#pragma once

#include "app/checks/checkevaluator.h"

#include <QList>
#include <QString>

class QIODevice;

namespace triptych::cli {

// One request of a `triptych-cli run`, as the reporters see it.
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

// The whole run as one JSON document (docs/checks.md has its shape).
void writeJsonReport(const QList<RunRequestResult> &results, const RunTotals &totals, QIODevice &out);
// JUnit XML as CI systems read it: one <testsuite> per iteration, one <testcase> per request, a <failure> with every
// failed check, an <error> for a request that could not be made (tests/data/junit.xsd is the schema it keeps).
void writeJUnitReport(const QList<RunRequestResult> &results, const RunTotals &totals, const QString &runName,
                      QIODevice &out);

} // namespace triptych::cli
