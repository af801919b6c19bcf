#include "server/graphql/execution/coercion.h"

#include "server/graphql/groupindex.h"
#include "server/graphql/validation/validationcontext.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace triptych::graphql {
namespace {

constexpr double kMaxInt = 2147483647.0;
constexpr double kMinInt = -2147483648.0;

struct InputError {
    std::string message;
    std::string path; // printPathArray form: .field[0]
    Value value;
};

std::optional<InputError> coerceInput(const Value &value, TypeRef type, const std::string &path, Value &out);

std::optional<std::string> parseLeafValue(const NamedType &type, const Value &v, Value &out) {
    using K = Value::Kind;
    const bool number = v.kind() == K::Int || v.kind() == K::Float;
    if (type.kind == TypeKind::Enum) {
        if (v.kind() != K::String) {
            return "Enum \"" + type.name + "\" cannot represent non-string value: " + inspectValue(v) + ".";
        }
        if (!type.enumValue(v.asString())) {
            std::vector<std::string> names;
            for (const auto &e : type.enumValues)
                names.push_back(e.name);
            return "Value \"" + v.asString() + "\" does not exist in \"" + type.name + "\" enum." +
                   validation::didYouMean(validation::suggestionList(v.asString(), names), "the enum value");
        }
        out = Value::fromEnum(v.asString());
        return std::nullopt;
    }
    if (type.name == "Int") {
        if (!number || v.asFloat() != std::floor(v.asFloat()))
            return "Int cannot represent non-integer value: " + inspectValue(v);
        if (v.asFloat() > kMaxInt || v.asFloat() < kMinInt)
            return "Int cannot represent non 32-bit signed integer value: " + inspectValue(v);
        out = Value::fromInt(static_cast<std::int64_t>(v.asFloat()));
    } else if (type.name == "Float") {
        if (!number)
            return "Float cannot represent non numeric value: " + inspectValue(v);
        out = Value::fromFloat(v.asFloat());
    } else if (type.name == "String") {
        if (v.kind() != K::String)
            return "String cannot represent a non string value: " + inspectValue(v);
        out = v;
    } else if (type.name == "Boolean") {
        if (v.kind() != K::Boolean)
            return "Boolean cannot represent a non boolean value: " + inspectValue(v);
        out = v;
    } else if (type.name == "ID") {
        if (v.kind() == K::String)
            out = v;
        else if (number && v.asFloat() == std::floor(v.asFloat()))
            out = Value::fromString(formatJsNumber(v.asFloat()));
        else
            return "ID cannot represent value: " + inspectValue(v);
    } else {
        out = v; // custom scalars pass through
    }
    return std::nullopt;
}

std::optional<InputError> coerceInputObject(const Value &value, const NamedType &type, const std::string &path,
                                            Value &out) {
    if (value.kind() != Value::Kind::Object)
        return InputError{"Expected type \"" + type.name + "\" to be an object.", path, value};
    Value::Object fields;
    for (const auto &def : type.inputFields) {
        const Value *given = value.find(def.name);
        if (!given) {
            if (def.defaultValue) {
                if (auto v = valueFromAst(*def.defaultValue, def.type, nullptr))
                    fields.emplace_back(def.name, std::move(*v));
            } else if (def.type.isNonNull()) {
                return InputError{"Field \"" + def.name + "\" of required type \"" + def.type.toString() +
                                      "\" was not provided.",
                                  path, value};
            }
            continue;
        }
        Value coerced;
        if (auto error = coerceInput(*given, def.type, path + "." + def.name, coerced))
            return error;
        fields.emplace_back(def.name, std::move(coerced));
    }
    for (const auto &[name, v] : value.asObject()) {
        if (type.inputField(name))
            continue;
        std::vector<std::string> names;
        for (const auto &f : type.inputFields)
            names.push_back(f.name);
        return InputError{"Field \"" + name + "\" is not defined by type \"" + type.name + "\"." +
                              validation::didYouMean(validation::suggestionList(name, names)),
                          path, value};
    }
    if (type.oneOf) {
        if (fields.size() != 1)
            return InputError{"Exactly one key must be specified for OneOf type \"" + type.name + "\".", path, value};
        if (fields.front().second.isNull())
            return InputError{"Field \"" + fields.front().first + "\" must be non-null.", path, value};
    }
    out = Value::fromObject(std::move(fields));
    return std::nullopt;
}

std::optional<InputError> coerceInput(const Value &value, TypeRef type, const std::string &path, Value &out) {
    if (type.isNonNull()) {
        if (value.isNull())
            return InputError{"Expected non-nullable type \"" + type.toString() + "\" not to be null.", path, value};
        return coerceInput(value, type.ofType(), path, out);
    }
    if (value.isNull()) {
        out = Value();
        return std::nullopt;
    }
    if (type.isList()) {
        Value::List items;
        if (value.kind() != Value::Kind::List) {
            Value item;
            if (auto error = coerceInput(value, type.ofType(), path, item))
                return error;
            items.push_back(std::move(item));
        } else {
            for (std::size_t i = 0; i < value.asList().size(); ++i) {
                Value item;
                if (auto error =
                        coerceInput(value.asList()[i], type.ofType(), path + "[" + std::to_string(i) + "]", item))
                    return error;
                items.push_back(std::move(item));
            }
        }
        out = Value::fromList(std::move(items));
        return std::nullopt;
    }
    if (type.named()->kind == TypeKind::InputObject)
        return coerceInputObject(value, *type.named(), path, out);
    if (auto message = parseLeafValue(*type.named(), value, out))
        return InputError{*message, path, value};
    return std::nullopt;
}

std::optional<Value> leafFromAst(const ValueNode &node, const NamedType &type) {
    if (type.kind == TypeKind::Enum) {
        if (node.kind != ValueKind::Enum || !type.enumValue(node.text))
            return std::nullopt;
        return Value::fromEnum(node.text);
    }
    const std::string &n = type.name;
    if (n == "Int") {
        if (node.kind != ValueKind::Int)
            return std::nullopt;
        errno = 0;
        const long long v = std::strtoll(node.text.c_str(), nullptr, 10);
        if (errno == ERANGE || v > 2147483647LL || v < -2147483648LL)
            return std::nullopt;
        return Value::fromInt(v);
    }
    if (n == "Float") {
        if (node.kind != ValueKind::Int && node.kind != ValueKind::Float)
            return std::nullopt;
        return Value::fromFloat(std::strtod(node.text.c_str(), nullptr));
    }
    if (n == "String")
        return node.kind == ValueKind::String ? std::optional<Value>(Value::fromString(node.text)) : std::nullopt;
    if (n == "Boolean")
        return node.kind == ValueKind::Boolean ? std::optional<Value>(Value::fromBool(node.boolean)) : std::nullopt;
    if (n == "ID") {
        if (node.kind == ValueKind::String || node.kind == ValueKind::Int)
            return Value::fromString(node.text);
        return std::nullopt;
    }
    return std::nullopt;
}

// Custom scalars accept any literal (graphql-js's valueFromASTUntyped).
Value untypedFromAst(const ValueNode &node, const Value *variables) {
    switch (node.kind) {
    case ValueKind::Int:
        return Value::fromInt(std::strtoll(node.text.c_str(), nullptr, 10));
    case ValueKind::Float:
        return Value::fromFloat(std::strtod(node.text.c_str(), nullptr));
    case ValueKind::String:
    case ValueKind::Enum:
        return Value::fromString(node.text);
    case ValueKind::Boolean:
        return Value::fromBool(node.boolean);
    case ValueKind::Null:
        return Value();
    case ValueKind::Variable: {
        const Value *v = variables ? variables->find(node.text) : nullptr;
        return v ? *v : Value();
    }
    case ValueKind::List: {
        Value::List items;
        for (const auto &item : node.list)
            items.push_back(untypedFromAst(item, variables));
        return Value::fromList(std::move(items));
    }
    case ValueKind::Object: {
        Value::Object fields;
        for (const auto &f : node.fields)
            fields.emplace_back(f.name, untypedFromAst(f.value, variables));
        return Value::fromObject(std::move(fields));
    }
    }
    return Value();
}

bool isMissingVariable(const ValueNode &node, const Value *variables) {
    return node.kind == ValueKind::Variable && (!variables || !variables->find(node.text));
}

} // namespace

