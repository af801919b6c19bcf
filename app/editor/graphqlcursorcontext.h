#pragma once

// Private to the editor library: it includes the engine, which the widgets never see.
#include "server/graphql/schema/schema.h"

#include <QString>

#include <string>
#include <vector>

namespace triptych::editor {

// Where the cursor is in a GraphQL document that is usually half typed, and so cannot be parsed: found by a
// tolerant scan of the text before the cursor that keeps a stack of selection sets, argument lists and values.
struct GraphQLCursorContext {
    enum class Want {
        Nothing, // inside a string or a comment, or after a token that completes nothing
        Definition,
        Field,
        SpreadOrOn,    // after "..."
        TypeCondition, // after "... on" or "fragment X on"
        Argument,
        Value,
        ObjectField,
        Variable, // after "$" in a value
        Directive,
        VariableType, // after "$name:" in variable definitions
    };
    struct Variable {
        std::string name;
        std::string type;
    };

    Want want = Want::Nothing;
    int replaceStart = 0;
    QString prefix;
    const graphql::NamedType *type = nullptr;                    // Field, SpreadOrOn, TypeCondition, ObjectField
    const std::vector<graphql::InputValue> *arguments = nullptr; // Argument
    graphql::TypeRef valueType;                                  // Value
    std::vector<std::string> given;                              // arguments or input fields already written
    std::string directiveLocation;                               // Directive: FIELD, QUERY, …
    std::vector<Variable> variables;                             // of the operation around the cursor
};

GraphQLCursorContext cursorContext(const graphql::Schema &schema, const QString &document, int position);

// Fragment definitions of the whole document: name and type condition.
std::vector<std::pair<std::string, std::string>> fragmentDefinitions(const QString &document);

} // namespace triptych::editor
