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

bool usesVariables(const CheckList &list) {
    return std::any_of(list.checks.begin(), list.checks.end(), [](const Check &check) {
        return check.argument.contains(QLatin1String("{{")) ||
               (check.expected.typeId() == QMetaType::QString &&
                check.expected.toString().contains(QLatin1String("{{")));
    });
}

PreparedChecks prepare(CheckList list) {
    PreparedChecks prepared{std::move(list), {}};
    prepared.descriptions.reserve(prepared.list.checks.size());
    for (const auto &check : std::as_const(prepared.list.checks))
        prepared.descriptions.append(describe(check));
    return prepared;
}

int expectedMessages(const CheckList &list) {
    for (const auto &check : list.checks) {
        if (check.subject == Subject::MessageCount && check.op == Operator::Equals)
            return check.expected.toInt();
    }
    return 0;
}

Verdict judge(const CheckList &list, const client::CallRecord &record, const QString &summary) {
    return judge(prepare(list), record, summary);
}

Verdict judge(const PreparedChecks &prepared, const client::CallRecord &record, const QString &summary) {
    const CheckList &list = prepared.list;
    Verdict verdict;
    verdict.checks.reserve(list.errors.size() + std::max(qsizetype(1), list.checks.size()));
    CheckEvaluator evaluator(record);
    for (const QString &error : list.errors)
        verdict.checks.append({error, false, QStringLiteral("a valid check"), QStringLiteral("an invalid entry")});
    for (qsizetype i = 0; i < list.checks.size(); ++i)
        verdict.checks.append(evaluator.evaluate(list.checks.at(i), prepared.descriptions.at(i)));
    if (list.checks.isEmpty() && list.errors.isEmpty())
        verdict.checks.append({QStringLiteral("answered without an error"), record.ok(), QStringLiteral("no error"),
                               record.ok() ? summary : record.error.message});
    for (const auto &capture : list.captures)
        verdict.captures.append(evaluator.capture(capture));
    return verdict;
}

} // namespace triptych::checks
