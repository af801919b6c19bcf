#include "app/checks/jsonpathparser.h"

#include "app/checks/jsonpathscanner.h"

namespace triptych::checks::jsonpath {

namespace {

// Recursive descent over RFC 9535's ABNF; errors are thrown as Failure inside and returned as ParseError outside.
class Parser : private Scanner {
public:
    explicit Parser(QStringView text)
        : Scanner(text) {}

    QueryPtr parseRoot() {
        if (!eat(u'$'))
            fail(QStringLiteral("a query starts with $"));
        auto query = parseSegments(false);
        if (m_pos != m_text.size())
            fail(QStringLiteral("unexpected '%1'").arg(m_text.at(m_pos)));
        return query;
    }

private:
    struct DepthGuard {
        explicit DepthGuard(Parser &parser)
            : m_parser(parser) {
            if (++m_parser.m_depth > kMaxNesting)
                m_parser.fail(QStringLiteral("nested deeper than %1 levels").arg(kMaxNesting));
        }
        ~DepthGuard() { --m_parser.m_depth; }
        Parser &m_parser;
    };

    std::shared_ptr<Query> parseSegments(bool relative) {
        auto query = std::make_shared<Query>();
        query->relative = relative;
        for (;;) {
            const qsizetype before = m_pos;
            skipBlank();
            if (peek() == QLatin1Char('.') && peek(1) == QLatin1Char('.')) {
                m_pos += 2;
                query->segments.push_back(parseDescendant());
            } else if (eat(u'.')) {
                query->segments.push_back(Segment{false, {parseShorthand()}});
            } else if (peek() == QLatin1Char('[')) {
                query->segments.push_back(Segment{false, parseBracketed()});
            } else {
                m_pos = before; // blanks after the last segment belong to whatever follows the query
                return query;
            }
        }
    }

    Segment parseDescendant() {
        if (peek() == QLatin1Char('['))
            return Segment{true, parseBracketed()};
        return Segment{true, {parseShorthand()}};
    }

    // `*` or a member name after `.` or `..`.
    Selector parseShorthand() {
        Selector selector;
        if (eat(u'*')) {
            selector.kind = Selector::Kind::Wildcard;
            return selector;
        }
        if (!isNameFirst(peek()))
            fail(QStringLiteral("expected a member name or * after '.'"));
        const qsizetype start = m_pos;
        while (!atEnd() && isNameChar(peek()))
            ++m_pos;
        selector.name = m_text.mid(start, m_pos - start).toString();
        return selector;
    }

    std::vector<Selector> parseBracketed() {
        DepthGuard guard(*this);
        expect(u'[');
        std::vector<Selector> selectors;
        do {
            skipBlank();
            selectors.push_back(parseSelector());
            skipBlank();
        } while (eat(u','));
        expect(u']');
        return selectors;
    }

    Selector parseSelector() {
        Selector selector;
        if (peek() == QLatin1Char('\'') || peek() == QLatin1Char('"')) {
            selector.name = parseString();
        } else if (eat(u'*')) {
            selector.kind = Selector::Kind::Wildcard;
        } else if (eat(u'?')) {
            skipBlank();
            selector.kind = Selector::Kind::Filter;
            selector.filter = parseLogicalOr();
        } else {
            const std::optional<qint64> first = parseOptionalInteger();
            skipBlank();
            if (peek() != QLatin1Char(':')) {
                if (!first)
                    fail(atEnd() ? QStringLiteral("expected a selector")
                                 : QStringLiteral("unexpected '%1'").arg(peek()));
                selector.kind = Selector::Kind::Index;
                selector.index = *first;
                return selector;
            }
            selector.kind = Selector::Kind::Slice;
            selector.slice.start = first;
            parseSliceRest(selector.slice);
        }
        return selector;
    }

    void parseSliceRest(SliceSpec &slice) {
        expect(u':');
        skipBlank();
        slice.end = parseOptionalInteger();
        skipBlank();
        if (eat(u':')) {
            skipBlank();
            if (const auto step = parseOptionalInteger())
                slice.step = *step;
        }
    }

    // logical-or-expr = logical-and-expr *(S "||" S logical-and-expr)
    LogicalPtr parseLogicalOr() {
        DepthGuard guard(*this);
        std::vector<LogicalPtr> operands{parseLogicalAnd()};
        for (;;) {
            const qsizetype before = m_pos;
            skipBlank();
            if (!(peek() == QLatin1Char('|') && peek(1) == QLatin1Char('|'))) {
                m_pos = before;
                break;
            }
            m_pos += 2;
            skipBlank();
            operands.push_back(parseLogicalAnd());
        }
        return combine(LogicalExpr::Kind::Or, std::move(operands));
    }

