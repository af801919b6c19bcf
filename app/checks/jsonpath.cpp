#include "app/checks/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace triptych::checks {

using namespace jsonpath;

namespace {

using Nodes = QList<QJsonValue>;
using Value = std::optional<QJsonValue>; // nullopt: the RFC's "Nothing"

struct Context {
    const QJsonValue &root;
};

void evaluateSegments(const Query &query, std::size_t from, const QJsonValue &node, const Context &context, Nodes &out);
bool evaluateLogical(const LogicalExpr &expr, const QJsonValue &current, const Context &context);

Nodes evaluateQuery(const Query &query, const QJsonValue &current, const Context &context) {
    Nodes out;
    evaluateSegments(query, 0, query.relative ? current : context.root, context, out);
    return out;
}

// An index from the end when negative; nullopt when outside the array.
std::optional<qsizetype> normalizeIndex(qint64 index, qsizetype size) {
    const qint64 position = index < 0 ? size + index : index;
    if (position < 0 || position >= size)
        return std::nullopt;
    return position;
}

void selectSlice(const SliceSpec &slice, const QJsonArray &array, Nodes &out) {
    const qint64 size = array.size();
    const qint64 step = slice.step;
    if (step == 0)
        return;
    const auto normal = [size](qint64 index) { return index >= 0 ? index : size + index; };
    if (step > 0) {
        const qint64 start = std::clamp(slice.start ? normal(*slice.start) : 0, qint64(0), size);
        const qint64 end = std::clamp(slice.end ? normal(*slice.end) : size, qint64(0), size);
        for (qint64 i = start; i < end; i += step)
            out.append(array.at(i));
        return;
    }
    const qint64 start = std::clamp(slice.start ? normal(*slice.start) : size - 1, qint64(-1), size - 1);
    const qint64 end = std::clamp(slice.end ? normal(*slice.end) : -size - 1, qint64(-1), size - 1);
    for (qint64 i = start; i > end; i += step)
        out.append(array.at(i));
}

void selectChildren(const QJsonValue &node, Nodes &out) {
    if (node.isArray()) {
        for (const QJsonValue &child : node.toArray())
            out.append(child);
    } else if (node.isObject()) {
        const QJsonObject object = node.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.append(it.value());
    }
}

void applySelector(const Selector &selector, const QJsonValue &node, const Context &context, Nodes &out) {
    switch (selector.kind) {
    case Selector::Kind::Name:
        if (node.isObject()) {
            const QJsonObject object = node.toObject();
            if (const auto it = object.constFind(selector.name); it != object.constEnd())
                out.append(it.value());
        }
        return;
    case Selector::Kind::Wildcard:
        return selectChildren(node, out);
    case Selector::Kind::Index:
        if (node.isArray()) {
            const QJsonArray array = node.toArray();
            if (const auto position = normalizeIndex(selector.index, array.size()))
                out.append(array.at(*position));
        }
        return;
    case Selector::Kind::Slice:
        if (node.isArray())
            selectSlice(selector.slice, node.toArray(), out);
        return;
    case Selector::Kind::Filter: {
        Nodes children;
        selectChildren(node, children);
        for (const QJsonValue &child : std::as_const(children)) {
            if (evaluateLogical(*selector.filter, child, context))
                out.append(child);
        }
        return;
    }
    }
}

// The node and its descendants, the node first, children in order (RFC 9535 §2.5.2.2).
void collectDescendants(const QJsonValue &node, Nodes &out) {
    out.append(node);
    if (node.isArray()) {
        for (const QJsonValue &child : node.toArray())
            collectDescendants(child, out);
    } else if (node.isObject()) {
        const QJsonObject object = node.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectDescendants(it.value(), out);
    }
}

void evaluateSegments(const Query &query, std::size_t from, const QJsonValue &node, const Context &context,
                      Nodes &out) {
    if (from == query.segments.size()) {
        out.append(node);
        return;
    }
    const Segment &segment = query.segments.at(from);
    Nodes inputs;
    if (segment.descendant)
        collectDescendants(node, inputs);
    else
        inputs.append(node);
    for (const QJsonValue &input : std::as_const(inputs)) {
        Nodes selected;
        for (const Selector &selector : segment.selectors)
            applySelector(selector, input, context, selected);
        for (const QJsonValue &next : std::as_const(selected))
            evaluateSegments(query, from + 1, next, context, out);
    }
}

// I-Regexp (RFC 9485) in PCRE terms: '.' outside a class matches anything but a line break.
QString toPcre(const QString &pattern) {
    QString out;
    bool inClass = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('\\') && i + 1 < pattern.size()) {
            out.append(c).append(pattern.at(++i));
        } else if (c == QLatin1Char('[')) {
            inClass = true;
            out.append(c);
        } else if (c == QLatin1Char(']')) {
            inClass = false;
            out.append(c);
        } else if (c == QLatin1Char('.') && !inClass) {
            out.append(QStringLiteral("[^\\n\\r]"));
        } else {
            out.append(c);
        }
    }
    return out;
}

