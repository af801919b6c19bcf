// Spec §5.6 (values), §5.4.2.1 (required arguments) and §5.8.5 (variable usages) rules.
#include "server/graphql/validation/validationcontext.h"

#include <cerrno>
#include <cstdlib>
#include <unordered_map>

namespace triptych::graphql::validation {
namespace {

// Whether a literal fits a leaf type; the error message as graphql-js's parseLiteral words it otherwise.
std::optional<std::string> leafLiteralError(const NamedType &type, const ValueNode &node) {
    const std::string printed = printValue(node);
    if (type.kind == TypeKind::Enum) {
        std::vector<std::string> names;
        for (const auto &v : type.enumValues)
            names.push_back(v.name);
        const std::string hint = didYouMean(suggestionList(printed, names), "the enum value");
        if (node.kind != ValueKind::Enum)
            return "Enum \"" + type.name + "\" cannot represent non-enum value: " + printed + "." + hint;
        if (!type.enumValue(node.text))
            return "Value \"" + printed + "\" does not exist in \"" + type.name + "\" enum." + hint;
        return std::nullopt;
    }
    if (type.name == "Int") {
        if (node.kind != ValueKind::Int)
            return "Int cannot represent non-integer value: " + printed;
        errno = 0;
        const long long v = std::strtoll(node.text.c_str(), nullptr, 10);
        if (errno == ERANGE || v > 2147483647LL || v < -2147483648LL)
            return "Int cannot represent non 32-bit signed integer value: " + node.text;
    } else if (type.name == "Float") {
        if (node.kind != ValueKind::Int && node.kind != ValueKind::Float)
            return "Float cannot represent non numeric value: " + printed;
    } else if (type.name == "String") {
        if (node.kind != ValueKind::String)
            return "String cannot represent a non string value: " + printed;
    } else if (type.name == "Boolean") {
        if (node.kind != ValueKind::Boolean)
            return "Boolean cannot represent a non boolean value: " + printed;
    } else if (type.name == "ID") {
        if (node.kind != ValueKind::String && node.kind != ValueKind::Int)
            return "ID cannot represent a non-string and non-integer value: " + printed;
    }
    return std::nullopt;
}

bool isRequired(const InputValue &value) {
    return value.type.isNonNull() && !value.defaultValue;
}

// §5.6.1 Values of Correct Type, §5.6.2 Input Object Field Names, §5.6.4 Input Object Required Fields
class ValuesOfCorrectType : public Rule {
public:
    using Rule::Rule;
    void enterValue(const ValueNode &node) override {
        if (m_skip)
            return;
        const TypeRef type = m_context.state().inputType;
        switch (node.kind) {
        case ValueKind::List:
            if (!type.nullable().isList()) {
                checkLeaf(node, type.valid() ? type.nullable() : type);
                m_skip = &node;
            }
            return;
        case ValueKind::Object:
            enterObject(node, type);
            return;
        case ValueKind::Null:
            if (type.isNonNull())
                m_context.report("Expected value of type \"" + type.toString() + "\", found null.", {node.loc});
            return;
        case ValueKind::Variable:
            return;
        default:
            checkLeaf(node, type);
        }
    }
    void leaveValue(const ValueNode &node) override {
        if (m_skip == &node)
            m_skip = nullptr;
    }
    void enterObjectField(const ObjectFieldNode &field) override {
        if (m_skip)
            return;
        const TypeState &s = m_context.state();
        const NamedType *parent = s.parentInputType.valid() ? s.parentInputType.named() : nullptr;
        if (s.inputType.valid() || !parent || parent->kind != TypeKind::InputObject)
            return;
        std::vector<std::string> names;
        for (const auto &f : parent->inputFields)
            names.push_back(f.name);
        m_context.report("Field \"" + field.name + "\" is not defined by type \"" + parent->name + "\"." +
                             didYouMean(suggestionList(field.name, names)),
                         {field.loc});
    }

private:
    void enterObject(const ValueNode &node, TypeRef type) {
        const NamedType *named = type.valid() ? type.named() : nullptr;
        if (!named || named->kind != TypeKind::InputObject) {
            checkLeaf(node, type);
            m_skip = &node;
            return;
        }
        for (const auto &def : named->inputFields) {
            const bool provided =
                std::any_of(node.fields.begin(), node.fields.end(), [&](const auto &f) { return f.name == def.name; });
            if (!provided && isRequired(def))
                m_context.report("Field \"" + named->name + "." + def.name + "\" of required type \"" +
                                     def.type.toString() + "\" was not provided.",
                                 {node.loc});
        }
        if (!named->oneOf)
            return;
        std::vector<const ObjectFieldNode *> unique;
        for (const auto &f : node.fields)
            if (std::none_of(unique.begin(), unique.end(), [&](const auto *u) { return u->name == f.name; }))
                unique.push_back(&f);
        if (unique.size() != 1)
            m_context.report("OneOf Input Object \"" + named->name + "\" must specify exactly one key.", {node.loc});
        else if (unique.front()->value.kind == ValueKind::Null)
            m_context.report("Field \"" + named->name + "." + unique.front()->name + "\" must be non-null.",
                             {node.loc});
    }
    void checkLeaf(const ValueNode &node, TypeRef locationType) {
        if (!locationType.valid())
            return;
        if (!locationType.named()->isLeaf()) {
            m_context.report("Expected value of type \"" + locationType.toString() + "\", found " + printValue(node) +
                                 ".",
                             {node.loc});
            return;
        }
        if (auto error = leafLiteralError(*locationType.named(), node))
            m_context.report(*error, {node.loc});
    }

