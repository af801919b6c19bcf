// Spec §5.5 rules about fragments; each class is named as the spec names the rule.
#include "server/graphql/validation/validationcontext.h"

#include <unordered_map>
#include <unordered_set>

namespace triptych::graphql::validation {
namespace {

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

// §5.5.1.2 Fragment Spread Type Existence (and variable types): graphql-js's KnownTypeNames
class FragmentSpreadTypeExistence : public Rule {
public:
    using Rule::Rule;
    void enterNamedType(const std::string &name, Location loc) override {
        if (m_context.schema().type(name))
            return;
        for (const auto &def : m_context.document().types)
            if (def.name == name)
                return;
        std::vector<std::string> names;
        for (const NamedType *t : m_context.schema().types())
            names.push_back(t->name);
        for (const auto &def : m_context.document().types)
            names.push_back(def.name);
        m_context.report("Unknown type \"" + name + "\"." + didYouMean(suggestionList(name, names)), {loc});
    }
};

// §5.5.1.3 Fragments On Composite Types
class FragmentsOnCompositeTypes : public Rule {
public:
    using Rule::Rule;
    void enterInlineFragment(const SelectionNode &node) override {
        const NamedType *type = m_context.schema().type(node.typeCondition);
        if (!node.typeCondition.empty() && type && !type->isComposite())
            m_context.report("Fragment cannot condition on non composite type \"" + node.typeCondition + "\".",
                             {node.typeConditionLoc});
    }
    void enterFragment(const FragmentDefinitionNode &f) override {
        const NamedType *type = m_context.schema().type(f.typeCondition);
        if (type && !type->isComposite())
            m_context.report("Fragment \"" + f.name + "\" cannot condition on non composite type \"" + f.typeCondition +
                                 "\".",
                             {f.typeConditionLoc});
    }
};

// §5.5.1.1 Fragment Name Uniqueness
class FragmentNameUniqueness : public Rule {
public:
    using Rule::Rule;
    void enterFragment(const FragmentDefinitionNode &f) override {
        const auto [it, inserted] = m_known.emplace(f.name, f.nameLoc);
        if (!inserted)
            m_context.report("There can be only one fragment named \"" + f.name + "\".", {it->second, f.nameLoc});
    }

private:
    std::unordered_map<std::string_view, Location> m_known;
};

// §5.5.2.1 Fragment Spread Target Defined
class FragmentSpreadTargetDefined : public Rule {
public:
    using Rule::Rule;
    void enterFragmentSpread(const SelectionNode &spread) override {
        if (!m_context.fragment(spread.name))
            m_context.report("Unknown fragment \"" + spread.name + "\".", {spread.nameLoc});
    }
};

// §5.5.1.4 Fragments Must Be Used
class FragmentsMustBeUsed : public Rule {
public:
    using Rule::Rule;
    void leaveDocument() override {
        std::unordered_set<std::string_view> used;
        for (const auto &op : m_context.document().operations)
            for (const FragmentDefinitionNode *f : m_context.recursivelyReferencedFragments(op))
                used.insert(f->name);
        if (m_context.tooManyFragmentVisits())
            return; // the fragments not reached were not looked for
        for (const auto &f : m_context.document().fragments)
            if (!used.count(f.name))
                m_context.report("Fragment \"" + f.name + "\" is never used.", {f.loc});
    }
};

// §5.5.2.3 Fragment Spread Is Possible
class FragmentSpreadIsPossible : public Rule {
public:
    using Rule::Rule;
    void enterInlineFragment(const SelectionNode &node) override {
        const TypeRef fragType = m_context.state().type;
        const NamedType *parent = m_context.state().parentType;
        if (!fragType.valid() || !fragType.named()->isComposite() || !parent)
            return;
        if (!doTypesOverlap(m_context.schema(), fragType.named(), parent))
            m_context.report("Fragment cannot be spread here as objects of type \"" + parent->name +
                                 "\" can never be of type \"" + fragType.named()->name + "\".",
                             {node.loc});
    }
    void enterFragmentSpread(const SelectionNode &node) override {
        const FragmentDefinitionNode *f = m_context.fragment(node.name);
        const NamedType *fragType = f ? m_context.schema().type(f->typeCondition) : nullptr;
        const NamedType *parent = m_context.state().parentType;
        if (!fragType || !fragType->isComposite() || !parent)
            return;
        if (!doTypesOverlap(m_context.schema(), fragType, parent))
            m_context.report("Fragment \"" + node.name + "\" cannot be spread here as objects of type \"" +
                                 parent->name + "\" can never be of type \"" + fragType->name + "\".",
                             {node.loc});
    }
};

// §5.5.2.2 Fragment Spreads Must Not Form Cycles
class FragmentSpreadsMustNotFormCycles : public Rule {
public:
    using Rule::Rule;
    void enterFragment(const FragmentDefinitionNode &f) override { detect(f); }

private:
    void detect(const FragmentDefinitionNode &fragment) {
        if (!m_visited.insert(fragment.name).second)
            return;
        const auto spreads = m_context.fragmentSpreads(fragment.selectionSet);
        if (spreads.empty())
            return;
        m_indexByName[fragment.name] = m_path.size();
        for (const SelectionNode *spread : spreads) {
            const auto cycle = m_indexByName.find(spread->name);
            m_path.push_back(spread);
            if (cycle == m_indexByName.end()) {
                if (const FragmentDefinitionNode *next = m_context.fragment(spread->name))
                    detect(*next);
            } else {
                std::string via;
                std::vector<Location> locations;
                for (std::size_t i = cycle->second; i < m_path.size(); ++i) {
                    locations.push_back(m_path[i]->loc);
                    if (i + 1 < m_path.size())
                        via += (via.empty() ? "" : ", ") + quoted(m_path[i]->name);
                }
                m_context.report("Cannot spread fragment \"" + spread->name + "\" within itself" +
                                     (via.empty() ? "." : " via " + via + "."),
                                 locations);
            }
            m_path.pop_back();
        }
        m_indexByName.erase(fragment.name);
    }

    std::unordered_set<std::string_view> m_visited;
    std::vector<const SelectionNode *> m_path;
    std::unordered_map<std::string_view, std::size_t> m_indexByName;
};

} // namespace

std::unique_ptr<Rule> makeFragmentRule(Context &context, FragmentRule rule) {
    switch (rule) {
    case FragmentRule::FragmentSpreadTypeExistence:
        return std::make_unique<FragmentSpreadTypeExistence>(context);
    case FragmentRule::FragmentsOnCompositeTypes:
        return std::make_unique<FragmentsOnCompositeTypes>(context);
    case FragmentRule::FragmentNameUniqueness:
        return std::make_unique<FragmentNameUniqueness>(context);
    case FragmentRule::FragmentSpreadTargetDefined:
        return std::make_unique<FragmentSpreadTargetDefined>(context);
    case FragmentRule::FragmentsMustBeUsed:
        return std::make_unique<FragmentsMustBeUsed>(context);
    case FragmentRule::FragmentSpreadIsPossible:
        return std::make_unique<FragmentSpreadIsPossible>(context);
    case FragmentRule::FragmentSpreadsMustNotFormCycles:
        return std::make_unique<FragmentSpreadsMustNotFormCycles>(context);
    }
    return nullptr;
}

} // namespace triptych::graphql::validation
