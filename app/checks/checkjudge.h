#pragma once

#include "app/checks/check.h"
#include "app/checks/checkevaluator.h"

#include "app/client/callrecord.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace triptych::checks {

// What one answer made of a request's checks and captures: the same verdict for `triptych-cli run`, the Checks tab
// of a pane and the window's Runner (docs/checks.md).
struct Verdict {
    QList<CheckResult> checks;
    QList<CaptureResult> captures;
    int failedChecks() const;
    // Every check passed and every capture found its value.
    bool passed() const;
    // The variables the captures set, by name.
    QHash<QString, QString> capturedValues() const;
};

// Checks may name variables (`equals: '{{orderId}}'`, `$.orders[?@.id == {{orderId}}]`): their arguments and text
// expectations through `resolveText`.
void resolveVariables(CheckList &list, const std::function<QString(const QString &)> &resolveText);
// Whether resolveVariables could change the list: an argument or a text expectation names a variable.
bool usesVariables(const CheckList &list);

// A list judged again and again (each request of a run, every iteration) with each check described once: the
// description depends on the check alone, and building it costs more than most verdicts.
struct PreparedChecks {
    CheckList list;
    QStringList descriptions; // describe(list.checks[i])
};
PreparedChecks prepare(CheckList list);

// A stream is stopped once the count its `messageCount` check expects has come; 0 when no check expects one.
int expectedMessages(const CheckList &list);

// Judges `record`: each invalid entry of the list as a failed check, then the checks and the captures. A list without
// checks passes when the call answered without an error (HTTP < 400, gRPC OK); `summary` is the actual value shown
// then ("200 · 3 ms").
Verdict judge(const CheckList &list, const client::CallRecord &record, const QString &summary);
Verdict judge(const PreparedChecks &prepared, const client::CallRecord &record, const QString &summary);

} // namespace triptych::checks
