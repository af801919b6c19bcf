#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// What a saved request's `checks:` list says (docs/checks.md): checks on the answer, and captures that set variables
// from it. Parsed from the plain maps RequestDocument::checks keeps, and written back to them.
namespace triptych::checks {

// What part of the answer a check looks at.
enum class Subject {
    Status,          // HTTP status
    GrpcCode,        // gRPC status code, by number or name
    Header,          // a response header (argument: its name)
    Trailer,         // a trailer (argument: its name)
    JsonPath,        // the body by RFC 9535 JSONPath (argument: the query)
    JsonPointer,     // the body by RFC 6901 JSON Pointer (argument: the pointer)
    TimeMs,          // the whole call, in milliseconds
    SizeBytes,       // the response body, decoded
    MessageCount,    // messages received on a stream
    GraphQLNoErrors, // the GraphQL answer has no `errors`
    GrpcErrorDetail  // google.rpc.Status details hold a message of this type
};

enum class Operator { Equals, NotEquals, Contains, Matches, Exists, Type, Length, LessThan };

struct Check {
    Subject subject = Subject::Status;
    QString argument;
    Operator op = Operator::Equals;
    QVariant expected;
    bool operator==(const Check &) const = default;
};

enum class CaptureSource { JsonPath, JsonPointer, Header, Trailer, GrpcField };

// `capture: orderId` with `jsonPath: $.id`: the variable orderId takes the value for the requests after this one.
struct Capture {
    QString variable;
    CaptureSource source = CaptureSource::JsonPath;
    QString argument;
    bool operator==(const Capture &) const = default;
};

struct CheckList {
    QList<Check> checks;
    QList<Capture> captures;
    QStringList errors; // "checks[2]: …" for entries that say nothing sensible; those entries are left out
};

CheckList parseChecks(const QVariantList &entries);
// Back to the maps RequestDocument keeps, in the shortest form (`status: 201`); checks first, then captures.
QVariantList toVariantList(const CheckList &list);

QString subjectKey(Subject subject);
QString operatorKey(Operator op);

} // namespace triptych::checks
