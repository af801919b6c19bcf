// Spec §5 rules about documents, operations, fragments and fields; each class is named as the spec
// (and graphql-js) names the rule, and reports with graphql-js 16's wording and locations.
#include "server/graphql/groupindex.h"
#include "server/graphql/validation/validationcontext.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

namespace triptych::graphql::validation {
namespace {

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

// §5.1.1 Executable Definitions
class ExecutableDefinitions : public Rule {
public:
    using Rule::Rule;
    void enterDocument() override {
        const Document &doc = m_context.document();
        for (const auto &entry : doc.order) {
            if (entry.kind == DefinitionKind::Operation || entry.kind == DefinitionKind::Fragment)
                continue;
            std::string name = "schema";
            if (entry.kind == DefinitionKind::Type)
                name = quoted(doc.types[entry.index].name);
            else if (entry.kind == DefinitionKind::Directive)
                name = quoted(doc.directives[entry.index].name);
            m_context.report("The " + name + " definition is not executable.", {entry.loc});
        }
    }
};

// §5.2.1.1 Operation Name Uniqueness
class OperationNameUniqueness : public Rule {
public:
    using Rule::Rule;
    void enterOperation(const OperationDefinitionNode &op) override {
        if (op.name.empty())
            return;
        const auto [it, inserted] = m_known.emplace(op.name, op.nameLoc);
        if (!inserted)
            m_context.report("There can be only one operation named \"" + op.name + "\".", {it->second, op.nameLoc});
    }

private:
    std::unordered_map<std::string_view, Location> m_known;
};

// §5.2.2.1 Lone Anonymous Operation
class LoneAnonymousOperation : public Rule {
public:
    using Rule::Rule;
    void enterOperation(const OperationDefinitionNode &op) override {
        if (op.name.empty() && m_context.document().operations.size() > 1)
            m_context.report("This anonymous operation must be the only defined operation.", {op.loc});
    }
};

// §5.2.3.1 Single Root Field (subscriptions)
class SingleRootField : public Rule {
public:
    using Rule::Rule;
    void enterOperation(const OperationDefinitionNode &op) override {
        if (op.operation != OperationType::Subscription || !m_context.schema().subscriptionType())
            return;
        std::vector<std::pair<std::string_view, std::vector<const SelectionNode *>>> fields;
        std::unordered_set<std::string_view> visited;
        GroupIndex index;
        collect(op.selectionSet, m_context.schema().subscriptionType(), fields, index, visited);
        const std::string prefix = op.name.empty() ? "Anonymous Subscription" : "Subscription \"" + op.name + "\"";
        if (fields.size() > 1) {
            std::vector<Location> locations;
            for (std::size_t i = 1; i < fields.size(); ++i)
                for (const SelectionNode *f : fields[i].second)
                    locations.push_back(f->loc);
            m_context.report(prefix + " must select only one top level field.", locations);
        }
        for (const auto &[key, nodes] : fields) {
            if (nodes.front()->name.rfind("__", 0) != 0)
                continue;
            std::vector<Location> locations;
            for (const SelectionNode *f : nodes)
                locations.push_back(f->loc);
            m_context.report(prefix + " must not select an introspection top level field.", locations);
        }
    }

private:
    static bool literallySkipped(const std::vector<DirectiveNode> &directives) {
        for (const auto &d : directives) {
            for (const auto &a : d.arguments) {
                if (a.name != "if" || a.value.kind != ValueKind::Boolean)
                    continue;
                if ((d.name == "skip" && a.value.boolean) || (d.name == "include" && !a.value.boolean))
                    return true;
            }
        }
        return false;
    }
    void collect(const std::vector<SelectionNode> &set, const NamedType *type,
                 std::vector<std::pair<std::string_view, std::vector<const SelectionNode *>>> &fields,
                 GroupIndex &index, std::unordered_set<std::string_view> &visited) {
        for (const auto &s : set) {
            if (literallySkipped(s.directives))
                continue;
            if (s.kind == SelectionKind::Field) {
                if (const std::size_t at = index.find(fields, s.responseKey()); at == fields.size())
                    fields.push_back({s.responseKey(), {&s}});
                else
                    fields[at].second.push_back(&s);
            } else if (s.kind == SelectionKind::InlineFragment) {
                if (s.typeCondition.empty() || m_context.schema().type(s.typeCondition) == type)
                    collect(s.selectionSet, type, fields, index, visited);
            } else if (visited.insert(s.name).second) {
                const FragmentDefinitionNode *f = m_context.fragment(s.name);
                if (f && m_context.schema().type(f->typeCondition) == type)
                    collect(f->selectionSet, type, fields, index, visited);
            }
        }
    }
};

// §5.8.2 Variables Are Input Types
class VariablesAreInputTypes : public Rule {
public:
    using Rule::Rule;
    void enterVariableDefinition(const VariableDefinitionNode &def) override {
        const TypeRef type = m_context.schema().typeFromAst(*def.type);
        if (type.valid() && !type.named()->isInput())
            m_context.report("Variable \"$" + def.name + "\" cannot be non-input type \"" + printTypeNode(*def.type) +
                                 "\".",
                             {def.type->loc});
    }
};

// §5.3.3 Leaf Field Selections
class LeafFieldSelections : public Rule {
public:
    using Rule::Rule;
    void enterField(const SelectionNode &field) override {
        const TypeRef type = m_context.state().type;
        if (!type.valid())
            return;
        if (type.named()->isLeaf() && field.hasSelectionSet)
            m_context.report("Field \"" + field.name + "\" must not have a selection since type \"" + type.toString() +
                                 "\" has no subfields.",
                             {field.selectionSetLoc});
        else if (!type.named()->isLeaf() && !field.hasSelectionSet)
            m_context.report("Field \"" + field.name + "\" of type \"" + type.toString() +
                                 "\" must have a selection of subfields. Did you mean \"" + field.name + " { ... }\"?",
                             {field.loc});
    }
};

// §5.3.1 Field Selections on Objects, Interfaces, and Unions Types
class FieldSelections : public Rule {
public:
    using Rule::Rule;
    void enterField(const SelectionNode &field) override {
        const NamedType *parent = m_context.state().parentType;
        if (!parent || m_context.state().fieldDef)
            return;
        std::string suggestion = didYouMean(suggestedTypes(parent, field.name), "to use an inline fragment on");
        if (suggestion.empty() && parent->kind != TypeKind::Union) {
            std::vector<std::string> names;
            for (const auto &f : parent->fields)
                names.push_back(f.name);
            suggestion = didYouMean(suggestionList(field.name, names));
        }
        m_context.report("Cannot query field \"" + field.name + "\" on type \"" + parent->name + "\"." + suggestion,
                         {field.loc});
    }

private:
    std::vector<std::string> suggestedTypes(const NamedType *type, const std::string &fieldName) {
        if (!type->isAbstract())
            return {};
        std::vector<const NamedType *> suggested;
        std::map<const NamedType *, int> usage;
        for (const NamedType *possible : type->possibleTypes) {
            if (!possible->field(fieldName))
                continue;
            if (!usage.count(possible))
                suggested.push_back(possible);
            usage[possible] = 1;
            for (const NamedType *iface : possible->interfaces) {
                if (!iface->field(fieldName))
                    continue;
                if (!usage.count(iface))
                    suggested.push_back(iface);
                ++usage[iface];
            }
        }
        const Schema &schema = m_context.schema();
        std::stable_sort(suggested.begin(), suggested.end(), [&](const NamedType *a, const NamedType *b) {
            if (usage[a] != usage[b])
                return usage[a] > usage[b];
            if (a->kind == TypeKind::Interface && schema.isSubType(a, b))
                return true;
            if (b->kind == TypeKind::Interface && schema.isSubType(b, a))
                return false;
            return a->name < b->name;
        });
        std::vector<std::string> names;
        for (const NamedType *t : suggested)
            names.push_back(t->name);
        return names;
    }
};

// §5.8.1 Variable Uniqueness
class VariableUniqueness : public Rule {
public:
    using Rule::Rule;
    void enterOperation(const OperationDefinitionNode &op) override {
        std::vector<std::pair<std::string_view, std::vector<Location>>> groups;
        GroupIndex index;
        for (const auto &def : op.variables) {
            if (const std::size_t at = index.find(groups, def.name); at == groups.size())
                groups.push_back({def.name, {def.nameLoc}});
            else
                groups[at].second.push_back(def.nameLoc);
        }
        for (const auto &[name, locations] : groups)
            if (locations.size() > 1)
                m_context.report("There can be only one variable named \"$" + std::string(name) + "\".", locations);
    }
};

// §5.8.3 All Variable Uses Defined
class AllVariableUsesDefined : public Rule {
public:
    using Rule::Rule;
    void enterOperation(const OperationDefinitionNode &) override { m_defined.clear(); }
    void enterVariableDefinition(const VariableDefinitionNode &def) override { m_defined.insert(def.name); }
    void leaveOperation(const OperationDefinitionNode &op) override {
        for (const VariableUsage &usage : m_context.recursiveVariableUsages(op)) {
            if (m_defined.count(usage.node->text))
                continue;
            m_context.report(op.name.empty() ? "Variable \"$" + usage.node->text + "\" is not defined."
                                             : "Variable \"$" + usage.node->text + "\" is not defined by operation \"" +
                                                   op.name + "\".",
                             {usage.node->loc, op.loc});
        }
    }

private:
    std::unordered_set<std::string_view> m_defined;
};

// §5.8.4 All Variables Used
class AllVariablesUsed : public Rule {
public:
    using Rule::Rule;
    void leaveOperation(const OperationDefinitionNode &op) override {
        std::unordered_set<std::string_view> used;
        for (const VariableUsage &usage : m_context.recursiveVariableUsages(op))
            used.insert(usage.node->text);
        for (const auto &def : op.variables) {
            if (used.count(def.name))
                continue;
            m_context.report(op.name.empty()
                                 ? "Variable \"$" + def.name + "\" is never used."
                                 : "Variable \"$" + def.name + "\" is never used in operation \"" + op.name + "\".",
                             {def.loc});
        }
    }
};

// §5.7.1 Directives Are Defined, §5.7.2 Directives Are In Valid Locations
class DirectivesAreDefined : public Rule {
public:
    using Rule::Rule;
    void enterDirective(const DirectiveNode &d, std::string_view location) override {
        const DirectiveDefinition *def = m_context.schema().directive(d.name);
        if (!def)
            m_context.report("Unknown directive \"@" + d.name + "\".", {d.loc});
        else if (!def->allowsLocation(location))
            m_context.report("Directive \"@" + d.name + "\" may not be used on " + std::string(location) + ".",
                             {d.loc});
    }
};

// §5.7.3 Directives Are Unique Per Location
class DirectivesAreUniquePerLocation : public Rule {
public:
    using Rule::Rule;
    void enterDirectives(const std::vector<DirectiveNode> &directives) override {
        std::unordered_map<std::string_view, Location> seen;
        for (const auto &d : directives) {
            const DirectiveDefinition *def = m_context.schema().directive(d.name);
            if (!def || def->repeatable)
                continue;
            const auto [it, inserted] = seen.emplace(d.name, d.loc);
            if (!inserted)
                m_context.report("The directive \"@" + d.name + "\" can only be used once at this location.",
                                 {it->second, d.loc});
        }
    }
};

// §5.4.1 Argument Names
class ArgumentNames : public Rule {
public:
    using Rule::Rule;
    void enterDirective(const DirectiveNode &d, std::string_view) override {
        const DirectiveDefinition *def = m_context.schema().directive(d.name);
        if (!def)
            return;
        std::vector<std::string> known;
        for (const auto &a : def->args)
            known.push_back(a.name);
        for (const auto &arg : d.arguments)
            if (!def->arg(arg.name))
                m_context.report("Unknown argument \"" + arg.name + "\" on directive \"@" + d.name + "\"." +
                                     didYouMean(suggestionList(arg.name, known)),
                                 {arg.loc});
    }
    void enterArgument(const ArgumentNode &arg, bool onDirective) override {
        const TypeState &s = m_context.state();
        if (onDirective || s.argument || !s.fieldDef || !s.parentType)
            return;
        std::vector<std::string> known;
        for (const auto &a : s.fieldDef->args)
            known.push_back(a.name);
        m_context.report("Unknown argument \"" + arg.name + "\" on field \"" + s.parentType->name + "." +
                             s.fieldDef->name + "\"." + didYouMean(suggestionList(arg.name, known)),
                         {arg.loc});
    }
};

// §5.4.2 Argument Uniqueness
class ArgumentUniqueness : public Rule {
public:
    using Rule::Rule;
    void enterField(const SelectionNode &field) override { check(field.arguments); }
    void enterDirective(const DirectiveNode &d, std::string_view) override { check(d.arguments); }

private:
    void check(const std::vector<ArgumentNode> &args) {
        std::vector<std::pair<std::string_view, std::vector<Location>>> groups;
        GroupIndex index;
        for (const auto &a : args) {
            if (const std::size_t at = index.find(groups, a.name); at == groups.size())
                groups.push_back({a.name, {a.loc}});
            else
                groups[at].second.push_back(a.loc);
        }
        for (const auto &[name, locations] : groups)
            if (locations.size() > 1)
                m_context.report("There can be only one argument named \"" + std::string(name) + "\".", locations);
    }
};

// graphql-js's recommended MaxIntrospectionDepth rule (part of its specified rules in 16.x).
class MaxIntrospectionDepth : public Rule {
public:
    using Rule::Rule;
    void enterField(const SelectionNode &field) override {
        if (field.name != "__schema" && field.name != "__type")
            return;
        std::unordered_map<std::string_view, int> visited;
        if (exceeds(field, visited, 0))
            m_context.report("Maximum introspection depth exceeded", {field.loc});
    }

private:
    static constexpr int kMaxListsDepth = 3; // nested introspection lists (levels)
    bool exceeds(const SelectionNode &node, std::unordered_map<std::string_view, int> &visited, int depth) {
        if (node.kind == SelectionKind::FragmentSpread) {
            const auto exceeded = m_exceeded.find(node.name);
            if (exceeded != m_exceeded.end() && exceeded->second <= depth)
                return true;
            const auto v = visited.find(node.name);
            const auto c = m_checked.find(node.name);
            if ((v != visited.end() && v->second >= depth) || (c != m_checked.end() && c->second >= depth))
                return false;
            const FragmentDefinitionNode *f = m_context.fragment(node.name);
            if (!f)
                return false;
            visited[node.name] = depth;
            for (const auto &child : f->selectionSet) {
                if (exceeds(child, visited, depth)) {
                    m_exceeded[node.name] = depth;
                    return true;
                }
            }
            m_checked[node.name] = depth;
            return false;
        }
        if (node.kind == SelectionKind::Field && (node.name == "fields" || node.name == "interfaces" ||
                                                  node.name == "possibleTypes" || node.name == "inputFields")) {
            if (++depth >= kMaxListsDepth)
                return true;
        }
        for (const auto &child : node.selectionSet)
            if (exceeds(child, visited, depth))
                return true;
        return false;
    }
    std::unordered_map<std::string_view, int> m_checked;
    std::unordered_map<std::string_view, int> m_exceeded;
};

} // namespace

std::vector<std::unique_ptr<Rule>> makeRules(Context &c) {
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(std::make_unique<ExecutableDefinitions>(c));
    rules.push_back(std::make_unique<OperationNameUniqueness>(c));
    rules.push_back(std::make_unique<LoneAnonymousOperation>(c));
    rules.push_back(std::make_unique<SingleRootField>(c));
    rules.push_back(makeFragmentRule(c, FragmentRule::FragmentSpreadTypeExistence));
    rules.push_back(makeFragmentRule(c, FragmentRule::FragmentsOnCompositeTypes));
    rules.push_back(std::make_unique<VariablesAreInputTypes>(c));
    rules.push_back(std::make_unique<LeafFieldSelections>(c));
    rules.push_back(std::make_unique<FieldSelections>(c));
    rules.push_back(makeFragmentRule(c, FragmentRule::FragmentNameUniqueness));
    rules.push_back(makeFragmentRule(c, FragmentRule::FragmentSpreadTargetDefined));
    rules.push_back(makeFragmentRule(c, FragmentRule::FragmentsMustBeUsed));
    rules.push_back(makeFragmentRule(c, FragmentRule::FragmentSpreadIsPossible));
    rules.push_back(makeFragmentRule(c, FragmentRule::FragmentSpreadsMustNotFormCycles));
    rules.push_back(std::make_unique<VariableUniqueness>(c));
    rules.push_back(std::make_unique<AllVariableUsesDefined>(c));
    rules.push_back(std::make_unique<AllVariablesUsed>(c));
    rules.push_back(std::make_unique<DirectivesAreDefined>(c));
    rules.push_back(std::make_unique<DirectivesAreUniquePerLocation>(c));
    rules.push_back(std::make_unique<ArgumentNames>(c));
    rules.push_back(std::make_unique<ArgumentUniqueness>(c));
    rules.push_back(makeValuesOfCorrectType(c));
    rules.push_back(makeValueRules(c, 0)); // RequiredArguments
    rules.push_back(makeValueRules(c, 1)); // AllVariableUsagesAreAllowed
    rules.push_back(makeOverlappingFieldsCanBeMerged(c));
    rules.push_back(makeValueRules(c, 2)); // InputObjectFieldUniqueness
    rules.push_back(std::make_unique<MaxIntrospectionDepth>(c));
    return rules;
}

} // namespace triptych::graphql::validation
