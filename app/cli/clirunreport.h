#pragma once

#include "app/session/runresult.h"

#include <QList>
#include <QString>

class QIODevice;

namespace triptych::cli {

using session::RunRequestResult;
using session::RunTotals;
using session::totalsOf;

// The whole run as one JSON document (docs/checks.md has its shape).
void writeJsonReport(const QList<RunRequestResult> &results, const RunTotals &totals, QIODevice &out);
// JUnit XML as CI systems read it: one <testsuite> per iteration, one <testcase> per request, a <failure> with every
// failed check, an <error> for a request that could not be made (tests/data/junit.xsd is the schema it keeps).
void writeJUnitReport(const QList<RunRequestResult> &results, const RunTotals &totals, const QString &runName,
                      QIODevice &out);

} // namespace triptych::cli
