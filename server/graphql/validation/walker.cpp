// The typed walk of validation: graphql-js's visitInParallel + TypeInfo over operations and fragments.
#include "server/graphql/validation/validationcontext.h"

namespace triptych::graphql::validation {
namespace {

TypeRef outputOrInvalid(TypeRef type) {
    return type.valid() && type.named()->kind != TypeKind::InputObject ? type : TypeRef();
}

TypeRef inputOrInvalid(TypeRef type) {
    return type.valid() && type.named()->isInput() ? type : TypeRef();
}

const char *operationLocation(OperationType op) {
    switch (op) {
    case OperationType::Query:
        return "QUERY";
    case OperationType::Mutation:
        return "MUTATION";
    case OperationType::Subscription:
        return "SUBSCRIPTION";
    }
    return "QUERY";
}

} // namespace

Walker::Walker(Context &context, std::vector<Rule *> rules)
    : m_context(context)
    , m_rules(std::move(rules)) {
    m_context.setState(&m_state);
}

void Walker::walkDocument() {
    each([](Rule &r) { r.enterDocument(); });
    const Document &doc = m_context.document();
    for (const auto &entry : doc.order) {
        if (entry.kind == DefinitionKind::Operation)
            walkOperation(doc.operations[entry.index]);
        else if (entry.kind == DefinitionKind::Fragment)
            walkFragment(doc.fragments[entry.index]);
        else
            walkTypeSystemDefinition(entry);
    }
    each([](Rule &r) { r.leaveDocument(); });
}

// Type system definitions in an executable document are invalid, but graphql-js still checks their
// directives and type names, so the walk visits them as well.
void Walker::walkTypeSystemDefinition(const Document::Entry &entry) {
    static constexpr const char *kLocations[] = {"SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT"};
    const Document &doc = m_context.document();
    m_state = TypeState();
    const auto walkInputs = [&](const std::vector<InputValueDefinitionNode> &inputs, const char *location) {
        for (const auto &input : inputs) {
            walkSdlType(*input.type);
            walkDirectives(input.directives, location);
        }
    };
    if (entry.kind == DefinitionKind::Schema) {
        walkDirectives(doc.schemas[entry.index].directives, "SCHEMA");
    } else if (entry.kind == DefinitionKind::Directive) {
        walkInputs(doc.directives[entry.index].arguments, "ARGUMENT_DEFINITION");
    } else {
        const TypeDefinitionNode &def = doc.types[entry.index];
        walkDirectives(def.directives, kLocations[static_cast<int>(def.kind)]);
        for (const auto &field : def.fields) {
            walkInputs(field.arguments, "ARGUMENT_DEFINITION");
            walkSdlType(*field.type);
            walkDirectives(field.directives, "FIELD_DEFINITION");
        }
        for (const auto &value : def.values)
            walkDirectives(value.directives, "ENUM_VALUE");
        walkInputs(def.inputFields, "INPUT_FIELD_DEFINITION");
    }
}

void Walker::walkSdlType(const TypeNode &type) {
    static constexpr const char *kStandard[] = {"Int", "Float", "String", "Boolean", "ID"};
    const TypeNode *named = &type;
    while (named->ofType)
        named = named->ofType.get();
    for (const char *standard : kStandard)
        if (named->name == standard)
            return;
    walkTypeNode(type);
}

void Walker::walkOperation(const OperationDefinitionNode &op) {
    m_state = TypeState();
    const NamedType *root = m_context.schema().rootType(op.operation);
    m_state.type = root ? TypeRef(root) : TypeRef();
    each([&](Rule &r) { r.enterOperation(op); });
    for (const auto &def : op.variables)
        walkVariableDefinition(def);
    walkDirectives(op.directives, operationLocation(op.operation));
    walkSelectionSet(op.selectionSet, op.loc, false);
    m_state = TypeState();
    each([&](Rule &r) { r.leaveOperation(op); });
}

void Walker::walkFragment(const FragmentDefinitionNode &fragment) {
    m_state = TypeState();
    const NamedType *type = m_context.schema().type(fragment.typeCondition);
    m_state.type = outputOrInvalid(type ? TypeRef(type) : TypeRef());
    each([&](Rule &r) { r.enterFragment(fragment); });
    each([&](Rule &r) { r.enterNamedType(fragment.typeCondition, fragment.typeConditionLoc); });
    walkDirectives(fragment.directives, "FRAGMENT_DEFINITION");
    walkSelectionSet(fragment.selectionSet, fragment.loc, false);
    m_state = TypeState();
}

void Walker::walkVariableDefinition(const VariableDefinitionNode &def) {
    const TypeState saved = m_state;
    m_state.inputType = inputOrInvalid(m_context.schema().typeFromAst(*def.type));
    each([&](Rule &r) { r.enterVariableDefinition(def); });
    walkTypeNode(*def.type);
    if (def.defaultValue)
        walkValue(*def.defaultValue);
    m_state = saved;
    walkDirectives(def.directives, "VARIABLE_DEFINITION");
}

void Walker::walkTypeNode(const TypeNode &type) {
    if (type.kind == TypeNode::Kind::Named)
        each([&](Rule &r) { r.enterNamedType(type.name, type.loc); });
    else
        walkTypeNode(*type.ofType);
}

void Walker::walkSelectionSet(const std::vector<SelectionNode> &set, Location loc, bool inlineFragment) {
    const TypeState saved = m_state;
    const NamedType *named = m_state.type.valid() ? m_state.type.named() : nullptr;
    m_state.parentType = named && named->isComposite() ? named : nullptr;
    each([&](Rule &r) { r.enterSelectionSet(set, loc, inlineFragment); });
    for (const auto &selection : set)
        walkSelection(selection);
    m_state = saved;
}

void Walker::walkSelection(const SelectionNode &selection) {
    switch (selection.kind) {
    case SelectionKind::Field:
        walkField(selection);
        return;
    case SelectionKind::FragmentSpread:
        each([&](Rule &r) { r.enterFragmentSpread(selection); });
        walkDirectives(selection.directives, "FRAGMENT_SPREAD");
        return;
    case SelectionKind::InlineFragment: {
        const TypeState saved = m_state;
        if (!selection.typeCondition.empty()) {
            const NamedType *type = m_context.schema().type(selection.typeCondition);
            m_state.type = outputOrInvalid(type ? TypeRef(type) : TypeRef());
        } else if (m_state.type.valid()) {
            m_state.type = TypeRef(m_state.type.named());
        }
        each([&](Rule &r) { r.enterInlineFragment(selection); });
        if (!selection.typeCondition.empty())
            each([&](Rule &r) { r.enterNamedType(selection.typeCondition, selection.typeConditionLoc); });
        walkDirectives(selection.directives, "INLINE_FRAGMENT");
        walkSelectionSet(selection.selectionSet, selection.selectionSetLoc, true);
        m_state = saved;
        return;
    }
    }
}

void Walker::walkField(const SelectionNode &field) {
    const TypeState saved = m_state;
    const Field *def = fieldDefinition(m_context.schema(), m_state.parentType, field.name);
    m_state.fieldDef = def;
    m_state.type = def ? outputOrInvalid(def->type) : TypeRef();
    each([&](Rule &r) { r.enterField(field); });
    walkArguments(field.arguments, false);
    walkDirectives(field.directives, "FIELD");
    if (field.hasSelectionSet)
        walkSelectionSet(field.selectionSet, field.selectionSetLoc, false);
    each([&](Rule &r) { r.leaveField(field); });
    m_state = saved;
}

void Walker::walkDirectives(const std::vector<DirectiveNode> &directives, std::string_view location) {
    if (directives.empty())
        return;
    each([&](Rule &r) { r.enterDirectives(directives); });
    for (const auto &directive : directives) {
        const TypeState saved = m_state;
        m_state.directive = m_context.schema().directive(directive.name);
        each([&](Rule &r) { r.enterDirective(directive, location); });
        walkArguments(directive.arguments, true);
        each([&](Rule &r) { r.leaveDirective(directive); });
        m_state = saved;
    }
}

void Walker::walkArguments(const std::vector<ArgumentNode> &args, bool onDirective) {
    for (const auto &arg : args) {
        const TypeState saved = m_state;
        const InputValue *def = nullptr;
        if (onDirective)
            def = m_state.directive ? m_state.directive->arg(arg.name) : nullptr;
        else
            def = m_state.fieldDef ? m_state.fieldDef->arg(arg.name) : nullptr;
        m_state.argument = def;
        m_state.parentInputType = m_state.inputType;
        m_state.inputType = def ? inputOrInvalid(def->type) : TypeRef();
        m_state.inputDefault = def;
        each([&](Rule &r) { r.enterArgument(arg, onDirective); });
        walkValue(arg.value);
        m_state = saved;
    }
}

void Walker::walkValue(const ValueNode &value) {
    each([&](Rule &r) { r.enterValue(value); });
    if (value.kind == ValueKind::List) {
        const TypeState saved = m_state;
        const TypeRef listType = m_state.inputType.nullable();
        const TypeRef itemType = listType.isList() ? listType.ofType() : listType;
        m_state.parentInputType = m_state.inputType;
        m_state.inputType = inputOrInvalid(itemType);
        m_state.inputDefault = nullptr;
        for (const auto &item : value.list)
            walkValue(item);
        m_state = saved;
    } else if (value.kind == ValueKind::Object) {
        for (const auto &field : value.fields) {
            const TypeState saved = m_state;
            const NamedType *objectType = m_state.inputType.valid() ? m_state.inputType.named() : nullptr;
            const InputValue *inputField =
                objectType && objectType->kind == TypeKind::InputObject ? objectType->inputField(field.name) : nullptr;
            m_state.parentInputType = m_state.inputType;
            m_state.inputType = inputField ? inputOrInvalid(inputField->type) : TypeRef();
            m_state.inputDefault = inputField;
            each([&](Rule &r) { r.enterObjectField(field); });
            walkValue(field.value);
            m_state = saved;
        }
    }
    each([&](Rule &r) { r.leaveValue(value); });
}

} // namespace triptych::graphql::validation
