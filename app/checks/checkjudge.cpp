#include "app/checks/checkjudge.h"

#include <algorithm>

namespace triptych::checks {

int Verdict::failedChecks() const {
    return int(std::count_if(checks.begin(), checks.end(), [](const CheckResult &check) { return !check.passed; }));
}

bool Verdict::passed() const {
    return failedChecks() == 0 &&
           std::all_of(captures.begin(), captures.end(), [](const CaptureResult &capture) { return capture.ok; });
}

QHash<QString, QString> Verdict::capturedValues() const {
    QHash<QString, QString> values;
    for (const auto &capture : captures) {
        if (capture.ok)
            values.insert(capture.variable, capture.value);
    }
    return values;
}

void resolveVariables(CheckList &list, const std::function<QString(const QString &)> &resolveText) {
    for (auto &check : list.checks) {
        check.argument = resolveText(check.argument);
        if (check.expected.typeId() == QMetaType::QString)
            check.expected = resolveText(check.expected.toString());
    }
}

int expectedMessages(const CheckList &list) {
    for (const auto &check : list.checks) {
        if (check.subject == Subject::MessageCount && check.op == Operator::Equals)
            return check.expected.toInt();
    }
    return 0;
}

Verdict judge(const CheckList &list, const client::CallRecord &record, const QString &summary) {
    Verdict verdict;
    CheckEvaluator evaluator(record);
    for (const QString &error : list.errors)
        verdict.checks.append({error, false, QStringLiteral("a valid check"), QStringLiteral("an invalid entry")});
    for (const auto &check : list.checks)
        verdict.checks.append(evaluator.evaluate(check));
    if (list.checks.isEmpty() && list.errors.isEmpty())
        verdict.checks.append({QStringLiteral("answered without an error"), record.ok(), QStringLiteral("no error"),
                               record.ok() ? summary : record.error.message});
    for (const auto &capture : list.captures)
        verdict.captures.append(evaluator.capture(capture));
    return verdict;
}

} // namespace triptych::checks
