#include "app/editor/graphqlcursorcontext.h"

#include "server/graphql/validation/validationcontext.h"

namespace triptych::editor {
namespace {

using namespace triptych::graphql;
using Want = GraphQLCursorContext::Want;

struct Token {
    enum Kind { Name, Punct, Value } kind = Punct;
    QString text;
};

bool isNameStart(QChar c) {
    return c == QLatin1Char('_') || (c.unicode() < 128 && c.isLetter());
}

bool isNameChar(QChar c) {
    return isNameStart(c) || (c.unicode() < 128 && c.isDigit());
}

// Splits text[0, end) into tokens; false when `end` lies inside a string or a comment.
bool tokenize(const QString &text, int end, std::vector<Token> &tokens) {
    int i = 0;
    while (i < end) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char(',') || c == QChar(0xFEFF)) {
            ++i;
        } else if (c == QLatin1Char('#')) {
            while (i < end && text.at(i) != QLatin1Char('\n') && text.at(i) != QLatin1Char('\r'))
                ++i;
            if (i >= end)
                return false;
        } else if (text.mid(i, 3) == QLatin1String("\"\"\"")) {
            const int close = text.indexOf(QLatin1String("\"\"\""), i + 3);
            if (close < 0 || close + 3 > end)
                return false;
            tokens.push_back({Token::Value, {}});
            i = close + 3;
        } else if (c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < end && text.at(j) != QLatin1Char('"') && text.at(j) != QLatin1Char('\n'))
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            if (j >= end)
                return false;
            tokens.push_back({Token::Value, {}});
            i = j + 1;
        } else if (text.mid(i, 3) == QLatin1String("...")) {
            tokens.push_back({Token::Punct, QStringLiteral("...")});
            i += 3;
        } else if (c.isDigit() || c == QLatin1Char('-')) {
            int j = i + 1;
            while (j < end && (isNameChar(text.at(j)) || text.at(j) == QLatin1Char('.') ||
                               text.at(j) == QLatin1Char('+') || text.at(j) == QLatin1Char('-')))
                ++j;
            tokens.push_back({Token::Value, {}});
            i = j;
        } else if (isNameStart(c)) {
            int j = i + 1;
            while (j < end && isNameChar(text.at(j)))
                ++j;
            tokens.push_back({Token::Name, text.mid(i, j - i)});
            i = j;
        } else {
            tokens.push_back({Token::Punct, QString(c)});
            ++i;
        }
    }
    return true;
}

struct Frame {
    enum Kind { Document, VariableDefinitions, SelectionSet, Arguments, ObjectValue, ListValue } kind = Document;
    const NamedType *type = nullptr;               // selection set, object value
    const std::vector<InputValue> *args = nullptr; // arguments
    TypeRef itemType;                              // list value
    TypeRef valueType;                             // the argument or field whose value follows ':'
    bool afterColon = false;                       // a value is expected
    std::vector<std::string> given;                // names written so far
    const NamedType *nextSelection = nullptr;      // selection set: the type of a `{` that follows
    const Field *lastField = nullptr;              // selection set: the field an `(` belongs to
};

const InputValue *findInput(const std::vector<InputValue> *values, const std::string &name) {
    if (values)
        for (const InputValue &value : *values)
            if (value.name == name)
                return &value;
    return nullptr;
}

// The scan's state between tokens; each step looks at the token and the two before it.
class Scanner {
public:
    Scanner(const Schema &schema, GraphQLCursorContext &context)
        : m_schema(schema)
        , m_context(context) {
        m_stack.push_back({});
    }

    void step(const Token &token, const Token *p1, const Token *p2) {
        m_p1 = p1;
        m_p2 = p2;
        switch (m_stack.back().kind) {
        case Frame::Document:
            return document(token);
        case Frame::VariableDefinitions:
            return variableDefinitions(token);
        case Frame::SelectionSet:
            return selectionSet(token);
        case Frame::Arguments:
        case Frame::ObjectValue:
            return valueList(token);
        case Frame::ListValue:
            return list(token);
        }
    }

    void finish(const Token *p1, const Token *p2);

private:
    bool is(const Token *t, const char *text) const { return t && t->text == QLatin1String(text); }
    Frame &top() { return m_stack.back(); }
    void pop() {
        if (m_stack.size() > 1)
            m_stack.pop_back();
    }
    void push(Frame frame) { m_stack.push_back(std::move(frame)); }
    const DirectiveDefinition *directiveBefore() const {
        return m_p1 && m_p1->kind == Token::Name && is(m_p2, "@") ? m_schema.directive(m_p1->text.toStdString())
                                                                  : nullptr;
    }
    void openArguments(const std::vector<InputValue> *args) {
        Frame frame{Frame::Arguments};
        frame.args = args;
        push(std::move(frame));
    }
    void document(const Token &token);
    void variableDefinitions(const Token &token);
    void selectionSet(const Token &token);
    void valueList(const Token &token);
    void list(const Token &token);
    void openValue(Frame &parent, const Token &token);

