#pragma once

#include <QJsonValue>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

// The syntax tree of an RFC 9535 JSONPath query, as jsonpathparser.h builds it and jsonpath.h evaluates it.
namespace triptych::checks::jsonpath {

struct Query;
struct LogicalExpr;
struct FunctionCall;
using QueryPtr = std::shared_ptr<const Query>;
using LogicalPtr = std::shared_ptr<const LogicalExpr>;
using FunctionPtr = std::shared_ptr<const FunctionCall>;

struct SliceSpec {
    std::optional<qint64> start;
    std::optional<qint64> end;
    qint64 step = 1;
};

struct Selector {
    enum class Kind { Name, Wildcard, Index, Slice, Filter };
    Kind kind = Kind::Name;
    QString name;
    qint64 index = 0;
    SliceSpec slice;
    LogicalPtr filter;
};

struct Segment {
    bool descendant = false;
    std::vector<Selector> selectors;
};

struct Query {
    bool relative = false; // @ (the filter's current node) instead of $ (the root)
    std::vector<Segment> segments;
    // At most one node by its syntax (RFC 9535 §2.3.5.1): only name and index selectors, no descendants.
    bool singular() const;
};

// The five functions of RFC 9535 §2.4; their types decide where a call may stand.
enum class FunctionName { Length, Count, Match, Search, Value };
enum class FunctionType { Value, Logical, Nodes };

struct FunctionArgument {
    enum class Kind { Literal, Query, Function };
    Kind kind = Kind::Literal;
    QJsonValue literal;
    QueryPtr query;
    FunctionPtr function;
};

struct FunctionCall {
    FunctionName name = FunctionName::Length;
    std::vector<FunctionArgument> arguments;
};
FunctionType resultType(FunctionName name);

// A side of a comparison: a literal, a singular query or a function of value type.
struct Comparable {
    enum class Kind { Literal, Query, Function };
    Kind kind = Kind::Literal;
    QJsonValue literal;
    QueryPtr query;
    FunctionPtr function;
};

enum class CompareOp { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual };

struct LogicalExpr {
    enum class Kind { Or, And, Not, Comparison, Test };
    Kind kind = Kind::Test;
    std::vector<LogicalPtr> operands; // Or, And; Not has one
    Comparable left;
    Comparable right;
    CompareOp op = CompareOp::Equal;
    QueryPtr query;       // Test: exists when non-empty…
    FunctionPtr function; // …or a logical function's result
};

} // namespace triptych::checks::jsonpath
