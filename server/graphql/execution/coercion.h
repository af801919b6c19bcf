#pragma once

// Input and output coercion of spec §3.5/§6.1.2/§6.4.1, with graphql-js 16's error messages.
#include "server/graphql/error.h"
#include "server/graphql/schema/schema.h"

#include <optional>
#include <string>

namespace triptych::graphql {

// graphql-js's inspect() of a JSON-like value, used inside error messages.
std::string inspectValue(const Value &value);

// Coerces request variables against the operation's definitions; errors are request errors (no data).
bool coerceVariableValues(const Schema &schema, const OperationDefinitionNode &op, const Value &inputs, Value &out,
                          std::vector<GraphQLError> &errors);

// A problem with an argument: its message and, when graphql-js gives one, the value's location.
struct ArgumentError {
    std::string message;
    std::optional<Location> valueLoc;
};

// Coerces a field's or directive's arguments; the first problem otherwise.
std::optional<ArgumentError> coerceArgumentValues(const Schema &schema, const std::vector<InputValue> &defs,
                                                  const std::vector<ArgumentNode> &nodes, const Value &variables,
                                                  Value &out);

// A literal (with variables) as a value of `type`; nullopt when invalid (valueFromAST).
std::optional<Value> valueFromAst(const ValueNode &node, TypeRef type, const Value *variables);

// Serializes a resolved leaf for a scalar or enum type; the message otherwise.
std::optional<std::string> serializeLeaf(const NamedType &type, const Resolved &value, Value &out);

// A default value as graphql-js prints it in introspection and SDL (astFromValue then print).
std::optional<std::string> printDefaultValue(const InputValue &input);

} // namespace triptych::graphql