    const Schema &m_schema;
    GraphQLCursorContext &m_context;
    std::vector<Frame> m_stack;
    const Token *m_p1 = nullptr;
    const Token *m_p2 = nullptr;
    const NamedType *m_root = nullptr; // the root or fragment type of the definition being read
    bool m_inType = false;             // variable definitions: reading a type after ':'
    std::string m_location = "QUERY";  // directive location of the definition
};

void Scanner::document(const Token &token) {
    const QString &t = token.text;
    if (token.kind == Token::Name && !is(m_p1, "on") && !is(m_p1, "@") && !is(m_p1, "fragment") &&
        (t == QLatin1String("query") || t == QLatin1String("mutation") || t == QLatin1String("subscription"))) {
        m_root = m_schema.rootType(t == QLatin1String("query")      ? OperationType::Query
                                   : t == QLatin1String("mutation") ? OperationType::Mutation
                                                                    : OperationType::Subscription);
        m_location = t.toUpper().toStdString();
        m_context.variables.clear();
    } else if (token.kind == Token::Name && t == QLatin1String("fragment")) {
        m_root = nullptr;
        m_location = "FRAGMENT_DEFINITION";
        m_context.variables.clear();
    } else if (token.kind == Token::Name && is(m_p1, "on")) {
        m_root = m_schema.type(t.toStdString());
    } else if (t == QLatin1String("(")) {
        if (const DirectiveDefinition *directive = directiveBefore())
            return openArguments(&directive->args);
        push({Frame::VariableDefinitions});
    } else if (t == QLatin1String("{")) {
        if (m_location == "QUERY" && !m_root)
            m_root = m_schema.queryType(); // the `{ … }` shorthand
        Frame frame{Frame::SelectionSet};
        frame.type = m_root;
        push(std::move(frame));
        m_root = nullptr;
        m_location = "QUERY";
    }
}

void Scanner::variableDefinitions(const Token &token) {
    const QString &t = token.text;
    if (t == QLatin1String(")"))
        return pop();
    if (token.kind == Token::Name && is(m_p1, "$")) {
        m_context.variables.push_back({t.toStdString(), {}});
        m_inType = false;
    } else if (t == QLatin1String(":")) {
        m_inType = true;
    } else if (m_inType && (token.kind == Token::Name || t == QLatin1String("[") || t == QLatin1String("]") ||
                            t == QLatin1String("!"))) {
        if (!m_context.variables.empty())
            m_context.variables.back().type += t.toStdString();
    } else {
        m_inType = false;
    }
}

void Scanner::selectionSet(const Token &token) {
    Frame &frame = top();
    const QString &t = token.text;
    if (t == QLatin1String("}"))
        return pop();
    if (t == QLatin1String("...")) {
        frame.nextSelection = frame.type;
    } else if (t == QLatin1String("(")) {
        if (const DirectiveDefinition *directive = directiveBefore())
            return openArguments(&directive->args);
        openArguments(frame.lastField ? &frame.lastField->args : nullptr);
    } else if (t == QLatin1String("{")) {
        Frame child{Frame::SelectionSet};
        child.type = frame.nextSelection;
        push(std::move(child));
    } else if (token.kind == Token::Name && !is(m_p1, "@")) {
        if (is(m_p1, "...")) {
            if (t != QLatin1String("on"))
                frame.nextSelection = nullptr; // a fragment spread
        } else if (is(m_p1, "on") && is(m_p2, "...")) {
            frame.nextSelection = m_schema.type(t.toStdString());
        } else {
            frame.lastField = validation::fieldDefinition(m_schema, frame.type, t.toStdString());
            frame.nextSelection = frame.lastField ? frame.lastField->type.named() : nullptr;
        }
    }
}

void Scanner::openValue(Frame &parent, const Token &token) {
    parent.afterColon = false;
    const TypeRef type = parent.valueType.nullable();
    if (token.text == QLatin1String("[")) {
        Frame child{Frame::ListValue};
        child.itemType = type.isList() ? type.ofType() : TypeRef();
        push(std::move(child));
    } else {
        Frame child{Frame::ObjectValue};
        child.type = type.isNamed() ? type.named() : nullptr;
        push(std::move(child));
    }
}