std::optional<Value> valueFromAst(const ValueNode &node, TypeRef type, const Value *variables) {
    if (node.kind == ValueKind::Variable) {
        const Value *v = variables ? variables->find(node.text) : nullptr;
        if (!v || (v->isNull() && type.isNonNull()))
            return std::nullopt;
        return *v;
    }
    if (type.isNonNull()) {
        if (node.kind == ValueKind::Null)
            return std::nullopt;
        return valueFromAst(node, type.ofType(), variables);
    }
    if (node.kind == ValueKind::Null)
        return Value();
    if (type.isList()) {
        Value::List items;
        if (node.kind != ValueKind::List) {
            auto item = valueFromAst(node, type.ofType(), variables);
            if (!item)
                return std::nullopt;
            items.push_back(std::move(*item));
            return Value::fromList(std::move(items));
        }
        for (const auto &itemNode : node.list) {
            if (isMissingVariable(itemNode, variables)) {
                if (type.ofType().isNonNull())
                    return std::nullopt;
                items.emplace_back();
                continue;
            }
            auto item = valueFromAst(itemNode, type.ofType(), variables);
            if (!item)
                return std::nullopt;
            items.push_back(std::move(*item));
        }
        return Value::fromList(std::move(items));
    }
    const NamedType &named = *type.named();
    if (named.kind == TypeKind::InputObject) {
        if (node.kind != ValueKind::Object)
            return std::nullopt;
        Value::Object fields;
        for (const auto &def : named.inputFields) {
            const auto it =
                std::find_if(node.fields.begin(), node.fields.end(), [&](const auto &f) { return f.name == def.name; });
            if (it == node.fields.end() || isMissingVariable(it->value, variables)) {
                if (def.defaultValue) {
                    if (auto v = valueFromAst(*def.defaultValue, def.type, nullptr))
                        fields.emplace_back(def.name, std::move(*v));
                } else if (def.type.isNonNull()) {
                    return std::nullopt;
                }
                continue;
            }
            auto v = valueFromAst(it->value, def.type, variables);
            if (!v)
                return std::nullopt;
            fields.emplace_back(def.name, std::move(*v));
        }
        return Value::fromObject(std::move(fields));
    }
    if (named.kind == TypeKind::Scalar && !named.isBuiltInScalar())
        return untypedFromAst(node, variables);
    return leafFromAst(node, named);
}