    const ValueNode *m_skip = nullptr;
};

// §5.4.2.1 Required Arguments
class RequiredArguments : public Rule {
public:
    using Rule::Rule;
    void leaveField(const SelectionNode &field) override {
        const Field *def = m_context.state().fieldDef;
        if (!def)
            return;
        for (const auto &arg : def->args)
            if (isRequired(arg) && !provided(field.arguments, arg.name))
                m_context.report("Field \"" + def->name + "\" argument \"" + arg.name + "\" of type \"" +
                                     arg.type.toString() + "\" is required, but it was not provided.",
                                 {field.loc});
    }
    void leaveDirective(const DirectiveNode &d) override {
        const DirectiveDefinition *def = m_context.schema().directive(d.name);
        if (!def)
            return;
        for (const auto &arg : def->args)
            if (isRequired(arg) && !provided(d.arguments, arg.name))
                m_context.report("Directive \"@" + d.name + "\" argument \"" + arg.name + "\" of type \"" +
                                     arg.type.toString() + "\" is required, but it was not provided.",
                                 {d.loc});
    }

private:
    static bool provided(const std::vector<ArgumentNode> &args, const std::string &name) {
        return std::any_of(args.begin(), args.end(), [&](const auto &a) { return a.name == name; });
    }
};

// §5.8.5 All Variable Usages Are Allowed
class AllVariableUsagesAreAllowed : public Rule {
public:
    using Rule::Rule;
    void enterOperation(const OperationDefinitionNode &) override { m_defs.clear(); }
    void enterVariableDefinition(const VariableDefinitionNode &def) override { m_defs[def.name] = &def; }
    void leaveOperation(const OperationDefinitionNode &op) override {
        const Schema &schema = m_context.schema();
        for (const VariableUsage &usage : m_context.recursiveVariableUsages(op)) {
            const auto it = m_defs.find(usage.node->text);
            if (it == m_defs.end() || !usage.type.valid())
                continue;
            const VariableDefinitionNode &def = *it->second;
            const TypeRef varType = schema.typeFromAst(*def.type);
            if (!varType.valid())
                continue;
            if (!allowed(varType, def, usage))
                m_context.report("Variable \"$" + def.name + "\" of type \"" + varType.toString() +
                                     "\" used in position expecting type \"" + usage.type.toString() + "\".",
                                 {def.loc, usage.node->loc});
            if (usage.parentInputType && usage.parentInputType->oneOf && !varType.isNonNull())
                m_context.report("Variable \"$" + def.name + "\" is of type \"" + varType.toString() +
                                     "\" but must be non-nullable to be used for OneOf Input Object \"" +
                                     usage.parentInputType->name + "\".",
                                 {def.loc, usage.node->loc});
        }
    }

private:
    bool allowed(TypeRef varType, const VariableDefinitionNode &def, const VariableUsage &usage) const {
        const Schema &schema = m_context.schema();
        if (usage.type.isNonNull() && !varType.isNonNull()) {
            const bool varDefault = def.defaultValue && def.defaultValue->kind != ValueKind::Null;
            if (!varDefault && !usage.hasLocationDefault)
                return false;
            return isTypeSubTypeOf(schema, varType, usage.type.ofType());
        }
        return isTypeSubTypeOf(schema, varType, usage.type);
    }
    std::unordered_map<std::string_view, const VariableDefinitionNode *> m_defs;
};

// §5.6.3 Input Object Field Uniqueness
class InputObjectFieldUniqueness : public Rule {
public:
    using Rule::Rule;
    void enterValue(const ValueNode &node) override {
        if (node.kind == ValueKind::Object)
            m_stack.emplace_back();
    }
    void leaveValue(const ValueNode &node) override {
        if (node.kind == ValueKind::Object)
            m_stack.pop_back();
    }
    void enterObjectField(const ObjectFieldNode &field) override {
        if (m_stack.empty())
            return;
        const auto [it, inserted] = m_stack.back().emplace(field.name, field.loc);
        if (!inserted)
            m_context.report("There can be only one input field named \"" + field.name + "\".",
                             {it->second, field.loc});
    }

private:
    std::vector<std::unordered_map<std::string_view, Location>> m_stack;
};

} // namespace

std::unique_ptr<Rule> makeValuesOfCorrectType(Context &context) {
    return std::make_unique<ValuesOfCorrectType>(context);
}

std::unique_ptr<Rule> makeValueRules(Context &context, int which) {
    switch (which) {
    case 0:
        return std::make_unique<RequiredArguments>(context);
    case 1:
        return std::make_unique<AllVariableUsagesAreAllowed>(context);
    default:
        return std::make_unique<InputObjectFieldUniqueness>(context);
    }
}

} // namespace triptych::graphql::validation