    LogicalPtr parseLogicalAnd() {
        std::vector<LogicalPtr> operands{parseBasic()};
        for (;;) {
            const qsizetype before = m_pos;
            skipBlank();
            if (!(peek() == QLatin1Char('&') && peek(1) == QLatin1Char('&'))) {
                m_pos = before;
                break;
            }
            m_pos += 2;
            skipBlank();
            operands.push_back(parseBasic());
        }
        return combine(LogicalExpr::Kind::And, std::move(operands));
    }

    static LogicalPtr combine(LogicalExpr::Kind kind, std::vector<LogicalPtr> operands) {
        if (operands.size() == 1)
            return operands.front();
        auto expr = std::make_shared<LogicalExpr>();
        expr->kind = kind;
        expr->operands = std::move(operands);
        return expr;
    }

    static LogicalPtr negate(LogicalPtr operand) {
        auto expr = std::make_shared<LogicalExpr>();
        expr->kind = LogicalExpr::Kind::Not;
        expr->operands.push_back(std::move(operand));
        return expr;
    }

    LogicalPtr parseBasic() {
        if (eat(u'!')) {
            skipBlank();
            if (peek() == QLatin1Char('('))
                return negate(parseParenthesised());
            const qsizetype start = m_pos;
            Comparable operand = parseComparable();
            return negate(asTest(operand, start));
        }
        if (peek() == QLatin1Char('('))
            return parseParenthesised();
        const qsizetype start = m_pos;
        Comparable left = parseComparable();
        const qsizetype before = m_pos;
        skipBlank();
        const std::optional<CompareOp> op = parseCompareOp();
        if (!op) {
            m_pos = before;
            return asTest(left, start);
        }
        skipBlank();
        const qsizetype rightStart = m_pos;
        Comparable right = parseComparable();
        checkComparable(left, start);
        checkComparable(right, rightStart);
        auto expr = std::make_shared<LogicalExpr>();
        expr->kind = LogicalExpr::Kind::Comparison;
        expr->left = std::move(left);
        expr->right = std::move(right);
        expr->op = *op;
        return expr;
    }

    LogicalPtr parseParenthesised() {
        expect(u'(');
        skipBlank();
        LogicalPtr inner = parseLogicalOr();
        skipBlank();
        expect(u')');
        return inner;
    }

    std::optional<CompareOp> parseCompareOp() {
        const QChar a = peek();
        const QChar b = peek(1);
        const auto take = [this](int length, CompareOp op) {
            m_pos += length;
            return op;
        };
        if (a == QLatin1Char('=') && b == QLatin1Char('='))
            return take(2, CompareOp::Equal);
        if (a == QLatin1Char('!') && b == QLatin1Char('='))
            return take(2, CompareOp::NotEqual);
        if (a == QLatin1Char('<'))
            return b == QLatin1Char('=') ? take(2, CompareOp::LessOrEqual) : take(1, CompareOp::Less);
        if (a == QLatin1Char('>'))
            return b == QLatin1Char('=') ? take(2, CompareOp::GreaterOrEqual) : take(1, CompareOp::Greater);
        return std::nullopt;
    }

    // A comparable or a test's operand: literal, query (any, checked later) or function call.
    Comparable parseComparable() {
        Comparable result;
        if (peek() == QLatin1Char('@') || peek() == QLatin1Char('$')) {
            const bool relative = peek() == QLatin1Char('@');
            ++m_pos;
            result.kind = Comparable::Kind::Query;
            result.query = parseSegments(relative);
            return result;
        }
        if (peek() >= QLatin1Char('a') && peek() <= QLatin1Char('z')) {
            qsizetype end = m_pos;
            while (end < m_text.size() && isFunctionNameChar(m_text.at(end)))
                ++end;
            if (end < m_text.size() && m_text.at(end) == QLatin1Char('(')) {
                result.kind = Comparable::Kind::Function;
                result.function = parseFunction(m_text.mid(m_pos, end - m_pos).toString(), end);
                return result;
            }
        }
        result.literal = parseLiteral();
        return result;
    }

    QJsonValue parseLiteral() {
        if (peek() == QLatin1Char('\'') || peek() == QLatin1Char('"'))
            return parseString();
        for (const auto &[word, value] : {std::pair{QLatin1StringView("true"), QJsonValue(true)},
                                          std::pair{QLatin1StringView("false"), QJsonValue(false)},
                                          std::pair{QLatin1StringView("null"), QJsonValue(QJsonValue::Null)}}) {
            if (m_text.mid(m_pos).startsWith(word) && !isNameChar(peek(word.size()))) {
                m_pos += word.size();
                return value;
            }
        }
        if (isDigit(peek()) || peek() == QLatin1Char('-'))
            return parseNumber();
        fail(atEnd() ? QStringLiteral("expected an expression") : QStringLiteral("unexpected '%1'").arg(peek()));
    }