bool coerceVariableValues(const Schema &schema, const OperationDefinitionNode &op, const Value &inputs, Value &out,
                          std::vector<GraphQLError> &errors) {
    Value::Object coerced;
    // The given values by name (the first of each, as Value::find), so that many variables stay linear.
    std::vector<std::pair<std::string_view, const Value *>> given;
    GroupIndex givenIndex;
    if (inputs.kind() == Value::Kind::Object)
        for (const auto &[name, value] : inputs.asObject())
            if (givenIndex.find(given, name) == given.size())
                given.emplace_back(name, &value);
    for (const auto &def : op.variables) {
        const TypeRef type = schema.typeFromAst(*def.type);
        const std::string prefix = "Variable \"$" + def.name + "\"";
        if (!type.valid() || !type.named()->isInput()) {
            errors.push_back({prefix + " expected value of type \"" + validation::printTypeNode(*def.type) +
                                  "\" which cannot be used as an input type.",
                              {def.loc}});
            continue;
        }
        const std::size_t at = givenIndex.find(given, def.name);
        const Value *input = at == given.size() ? nullptr : given[at].second;
        if (!input) {
            if (def.defaultValue) {
                if (auto v = valueFromAst(*def.defaultValue, type, nullptr))
                    coerced.emplace_back(def.name, std::move(*v));
            } else if (type.isNonNull()) {
                errors.push_back(
                    {prefix + " of required type \"" + type.toString() + "\" was not provided.", {def.loc}});
            }
            continue;
        }
        if (input->isNull() && type.isNonNull()) {
            errors.push_back({prefix + " of non-null type \"" + type.toString() + "\" must not be null.", {def.loc}});
            continue;
        }
        Value value;
        if (auto error = coerceInput(*input, type, "", value)) {
            std::string message = prefix + " got invalid value " + inspectValue(error->value);
            if (!error->path.empty())
                message += " at \"" + def.name + error->path + "\"";
            errors.push_back({message + "; " + error->message, {def.loc}});
            continue;
        }
        coerced.emplace_back(def.name, std::move(value));
    }
    out = Value::fromObject(std::move(coerced));
    return errors.empty();
}

std::optional<ArgumentError> coerceArgumentValues(const Schema &, const std::vector<InputValue> &defs,
                                                  const std::vector<ArgumentNode> &nodes, const Value &variables,
                                                  Value &out) {
    Value::Object coerced;
    for (const auto &def : defs) {
        const auto it =
            std::find_if(nodes.begin(), nodes.end(), [&](const ArgumentNode &a) { return a.name == def.name; });
        const bool missing = it == nodes.end() || isMissingVariable(it->value, &variables);
        if (missing) {
            if (def.defaultValue) {
                if (auto v = valueFromAst(*def.defaultValue, def.type, nullptr))
                    coerced.emplace_back(def.name, std::move(*v));
            } else if (def.type.isNonNull()) {
                if (it == nodes.end())
                    return ArgumentError{"Argument \"" + def.name + "\" of required type \"" + def.type.toString() +
                                             "\" was not provided.",
                                         std::nullopt};
                return ArgumentError{"Argument \"" + def.name + "\" of required type \"" + def.type.toString() +
                                         "\" was provided the variable \"$" + it->value.text +
                                         "\" which was not provided a runtime value.",
                                     it->value.loc};
            }
            continue;
        }
        if (it->value.kind == ValueKind::Variable) {
            const Value *v = variables.find(it->value.text);
            if (v->isNull() && def.type.isNonNull())
                return ArgumentError{"Argument \"" + def.name + "\" of non-null type \"" + def.type.toString() +
                                         "\" must not be null.",
                                     it->value.loc};
            coerced.emplace_back(def.name, *v);
            continue;
        }
        auto v = valueFromAst(it->value, def.type, &variables);
        if (!v)
            return ArgumentError{"Argument \"" + def.name + "\" has invalid value " +
                                     validation::printValue(it->value) + ".",
                                 it->value.loc};
        coerced.emplace_back(def.name, std::move(*v));
    }
    out = Value::fromObject(std::move(coerced));
    return std::nullopt;
}

} // namespace triptych::graphql