void Scanner::valueList(const Token &token) {
    Frame &frame = top();
    const QString &t = token.text;
    if ((frame.kind == Frame::Arguments && t == QLatin1String(")")) ||
        (frame.kind == Frame::ObjectValue && t == QLatin1String("}")))
        return pop();
    if (frame.afterColon && (t == QLatin1String("[") || t == QLatin1String("{")))
        return openValue(frame, token);
    if (t == QLatin1String(":") && m_p1 && m_p1->kind == Token::Name) {
        const std::string name = m_p1->text.toStdString();
        const auto *values =
            frame.kind == Frame::Arguments ? frame.args : (frame.type ? &frame.type->inputFields : nullptr);
        const InputValue *input = findInput(values, name);
        frame.valueType = input ? input->type : TypeRef();
        frame.given.push_back(name);
        frame.afterColon = true;
    } else if (frame.afterColon && t != QLatin1String("$")) {
        frame.afterColon = false; // a scalar, enum or variable value is complete
    }
}

void Scanner::list(const Token &token) {
    const QString &t = token.text;
    if (t == QLatin1String("]"))
        return pop();
    if (t == QLatin1String("[") || t == QLatin1String("{")) {
        Frame &frame = top();
        frame.valueType = frame.itemType;
        openValue(frame, token);
    }
}

void Scanner::finish(const Token *p1, const Token *p2) {
    Frame &frame = top();
    auto want = [&](Want w) { m_context.want = w; };
    m_context.given = frame.given;
    switch (frame.kind) {
    case Frame::Document:
        if (is(p1, "on")) {
            want(Want::TypeCondition);
        } else if (is(p1, "@")) {
            want(Want::Directive);
            m_context.directiveLocation = m_location;
        } else if (!p1 || is(p1, "}")) {
            want(Want::Definition);
        }
        return;
    case Frame::VariableDefinitions:
        if (is(p1, "@")) {
            want(Want::Directive);
            m_context.directiveLocation = "VARIABLE_DEFINITION";
        } else if (is(p1, ":") || (m_inType && is(p1, "["))) {
            want(Want::VariableType);
        }
        return;
    case Frame::SelectionSet:
        m_context.type = frame.type;
        if (is(p1, "@")) {
            want(Want::Directive);
            m_context.directiveLocation = is(p2, "...") ? "INLINE_FRAGMENT" : "FIELD";
        } else if (is(p1, "...")) {
            want(Want::SpreadOrOn);
        } else if (is(p1, "on") && is(p2, "...")) {
            want(Want::TypeCondition);
        } else if (!is(p1, "$")) {
            want(Want::Field);
        }
        return;
    case Frame::Arguments:
    case Frame::ObjectValue:
        if (frame.afterColon) {
            want(is(p1, "$") ? Want::Variable : Want::Value);
            m_context.valueType = frame.valueType;
        } else if (!is(p1, "$")) {
            want(frame.kind == Frame::Arguments ? Want::Argument : Want::ObjectField);
            m_context.arguments = frame.args;
            m_context.type = frame.type;
        }
        return;
    case Frame::ListValue:
        want(is(p1, "$") ? Want::Variable : Want::Value);
        m_context.valueType = frame.itemType;
        return;
    }
}

} // namespace

GraphQLCursorContext cursorContext(const Schema &schema, const QString &document, int position) {
    GraphQLCursorContext context;
    position = std::clamp(position, 0, int(document.size()));
    int start = position;
    while (start > 0 && isNameChar(document.at(start - 1)))
        --start;
    context.replaceStart = start;
    context.prefix = document.mid(start, position - start);
    std::vector<Token> tokens;
    if (!tokenize(document, start, tokens))
        return context; // in a string or a comment
    Scanner scanner(schema, context);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        scanner.step(tokens[i], i > 0 ? &tokens[i - 1] : nullptr, i > 1 ? &tokens[i - 2] : nullptr);
    const std::size_t n = tokens.size();
    scanner.finish(n > 0 ? &tokens[n - 1] : nullptr, n > 1 ? &tokens[n - 2] : nullptr);
    return context;
}

std::vector<std::pair<std::string, std::string>> fragmentDefinitions(const QString &document) {
    std::vector<Token> tokens;
    tokenize(document, int(document.size()), tokens);
    std::vector<std::pair<std::string, std::string>> fragments;
    for (std::size_t i = 0; i + 3 < tokens.size(); ++i)
        if (tokens[i].text == QLatin1String("fragment") && tokens[i + 1].kind == Token::Name &&
            tokens[i + 2].text == QLatin1String("on") && tokens[i + 3].kind == Token::Name)
            fragments.emplace_back(tokens[i + 1].text.toStdString(), tokens[i + 3].text.toStdString());
    return fragments;
}

} // namespace triptych::editor