bool regexTest(const Value &subject, const Value &pattern, bool whole) {
    if (!subject || !pattern || !subject->isString() || !pattern->isString())
        return false;
    QString translated = toPcre(pattern->toString());
    if (whole)
        translated = QStringLiteral("\\A(?:%1)\\z").arg(translated);
    const QRegularExpression regex(translated, QRegularExpression::UseUnicodePropertiesOption);
    return regex.isValid() && regex.match(subject->toString()).hasMatch();
}

Value evaluateFunctionValue(const FunctionCall &call, const QJsonValue &current, const Context &context);

Value argumentValue(const FunctionArgument &argument, const QJsonValue &current, const Context &context) {
    switch (argument.kind) {
    case FunctionArgument::Kind::Literal:
        return argument.literal;
    case FunctionArgument::Kind::Query: {
        const Nodes nodes = evaluateQuery(*argument.query, current, context);
        return nodes.size() == 1 ? Value(nodes.front()) : std::nullopt;
    }
    case FunctionArgument::Kind::Function:
        return evaluateFunctionValue(*argument.function, current, context);
    }
    return std::nullopt;
}

Value evaluateFunctionValue(const FunctionCall &call, const QJsonValue &current, const Context &context) {
    switch (call.name) {
    case FunctionName::Length: {
        const Value value = argumentValue(call.arguments.at(0), current, context);
        if (!value)
            return std::nullopt;
        if (value->isString())
            return QJsonValue(qint64(value->toString().toUcs4().size()));
        if (value->isArray())
            return QJsonValue(qint64(value->toArray().size()));
        if (value->isObject())
            return QJsonValue(qint64(value->toObject().size()));
        return std::nullopt;
    }
    case FunctionName::Count:
        return QJsonValue(qint64(evaluateQuery(*call.arguments.at(0).query, current, context).size()));
    case FunctionName::Value: {
        const Nodes nodes = evaluateQuery(*call.arguments.at(0).query, current, context);
        return nodes.size() == 1 ? Value(nodes.front()) : std::nullopt;
    }
    case FunctionName::Match:
    case FunctionName::Search:
        break;
    }
    return std::nullopt;
}

bool evaluateFunctionLogical(const FunctionCall &call, const QJsonValue &current, const Context &context) {
    const Value subject = argumentValue(call.arguments.at(0), current, context);
    const Value pattern = argumentValue(call.arguments.at(1), current, context);
    return regexTest(subject, pattern, call.name == FunctionName::Match);
}

Value comparableValue(const Comparable &comparable, const QJsonValue &current, const Context &context) {
    switch (comparable.kind) {
    case Comparable::Kind::Literal:
        return comparable.literal;
    case Comparable::Kind::Query: {
        const Nodes nodes = evaluateQuery(*comparable.query, current, context);
        return nodes.isEmpty() ? std::nullopt : Value(nodes.front());
    }
    case Comparable::Kind::Function:
        return evaluateFunctionValue(*comparable.function, current, context);
    }
    return std::nullopt;
}

