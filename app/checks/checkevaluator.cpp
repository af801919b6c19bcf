#include "app/checks/checkevaluator.h"

#include "app/checks/checkoperators.h"
#include "app/checks/jsonpath.h"
#include "app/checks/jsonpointer.h"
#include "app/client/responselimit.h"

#include <QJsonArray>
#include <QJsonObject>

namespace triptych::checks {

using client::CallRecord;

namespace {

std::optional<QByteArray> findHeader(const client::HeaderList &headers, const QString &name) {
    for (const auto &[key, value] : headers) {
        if (key.compare(name.toUtf8(), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

int incomingCount(const CallRecord &record) {
    return int(std::count_if(record.messages.begin(), record.messages.end(),
                             [](const client::StreamMessage &message) { return !message.outgoing; }));
}

// "NOT_FOUND", "not found" and 5 all name gRPC's code 5.
bool sameGrpcCode(int actual, const QVariant &expected) {
    bool number = false;
    const int code = expected.toString().toInt(&number);
    if (number)
        return code == actual;
    const auto normal = [](QString text) { return text.replace(QLatin1Char(' '), QLatin1Char('_')).toUpper(); };
    return normal(expected.toString()) == normal(client::grpcCodeName(actual));
}

// A run judges the same few queries over and over: each thread keeps the parsed ones (up to kCachedPaths).
constexpr int kCachedPaths = 256;

std::optional<JsonPath> parsedPath(const QString &text, jsonpath::ParseError *error) {
    thread_local QHash<QString, JsonPath> cache;
    if (const auto found = cache.constFind(text); found != cache.constEnd())
        return *found;
    auto path = JsonPath::parse(text, error);
    if (path) {
        if (cache.size() >= kCachedPaths)
            cache.clear();
        cache.insert(text, *path);
    }
    return path;
}

QString jsonPathOfField(const QString &field) {
    // A gRPC field path as the JSON names it ("order.id", "items.0.name") in JSONPath terms.
    QString path = QStringLiteral("$");
    for (const QString &part : field.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        bool index = false;
        part.toLongLong(&index);
        path += index ? QStringLiteral("[%1]").arg(part) : QStringLiteral("['%1']").arg(part);
    }
    return path;
}

} // namespace

QString CheckResult::message() const {
    return QStringLiteral("%1: expected %2, got %3").arg(description, expected, actual);
}

CheckEvaluator::CheckEvaluator(const CallRecord &record)
    : m_record(record) {}

const std::optional<QJsonValue> &CheckEvaluator::document() {
    if (std::exchange(m_parsed, true))
        return m_document;
    if (incomingCount(m_record) > 1) {
        QJsonArray messages;
        for (const auto &message : m_record.messages) {
            if (message.outgoing)
                continue;
            const QByteArray text = message.json();
            messages.append(parseJsonValue(text).value_or(QString::fromUtf8(text)));
        }
        m_document = messages;
    } else if (m_record.spooledBody) {
        // Only the body's start is in memory: a check on it would judge part of the answer.
        m_documentError = QStringLiteral("the body is too large to check (%1, kept on disk)")
                              .arg(client::sizeText(m_record.sizes.responseBodyDecodedBytes));
    } else if (m_record.body.isEmpty()) {
        m_documentError = m_record.transportOk() ? QStringLiteral("the body is empty")
                                                 : QStringLiteral("no answer: %1").arg(m_record.error.message);
    } else {
        QString error;
        m_document = parseJsonValue(m_record.body, &error);
        if (!m_document)
            m_documentError = QStringLiteral("the body is not JSON (%1)").arg(error);
    }
    return m_document;
}

CheckEvaluator::Observed CheckEvaluator::observeBody(Subject subject, const QString &argument) {
    const auto &root = document();
    if (!root)
        return {std::nullopt, m_documentError};
    if (subject == Subject::JsonPointer) {
        QString error;
        auto value = resolveJsonPointer(*root, argument, &error);
        return {std::move(value), error};
    }
    jsonpath::ParseError error;
    const auto path = parsedPath(argument, &error);
    if (!path)
        return {std::nullopt, QStringLiteral("the JSONPath is invalid at %1: %2").arg(error.offset).arg(error.message)};
    const QList<QJsonValue> nodes = path->select(*root);
    if (nodes.isEmpty())
        return {std::nullopt, QStringLiteral("%1 matched nothing").arg(argument)};
    if (nodes.size() == 1)
        return {nodes.front(), {}};
    QJsonArray all;
    for (const QJsonValue &node : nodes)
        all.append(node);
    return {QJsonValue(all), {}};
}

CheckEvaluator::Observed CheckEvaluator::observeGraphQLErrors() {
    const auto &root = document();
    if (!root)
        return {std::nullopt, m_documentError};
    const QJsonArray errors = root->toObject().value(QStringLiteral("errors")).toArray();
    if (errors.isEmpty())
        return {QJsonValue(QStringLiteral("no errors")), {}};
    return {QJsonValue(QStringLiteral("%1 error(s), the first: %2")
                           .arg(errors.size())
                           .arg(errors.first().toObject().value(QStringLiteral("message")).toString())),
            {}};
}

CheckEvaluator::Observed CheckEvaluator::observeErrorDetail(const QString &type) {
    if (m_record.grpcDetailsJson.isEmpty())
        return {std::nullopt, QStringLiteral("the status has no details")};
    QStringList types;
    const auto status = parseJsonValue(m_record.grpcDetailsJson);
    for (const QJsonValue &detail : status.value_or(QJsonValue()).toObject().value(QStringLiteral("details")).toArray())
        types.append(detail.toObject().value(QStringLiteral("@type")).toString());
    for (const QString &found : std::as_const(types)) {
        if (found == type || found.endsWith(QLatin1Char('/') + type))
            return {QJsonValue(type), {}};
    }
    return {QJsonValue(types.join(QStringLiteral(", "))), {}};
}

CheckEvaluator::Observed CheckEvaluator::observe(const Check &check) {
    switch (check.subject) {
    case Subject::Status:
        if (m_record.httpStatus == 0)
            return {std::nullopt,
                    m_record.error.message.isEmpty() ? QStringLiteral("no HTTP status") : m_record.error.message};
        return {QJsonValue(m_record.httpStatus), {}};
    case Subject::GrpcCode:
        if (m_record.grpcCode < 0)
            return {std::nullopt,
                    m_record.error.message.isEmpty() ? QStringLiteral("no gRPC status") : m_record.error.message};
        if (sameGrpcCode(m_record.grpcCode, check.expected))
            return {QJsonValue::fromVariant(check.expected), {}};
        return {
            QJsonValue(QStringLiteral("%1 (%2)").arg(client::grpcCodeName(m_record.grpcCode)).arg(m_record.grpcCode)),
            {}};
    case Subject::Header:
    case Subject::Trailer: {
        const auto value =
            findHeader(check.subject == Subject::Header ? m_record.responseHeaders : m_record.trailers, check.argument);
        if (!value)
            return {std::nullopt, QStringLiteral("no %1 %2").arg(subjectKey(check.subject), check.argument)};
        return {QJsonValue(QString::fromUtf8(*value)), {}};
    }
    case Subject::JsonPath:
    case Subject::JsonPointer:
        return observeBody(check.subject, check.argument);
    case Subject::TimeMs:
        return {QJsonValue(double(m_record.timings.totalUs) / 1000.0), {}};
    case Subject::SizeBytes:
        // Decoded bytes as the transport counted them; the kept body when it did not count.
        return {QJsonValue(m_record.sizes.responseBodyDecodedBytes > 0 ? m_record.sizes.responseBodyDecodedBytes
                                                                       : qint64(m_record.body.size())),
                {}};
    case Subject::MessageCount:
        return {QJsonValue(incomingCount(m_record)), {}};
    case Subject::GraphQLNoErrors:
        return observeGraphQLErrors();
    case Subject::GrpcErrorDetail:
        return observeErrorDetail(check.expected.toString());
    }
    return {};
}

CheckResult CheckEvaluator::evaluate(const Check &check) {
    return evaluate(check, describe(check));
}

CheckResult CheckEvaluator::evaluate(const Check &check, const QString &description) {
    const Observed observed = observe(check);
    Operator op = check.op;
    if (check.subject == Subject::GraphQLNoErrors)
        op = check.expected.toBool() ? Operator::Equals : Operator::NotEquals;
    else if (check.subject == Subject::GrpcErrorDetail)
        op = Operator::Equals;
    const Verdict verdict = applyOperator(
        op, check.subject == Subject::GraphQLNoErrors ? QVariant(QStringLiteral("no errors")) : check.expected,
        observed.value, observed.missing);
    return {description, verdict.passed, verdict.expected, verdict.actual};
}

CaptureResult CheckEvaluator::capture(const Capture &capture) {
    Check check;
    check.argument = capture.argument;
    switch (capture.source) {
    case CaptureSource::JsonPath:
        check.subject = Subject::JsonPath;
        break;
    case CaptureSource::JsonPointer:
        check.subject = Subject::JsonPointer;
        break;
    case CaptureSource::Header:
        check.subject = Subject::Header;
        break;
    case CaptureSource::Trailer:
        check.subject = Subject::Trailer;
        break;
    case CaptureSource::GrpcField:
        check.subject = Subject::JsonPath;
        check.argument = jsonPathOfField(capture.argument);
        break;
    }
    const Observed observed = observe(check);
    if (!observed.value)
        return {capture.variable, false, {}, QStringLiteral("%1: %2").arg(describe(capture), observed.missing)};
    return {capture.variable, true, plainText(*observed.value), {}};
}

QString describe(const Check &check) {
    switch (check.subject) {
    case Subject::GraphQLNoErrors:
        return check.expected.toBool() ? QStringLiteral("no GraphQL errors") : QStringLiteral("GraphQL errors");
    case Subject::GrpcErrorDetail:
        return QStringLiteral("gRPC error detail %1").arg(check.expected.toString());
    default:
        break;
    }
    QString subject = subjectKey(check.subject);
    if (!check.argument.isEmpty())
        subject += QLatin1Char(' ') + check.argument;
    const QJsonValue expected = QJsonValue::fromVariant(check.expected);
    if (check.op == Operator::Exists)
        return subject + (plainText(expected) == QStringLiteral("false") ? QStringLiteral(" is absent")
                                                                         : QStringLiteral(" exists"));
    if (check.op == Operator::LessThan && (check.subject == Subject::TimeMs || check.subject == Subject::SizeBytes))
        return QStringLiteral("%1 under %2").arg(subject, plainText(expected));
    return QStringLiteral("%1 %2 %3").arg(subject, operatorKey(check.op), quotedText(expected));
}

QString describe(const Capture &capture) {
    static const char16_t *const kNames[] = {u"jsonPath", u"jsonPointer", u"header", u"trailer", u"grpcField"};
    return QStringLiteral("capture %1 from %2 %3")
        .arg(capture.variable, QString::fromUtf16(kNames[int(capture.source)]), capture.argument);
}

} // namespace triptych::checks
