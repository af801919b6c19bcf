#pragma once

// Internal to validation: the typed walk over a document (graphql-js's TypeInfo) and the rule interface.
#include "server/graphql/error.h"
#include "server/graphql/limits.h"
#include "server/graphql/schema/schema.h"
#include "server/graphql/validation/validator.h"

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace triptych::graphql::validation {

struct VariableUsage {
    const ValueNode *node;
    TypeRef type;                     // expected type where it is used (invalid when unknown)
    const ValueNode *defaultValue;    // default of that argument or input field, if any
    bool hasLocationDefault = false;  // the argument/input field has a default value
    const NamedType *parentInputType; // input object holding the position, if any
};

// Where the walk is: graphql-js's TypeInfo stacks, flattened to what the rules ask for.
struct TypeState {
    const NamedType *parentType = nullptr; // composite type owning the current selection set
    TypeRef type;                          // output type of the current field/fragment (invalid: unknown)
    const Field *fieldDef = nullptr;
    const DirectiveDefinition *directive = nullptr;
    const InputValue *argument = nullptr;
    TypeRef inputType;       // expected type of the current value (invalid: unknown)
    TypeRef parentInputType; // expected type of the enclosing value
    const InputValue *inputDefault = nullptr;
};

class Context;

// A validation rule: the walker calls it for every node, in document order, with the typed state.
class Rule {
public:
    explicit Rule(Context &context)
        : m_context(context) {}
    virtual ~Rule() = default;
    virtual void enterDocument() {}
    virtual void leaveDocument() {}
    virtual void enterOperation(const OperationDefinitionNode &) {}
    virtual void leaveOperation(const OperationDefinitionNode &) {}
    virtual void enterFragment(const FragmentDefinitionNode &) {}
    virtual void enterVariableDefinition(const VariableDefinitionNode &) {}
    virtual void enterSelectionSet(const std::vector<SelectionNode> &, Location, bool /*inlineFragment*/) {}
    virtual void enterField(const SelectionNode &) {}
    virtual void leaveField(const SelectionNode &) {}
    virtual void enterFragmentSpread(const SelectionNode &) {}
    virtual void enterInlineFragment(const SelectionNode &) {}
    virtual void enterDirectives(const std::vector<DirectiveNode> &) {}
    virtual void enterDirective(const DirectiveNode &, std::string_view /*location*/) {}
    virtual void leaveDirective(const DirectiveNode &) {}
    virtual void enterArgument(const ArgumentNode &, bool /*onDirective*/) {}
    virtual void enterValue(const ValueNode &) {}
    virtual void leaveValue(const ValueNode &) {}
    virtual void enterObjectField(const ObjectFieldNode &) {}
    virtual void enterNamedType(const std::string &, Location) {}

protected:
    Context &m_context;
};

class Context {
public:
    Context(const Schema &schema, const Document &document, std::vector<GraphQLError> &errors);

    const Schema &schema() const { return m_schema; }
    const Document &document() const { return m_document; }
    const TypeState &state() const { return *m_state; }
    void setState(const TypeState *state) { m_state = state; }
    const FragmentDefinitionNode *fragment(std::string_view name) const;
    void report(std::string message, std::vector<Location> locations);
    bool full() const { return m_errors.size() >= kMaxErrors; }

    // Spreads directly inside a selection set (graphql-js's getFragmentSpreads order).
    std::vector<const SelectionNode *> fragmentSpreads(const std::vector<SelectionNode> &set) const;
    // Both are computed once per operation and stop, with an error, once the operations of the document reach
    // kMaxFragmentVisits fragments in all: n operations spreading one chain of m fragments cost n × m.
    const std::vector<const FragmentDefinitionNode *> &
    recursivelyReferencedFragments(const OperationDefinitionNode &op);
    const std::vector<VariableUsage> &variableUsages(const void *definition);
    const std::vector<VariableUsage> &recursiveVariableUsages(const OperationDefinitionNode &op);
    bool tooManyFragmentVisits() const { return m_tooManyFragmentVisits; }

    static constexpr std::size_t kMaxErrors = kMaxValidationErrors + 1;

private:
    const Schema &m_schema;
    const Document &m_document;
    std::vector<GraphQLError> &m_errors;
    const TypeState *m_state = nullptr;
    std::unordered_map<std::string_view, const FragmentDefinitionNode *> m_fragments;
    std::unordered_map<const void *, std::vector<VariableUsage>> m_usages;
    std::unordered_map<const OperationDefinitionNode *, std::vector<const FragmentDefinitionNode *>> m_referenced;
    std::unordered_map<const OperationDefinitionNode *, std::vector<VariableUsage>> m_recursiveUsages;
    std::size_t m_fragmentVisits = 0;
    bool m_tooManyFragmentVisits = false;
};

// Walks operations and fragments in document order, keeping TypeState, and calls every rule.
class Walker {
public:
    Walker(Context &context, std::vector<Rule *> rules);
    void walkDocument();
    void walkOperation(const OperationDefinitionNode &op);
    void walkFragment(const FragmentDefinitionNode &fragment);

private:
    template <class F> void each(F f) {
        for (Rule *rule : m_rules)
            f(*rule);
    }
    void walkSelectionSet(const std::vector<SelectionNode> &set, Location loc, bool inlineFragment);
    void walkSelection(const SelectionNode &selection);
    void walkField(const SelectionNode &field);
    void walkDirectives(const std::vector<DirectiveNode> &directives, std::string_view location);
    void walkArguments(const std::vector<ArgumentNode> &args, bool onDirective);
    void walkValue(const ValueNode &value);
    void walkVariableDefinition(const VariableDefinitionNode &def);
    void walkTypeNode(const TypeNode &type);
    void walkTypeSystemDefinition(const Document::Entry &entry);
    void walkSdlType(const TypeNode &type);

    Context &m_context;
    std::vector<Rule *> m_rules;
    TypeState m_state;
};

// The field definition a selection refers to, including __typename, __schema and __type.
const Field *fieldDefinition(const Schema &schema, const NamedType *parent, std::string_view name);
// Printing of value literals as graphql-js's print() does (error messages, default values).
std::string printValue(const ValueNode &value);
std::string printString(std::string_view text);
std::string printTypeNode(const TypeNode &type);
// graphql-js's suggestionList() and didYouMean().
std::vector<std::string> suggestionList(std::string_view input, const std::vector<std::string> &options);
std::string didYouMean(const std::vector<std::string> &suggestions, std::string_view subMessage = {});
bool doTypesOverlap(const Schema &schema, const NamedType *a, const NamedType *b);
bool isTypeSubTypeOf(const Schema &schema, TypeRef maybeSub, TypeRef super);

// Rule factories, in graphql-js's specifiedRules order.
std::vector<std::unique_ptr<Rule>> makeRules(Context &context);
std::unique_ptr<Rule> makeOverlappingFieldsCanBeMerged(Context &context);
enum class FragmentRule {
    FragmentSpreadTypeExistence,
    FragmentsOnCompositeTypes,
    FragmentNameUniqueness,
    FragmentSpreadTargetDefined,
    FragmentsMustBeUsed,
    FragmentSpreadIsPossible,
    FragmentSpreadsMustNotFormCycles,
};
std::unique_ptr<Rule> makeFragmentRule(Context &context, FragmentRule rule);
std::unique_ptr<Rule> makeValuesOfCorrectType(Context &context);
std::unique_ptr<Rule> makeValueRules(Context &context, int which);

} // namespace triptych::graphql::validation
