#include "app/session/runresult.h"

namespace triptych::session {

int RunRequestResult::failedChecks() const {
    int failed = 0;
    for (const auto &check : checks)
        failed += check.passed ? 0 : 1;
    for (const auto &capture : captures)
        failed += capture.ok ? 0 : 1;
    return failed;
}

RunTotals totalsOf(const QList<RunRequestResult> &results, qint64 elapsedMs) {
    RunTotals totals;
    totals.elapsedMs = elapsedMs;
    for (const auto &result : results) {
        ++totals.requests;
        totals.requestErrors += result.requestError.isEmpty() ? 0 : 1;
        totals.checks += int(result.checks.size() + result.captures.size());
        totals.failedChecks += result.failedChecks();
    }
    return totals;
}

} // namespace triptych::session