    FunctionPtr parseFunction(const QString &name, qsizetype parenthesis);
    FunctionArgument parseArgument(FunctionType expected);
    LogicalPtr asTest(const Comparable &operand, qsizetype start);
    void checkComparable(const Comparable &operand, qsizetype start);

    int m_depth = 0;
};

struct Signature {
    const char16_t *name;
    FunctionName function;
    std::vector<FunctionType> parameters;
};

const std::vector<Signature> &signatures() {
    static const std::vector<Signature> table{
        {u"length", FunctionName::Length, {FunctionType::Value}},
        {u"count", FunctionName::Count, {FunctionType::Nodes}},
        {u"match", FunctionName::Match, {FunctionType::Value, FunctionType::Value}},
        {u"search", FunctionName::Search, {FunctionType::Value, FunctionType::Value}},
        {u"value", FunctionName::Value, {FunctionType::Nodes}},
    };
    return table;
}

FunctionPtr Parser::parseFunction(const QString &name, qsizetype parenthesis) {
    DepthGuard guard(*this);
    const Signature *signature = nullptr;
    for (const auto &candidate : signatures()) {
        if (name == QStringView(candidate.name))
            signature = &candidate;
    }
    if (!signature)
        fail(QStringLiteral("unknown function %1()").arg(name));
    m_pos = parenthesis + 1;
    auto call = std::make_shared<FunctionCall>();
    call->name = signature->function;
    skipBlank();
    for (std::size_t i = 0; !(i == 0 && peek() == QLatin1Char(')'));) {
        if (i >= signature->parameters.size())
            fail(QStringLiteral("%1() takes %2 argument(s)").arg(name).arg(signature->parameters.size()));
        call->arguments.push_back(parseArgument(signature->parameters.at(i)));
        skipBlank();
        ++i;
        if (!eat(u','))
            break;
        skipBlank();
    }
    if (call->arguments.size() != signature->parameters.size())
        fail(QStringLiteral("%1() takes %2 argument(s)").arg(name).arg(signature->parameters.size()));
    expect(u')');
    return call;
}

FunctionArgument Parser::parseArgument(FunctionType expected) {
    const qsizetype start = m_pos;
    Comparable operand = parseComparable();
    FunctionArgument argument;
    argument.kind = FunctionArgument::Kind(int(operand.kind));
    argument.literal = operand.literal;
    argument.query = operand.query;
    argument.function = operand.function;
    if (expected == FunctionType::Nodes) {
        if (operand.kind != Comparable::Kind::Query) {
            m_pos = start;
            fail(QStringLiteral("this argument must be a query (a list of nodes)"));
        }
        return argument;
    }
    checkComparable(operand, start);
    return argument;
}

// A value-typed place (RFC 9535 §2.4.3): a literal, a singular query or a function returning a value.
void Parser::checkComparable(const Comparable &operand, qsizetype start) {
    if (operand.kind == Comparable::Kind::Query && !operand.query->singular()) {
        m_pos = start;
        fail(QStringLiteral("a comparison needs a singular query (names and indexes only)"));
    }
    if (operand.kind == Comparable::Kind::Function && resultType(operand.function->name) != FunctionType::Value) {
        m_pos = start;
        fail(QStringLiteral("match() and search() give a logical result: use them without a comparison"));
    }
}

LogicalPtr Parser::asTest(const Comparable &operand, qsizetype start) {
    if (operand.kind == Comparable::Kind::Literal) {
        m_pos = start;
        fail(QStringLiteral("a literal alone is not a test: compare it"));
    }
    if (operand.kind == Comparable::Kind::Function && resultType(operand.function->name) == FunctionType::Value) {
        m_pos = start;
        fail(QStringLiteral("a function returning a value must be compared"));
    }
    auto expr = std::make_shared<LogicalExpr>();
    expr->kind = LogicalExpr::Kind::Test;
    expr->query = operand.query;
    expr->function = operand.function;
    return expr;
}

} // namespace

bool Query::singular() const {
    for (const Segment &segment : segments) {
        if (segment.descendant || segment.selectors.size() != 1)
            return false;
        const auto kind = segment.selectors.front().kind;
        if (kind != Selector::Kind::Name && kind != Selector::Kind::Index)
            return false;
    }
    return true;
}

FunctionType resultType(FunctionName name) {
    return name == FunctionName::Match || name == FunctionName::Search ? FunctionType::Logical : FunctionType::Value;
}

QueryPtr parseQuery(QStringView text, ParseError *error) {
    try {
        return Parser(text).parseRoot();
    } catch (const Failure &failure) {
        if (error)
            *error = ParseError{failure.message, failure.offset};
        return nullptr;
    }
}

} // namespace triptych::checks::jsonpath