bool valuesEqual(const Value &a, const Value &b) {
    if (!a || !b)
        return !a && !b;
    return jsonEqual(*a, *b);
}

bool valuesLess(const Value &a, const Value &b) {
    return a && b && jsonLess(*a, *b);
}

bool compare(CompareOp op, const Value &left, const Value &right) {
    switch (op) {
    case CompareOp::Equal:
        return valuesEqual(left, right);
    case CompareOp::NotEqual:
        return !valuesEqual(left, right);
    case CompareOp::Less:
        return valuesLess(left, right);
    case CompareOp::LessOrEqual:
        return valuesLess(left, right) || valuesEqual(left, right);
    case CompareOp::Greater:
        return valuesLess(right, left);
    case CompareOp::GreaterOrEqual:
        return valuesLess(right, left) || valuesEqual(left, right);
    }
    return false;
}

bool evaluateLogical(const LogicalExpr &expr, const QJsonValue &current, const Context &context) {
    switch (expr.kind) {
    case LogicalExpr::Kind::Or:
        return std::any_of(expr.operands.begin(), expr.operands.end(),
                           [&](const LogicalPtr &operand) { return evaluateLogical(*operand, current, context); });
    case LogicalExpr::Kind::And:
        return std::all_of(expr.operands.begin(), expr.operands.end(),
                           [&](const LogicalPtr &operand) { return evaluateLogical(*operand, current, context); });
    case LogicalExpr::Kind::Not:
        return !evaluateLogical(*expr.operands.front(), current, context);
    case LogicalExpr::Kind::Comparison:
        return compare(expr.op, comparableValue(expr.left, current, context),
                       comparableValue(expr.right, current, context));
    case LogicalExpr::Kind::Test:
        if (expr.function)
            return evaluateFunctionLogical(*expr.function, current, context);
        return !evaluateQuery(*expr.query, current, context).isEmpty();
    }
    return false;
}

} // namespace

std::optional<JsonPath> JsonPath::parse(QStringView text, ParseError *error) {
    QueryPtr query = parseQuery(text, error);
    if (!query)
        return std::nullopt;
    return JsonPath(text.toString(), std::move(query));
}

QList<QJsonValue> JsonPath::select(const QJsonValue &root) const {
    const Context context{root};
    return evaluateQuery(*m_query, root, context);
}

std::optional<QJsonValue> parseJsonValue(const QByteArray &text, QString *error) {
    // Most answers are an object or an array: parsed as they are, without a copy of the body.
    const auto first =
        std::find_if(text.begin(), text.end(), [](char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r'; });
    if (first != text.end() && (*first == '{' || *first == '[')) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }
    // Wrapped in an array so that a bare number, string, boolean or null parses too (and errors keep their offsets).
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson('[' + text + ']', &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                         ? QStringLiteral("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset - 1)
                         : QStringLiteral("more than one JSON value");
        return std::nullopt;
    }
    return document.array().first();
}

bool jsonEqual(const QJsonValue &a, const QJsonValue &b) {
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray left = a.toArray();
        const QJsonArray right = b.toArray();
        if (left.size() != right.size())
            return false;
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (!jsonEqual(left.at(i), right.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject left = a.toObject();
        const QJsonObject right = b.toObject();
        if (left.size() != right.size())
            return false;
        for (auto it = left.begin(); it != left.end(); ++it) {
            const auto other = right.constFind(it.key());
            if (other == right.constEnd() || !jsonEqual(it.value(), other.value()))
                return false;
        }
        return true;
    }
    return a == b;
}

bool jsonLess(const QJsonValue &a, const QJsonValue &b) {
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble();
    if (a.isString() && b.isString())
        return a.toString().toUcs4() < b.toString().toUcs4();
    return false;
}

} // namespace triptych::checks
