#pragma once

#include "app/checks/check.h"

#include "app/client/callrecord.h"

#include <QHash>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace triptych::checks {

// A check's verdict, with what was expected and what came back in words ("201", "404", "missing: no header ETag").
struct CheckResult {
    QString description; // describe(check)
    bool passed = false;
    QString expected;
    QString actual;
    // "status equals 201: expected 201, got 404"
    QString message() const;
};

struct CaptureResult {
    QString variable;
    bool ok = false;
    QString value; // strings as they are, anything else as compact JSON
    QString error; // "jsonPath $.id matched nothing"
};

// Judges one answer. The body is parsed once, on first need; a record of a stream with more than one message
// received is judged as a JSON array of those messages. Plain values in and out: any thread.
class CheckEvaluator {
public:
    explicit CheckEvaluator(const client::CallRecord &record);

    CheckResult evaluate(const Check &check);
    // The same with describe(check) given, for a list judged many times (checkjudge.h, PreparedChecks).
    CheckResult evaluate(const Check &check, const QString &description);
    CaptureResult capture(const Capture &capture);

private:
    struct Observed {
        std::optional<QJsonValue> value;
        QString missing; // why there is no value
    };
    Observed observe(const Check &check);
    Observed observeBody(Subject subject, const QString &argument);
    Observed observeGraphQLErrors();
    Observed observeErrorDetail(const QString &type);
    const std::optional<QJsonValue> &document();

    const client::CallRecord &m_record;
    bool m_parsed = false;
    std::optional<QJsonValue> m_document;
    QString m_documentError;
};

// "status equals 201", "jsonPath $.order.status matches ^P", "timeMs under 500": a check in words, for reports.
QString describe(const Check &check);
QString describe(const Capture &capture);

} // namespace triptych::checks
