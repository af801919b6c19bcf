#include "app/checks/check.h"

#include <QVariantMap>

#include <array>
#include <utility>

namespace triptych::checks {

namespace {

constexpr std::array kSubjects{
    std::pair{Subject::Status, u"status"},
    std::pair{Subject::GrpcCode, u"grpcCode"},
    std::pair{Subject::Header, u"header"},
    std::pair{Subject::Trailer, u"trailer"},
    std::pair{Subject::JsonPath, u"jsonPath"},
    std::pair{Subject::JsonPointer, u"jsonPointer"},
    std::pair{Subject::TimeMs, u"timeMs"},
    std::pair{Subject::SizeBytes, u"sizeBytes"},
    std::pair{Subject::MessageCount, u"messageCount"},
    std::pair{Subject::GraphQLNoErrors, u"graphqlNoErrors"},
    std::pair{Subject::GrpcErrorDetail, u"grpcErrorDetail"},
};

constexpr std::array kOperators{
    std::pair{Operator::Equals, u"equals"},     std::pair{Operator::NotEquals, u"notEquals"},
    std::pair{Operator::Contains, u"contains"}, std::pair{Operator::Matches, u"matches"},
    std::pair{Operator::Exists, u"exists"},     std::pair{Operator::Type, u"type"},
    std::pair{Operator::Length, u"length"},     std::pair{Operator::LessThan, u"lessThan"},
};

constexpr std::array kCaptureSources{
    std::pair{CaptureSource::JsonPath, u"jsonPath"},   std::pair{CaptureSource::JsonPointer, u"jsonPointer"},
    std::pair{CaptureSource::Header, u"header"},       std::pair{CaptureSource::Trailer, u"trailer"},
    std::pair{CaptureSource::GrpcField, u"grpcField"},
};

// Subjects named by an argument (which header, which path); the others carry their expected value in their key.
bool takesArgument(Subject subject) {
    return subject == Subject::Header || subject == Subject::Trailer || subject == Subject::JsonPath ||
           subject == Subject::JsonPointer;
}

// What `status: 201` means without an operator: budgets are upper bounds, named things must exist, the rest equal.
Operator defaultOperator(Subject subject) {
    if (subject == Subject::TimeMs || subject == Subject::SizeBytes)
        return Operator::LessThan;
    if (takesArgument(subject))
        return Operator::Exists;
    return Operator::Equals;
}

bool isScalar(const QVariant &value) {
    return value.typeId() != QMetaType::QVariantMap && value.typeId() != QMetaType::QVariantList;
}

// One operator key of `map`: false with `error` when there are several or a value is missing.
bool takeOperator(const QVariantMap &map, Operator *op, QVariant *expected, bool *found, QString *error) {
    *found = false;
    for (const auto &[candidate, key] : kOperators) {
        if (!map.contains(QString::fromUtf16(key)))
            continue;
        if (*found) {
            *error = QStringLiteral("has more than one operator: write one check per operator");
            return false;
        }
        *found = true;
        *op = candidate;
        *expected = map.value(QString::fromUtf16(key));
    }
    return true;
}

QString parseCapture(const QVariantMap &map, CheckList &list) {
    Capture capture;
    capture.variable = map.value(QStringLiteral("capture")).toString();
    if (capture.variable.isEmpty())
        return QStringLiteral("capture needs a variable name");
    int sources = 0;
    for (const auto &[source, key] : kCaptureSources) {
        if (map.contains(QString::fromUtf16(key))) {
            ++sources;
            capture.source = source;
            capture.argument = map.value(QString::fromUtf16(key)).toString();
        }
    }
    if (sources != 1)
        return QStringLiteral("capture %1 needs exactly one of jsonPath, jsonPointer, header, trailer, grpcField")
            .arg(capture.variable);
    list.captures.append(capture);
    return {};
}

QString parseCheck(const QVariantMap &map, CheckList &list) {
    if (map.contains(QStringLiteral("capture")))
        return parseCapture(map, list);
    Check check;
    int subjects = 0;
    QVariant subjectValue;
    for (const auto &[subject, key] : kSubjects) {
        if (map.contains(QString::fromUtf16(key))) {
            ++subjects;
            check.subject = subject;
            subjectValue = map.value(QString::fromUtf16(key));
        }
    }
    if (subjects != 1)
        return subjects == 0 ? QStringLiteral("names nothing to check (status, grpcCode, header, trailer, jsonPath, "
                                              "jsonPointer, timeMs, sizeBytes, messageCount, graphqlNoErrors, "
                                              "grpcErrorDetail) and is no capture")
                             : QStringLiteral("names more than one thing to check: write one check each");
    // `status: {lessThan: 400}`: the operator inside the subject's own key.
    QVariantMap operators = map;
    if (!takesArgument(check.subject) && subjectValue.typeId() == QMetaType::QVariantMap)
        operators = subjectValue.toMap();
    bool found = false;
    QString error;
    if (!takeOperator(operators, &check.op, &check.expected, &found, &error))
        return error;
    if (takesArgument(check.subject)) {
        check.argument = subjectValue.toString();
        if (check.argument.isEmpty())
            return QStringLiteral("%1 needs a value").arg(subjectKey(check.subject));
    }
    if (!found) {
        check.op = defaultOperator(check.subject);
        check.expected = takesArgument(check.subject) ? QVariant(true) : subjectValue;
    }
    if (!isScalar(check.expected) && check.op != Operator::Equals && check.op != Operator::NotEquals &&
        check.op != Operator::Contains)
        return QStringLiteral("%1 needs a single value").arg(operatorKey(check.op));
    list.checks.append(check);
    return {};
}

} // namespace

QString subjectKey(Subject subject) {
    for (const auto &[candidate, key] : kSubjects) {
        if (candidate == subject)
            return QString::fromUtf16(key);
    }
    return {};
}

QString operatorKey(Operator op) {
    for (const auto &[candidate, key] : kOperators) {
        if (candidate == op)
            return QString::fromUtf16(key);
    }
    return {};
}

CheckList parseChecks(const QVariantList &entries) {
    CheckList list;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QVariant &entry = entries.at(i);
        const QString error = entry.typeId() == QMetaType::QVariantMap
                                  ? parseCheck(entry.toMap(), list)
                                  : QStringLiteral("must be a mapping such as {status: 200}");
        if (!error.isEmpty())
            list.errors.append(QStringLiteral("checks[%1]: %2").arg(i).arg(error));
    }
    return list;
}

QVariantList toVariantList(const CheckList &list) {
    QVariantList out;
    for (const Check &check : list.checks) {
        QVariantMap map;
        const bool shortForm = check.op == defaultOperator(check.subject) &&
                               (!takesArgument(check.subject) || check.expected == QVariant(true));
        if (takesArgument(check.subject)) {
            map.insert(subjectKey(check.subject), check.argument);
            if (!shortForm)
                map.insert(operatorKey(check.op), check.expected);
        } else if (shortForm) {
            map.insert(subjectKey(check.subject), check.expected);
        } else {
            map.insert(subjectKey(check.subject), QVariantMap{{operatorKey(check.op), check.expected}});
        }
        out.append(map);
    }
    for (const Capture &capture : list.captures) {
        for (const auto &[source, key] : kCaptureSources) {
            if (source == capture.source)
                out.append(QVariantMap{{QStringLiteral("capture"), capture.variable},
                                       {QString::fromUtf16(key), capture.argument}});
        }
    }
    return out;
}

} // namespace triptych::checks
