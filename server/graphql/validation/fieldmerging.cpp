// §5.3.2 Field Selection Merging, following graphql-js 16's OverlappingFieldsCanBeMerged algorithm
// (fields compared within a selection set, against spread fragments, and fragments pairwise, memoized).
#include "server/graphql/groupindex.h"
#include "server/graphql/limits.h"
#include "server/graphql/validation/validationcontext.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace triptych::graphql::validation {
namespace {

struct FieldDetail {
    const NamedType *parentType;
    const SelectionNode *node;
    const Field *def;
};

struct Collected {
    std::vector<std::pair<std::string_view, std::vector<FieldDetail>>> grouped;
    std::vector<std::string_view> fragmentNames;
    std::unordered_set<std::string_view> fragmentNameSet;
    std::unordered_map<std::string_view, bool> comparedFragments; // fragment → compared as mutually exclusive
    mutable GroupIndex index;

    const std::vector<FieldDetail> *find(std::string_view key) const {
        const std::size_t at = index.find(grouped, key);
        return at == grouped.size() ? nullptr : &grouped[at].second;
    }
};

struct Conflict {
    std::string responseName;
    std::string reason;
    std::vector<Location> fields1;
    std::vector<Location> fields2;
};

bool sameValue(const ValueNode &a, const ValueNode &b) {
    if (a.kind != b.kind || a.text != b.text || a.boolean != b.boolean || a.block != b.block)
        return false;
    if (a.list.size() != b.list.size() || a.fields.size() != b.fields.size())
        return false;
    for (std::size_t i = 0; i < a.list.size(); ++i)
        if (!sameValue(a.list[i], b.list[i]))
            return false;
    const auto sorted = [](const ValueNode &v) {
        std::vector<const ObjectFieldNode *> fields;
        for (const auto &f : v.fields)
            fields.push_back(&f);
        std::stable_sort(fields.begin(), fields.end(), [](auto *x, auto *y) { return x->name < y->name; });
        return fields;
    };
    const auto fa = sorted(a), fb = sorted(b);
    for (std::size_t i = 0; i < fa.size(); ++i)
        if (fa[i]->name != fb[i]->name || !sameValue(fa[i]->value, fb[i]->value))
            return false;
    return true;
}

bool sameArguments(const std::vector<ArgumentNode> &a, const std::vector<ArgumentNode> &b) {
    if (a.size() != b.size())
        return false;
    // The first argument of each name, as a scan of b finds it; hashed so that long argument lists stay linear.
    std::vector<std::pair<std::string_view, const ValueNode *>> byName;
    GroupIndex index;
    for (const auto &arg : b)
        if (index.find(byName, arg.name) == byName.size())
            byName.emplace_back(arg.name, &arg.value);
    for (const auto &arg : a) {
        const std::size_t at = index.find(byName, arg.name);
        if (at == byName.size() || !sameValue(arg.value, *byName[at].second))
            return false;
    }
    return true;
}

bool doTypesConflict(TypeRef t1, TypeRef t2) {
    if (t1 == t2)
        return false;
    if (t1.isList())
        return t2.isList() ? doTypesConflict(t1.ofType(), t2.ofType()) : true;
    if (t2.isList())
        return true;
    if (t1.isNonNull())
        return t2.isNonNull() ? doTypesConflict(t1.ofType(), t2.ofType()) : true;
    if (t2.isNonNull())
        return true;
    if (t1.named()->isLeaf() || t2.named()->isLeaf())
        return t1.named() != t2.named();
    return false;
}

class FieldSelectionMerging : public Rule {
public:
    using Rule::Rule;
    void enterSelectionSet(const std::vector<SelectionNode> &set, Location, bool inlineFragment) override {
        if (inlineFragment || (set.size() <= 1 && (set.empty() || set[0].kind != SelectionKind::InlineFragment)))
            return;
        std::vector<Conflict> conflicts;
        const Collected &collected = collect(m_context.state().parentType, set);
        collectWithin(conflicts, collected);
        const auto &names = collected.fragmentNames;
        if (!names.empty() && (!collected.grouped.empty() || names.size() > 1)) {
            for (std::size_t i = 0; i < names.size() && !exhausted(); ++i) {
                betweenFieldsAndFragment(conflicts, false, collected, names[i]);
                for (std::size_t j = i + 1; j < names.size() && !exhausted(); ++j)
                    betweenFragments(conflicts, false, names[i], names[j]);
            }
        }
        for (auto &c : conflicts) {
            std::vector<Location> locations = c.fields1;
            locations.insert(locations.end(), c.fields2.begin(), c.fields2.end());
            m_context.report("Fields \"" + c.responseName + "\" conflict because " + c.reason +
                                 ". Use different aliases on the fields to fetch both if this was intentional.",
                             locations);
        }
    }

private:
    bool spend(std::size_t cost) {
        m_work += cost;
        return m_work <= kMaxOverlapComparisons;
    }

    const Collected &collect(const NamedType *parent, const std::vector<SelectionNode> &set) {
        auto &slot = m_cache[{parent, &set}];
        if (!slot) {
            slot = std::make_unique<Collected>();
            collectInto(parent, set, *slot);
        }
        return *slot;
    }

    void collectInto(const NamedType *parent, const std::vector<SelectionNode> &set, Collected &out) {
        for (const auto &s : set) {
            if (s.kind == SelectionKind::Field) {
                const Field *def = parent && (parent->kind == TypeKind::Object || parent->kind == TypeKind::Interface)
                                       ? parent->field(s.name)
                                       : nullptr;
                const std::string_view key = s.responseKey();
                if (const std::size_t at = out.index.find(out.grouped, key); at == out.grouped.size())
                    out.grouped.push_back({key, {{parent, &s, def}}});
                else
                    out.grouped[at].second.push_back({parent, &s, def});
            } else if (s.kind == SelectionKind::FragmentSpread) {
                if (out.fragmentNameSet.insert(s.name).second)
                    out.fragmentNames.push_back(s.name);
            } else {
                const NamedType *type = s.typeCondition.empty() ? parent : m_context.schema().type(s.typeCondition);
                collectInto(type, s.selectionSet, out);
            }
        }
    }

    const Collected *fragmentFields(std::string_view name) {
        const FragmentDefinitionNode *f = m_context.fragment(name);
        if (!f)
            return nullptr;
        return &collect(m_context.schema().type(f->typeCondition), f->selectionSet);
    }

    // The pair loops stop as soon as the budget is spent, so n fields of one name cost at most the budget, not n².
    bool exhausted() const { return m_work > kMaxOverlapComparisons; }

    void collectWithin(std::vector<Conflict> &conflicts, const Collected &c) {
        for (const auto &[key, fields] : c.grouped)
            for (std::size_t i = 0; i < fields.size() && !exhausted(); ++i)
                for (std::size_t j = i + 1; j < fields.size() && !exhausted(); ++j)
                    if (auto conflict = findConflict(false, key, fields[i], fields[j]))
                        conflicts.push_back(std::move(*conflict));
    }

    void collectBetween(std::vector<Conflict> &conflicts, bool exclusive, const Collected &a, const Collected &b) {
        for (const auto &[key, fields1] : a.grouped) {
            const auto *fields2 = b.find(key);
            if (!fields2 || !spend(1))
                continue;
            for (std::size_t i = 0; i < fields1.size() && !exhausted(); ++i)
                for (std::size_t j = 0; j < fields2->size() && !exhausted(); ++j)
                    if (auto conflict = findConflict(exclusive, key, fields1[i], (*fields2)[j]))
                        conflicts.push_back(std::move(*conflict));
        }
    }

    void betweenFieldsAndFragment(std::vector<Conflict> &conflicts, bool exclusive, const Collected &fields,
                                  std::string_view fragmentName) {
        if (fields.grouped.empty() || !spend(1))
            return;
        auto &compared = const_cast<Collected &>(fields).comparedFragments;
        const auto it = compared.find(fragmentName);
        if (it != compared.end() && (!it->second || exclusive))
            return;
        compared[fragmentName] = exclusive;
        const Collected *other = fragmentFields(fragmentName);
        if (!other || other == &fields)
            return;
        collectBetween(conflicts, exclusive, fields, *other);
        for (std::string_view name : other->fragmentNames)
            betweenFieldsAndFragment(conflicts, exclusive, fields, name);
    }

    void betweenFragments(std::vector<Conflict> &conflicts, bool exclusive, std::string_view a, std::string_view b) {
        if (a == b || !spend(2))
            return;
        const auto key = a < b ? std::make_pair(a, b) : std::make_pair(b, a);
        const auto it = m_comparedPairs.find(key);
        if (it != m_comparedPairs.end() && (exclusive || it->second == exclusive))
            return;
        m_comparedPairs[key] = exclusive;
        const Collected *c1 = fragmentFields(a);
        const Collected *c2 = fragmentFields(b);
        if (!c1 || !c2)
            return;
        collectBetween(conflicts, exclusive, *c1, *c2);
        for (std::string_view name : c2->fragmentNames)
            betweenFragments(conflicts, exclusive, a, name);
        for (std::string_view name : c1->fragmentNames)
            betweenFragments(conflicts, exclusive, name, b);
    }

    std::vector<Conflict> betweenSubSelections(bool exclusive, const NamedType *p1, const SelectionNode &n1,
                                               const NamedType *p2, const SelectionNode &n2) {
        std::vector<Conflict> conflicts;
        const Collected &c1 = collect(p1, n1.selectionSet);
        const Collected &c2 = collect(p2, n2.selectionSet);
        collectBetween(conflicts, exclusive, c1, c2);
        for (std::string_view name : c2.fragmentNames)
            betweenFieldsAndFragment(conflicts, exclusive, c1, name);
        for (std::string_view name : c1.fragmentNames)
            betweenFieldsAndFragment(conflicts, exclusive, c2, name);
        for (std::size_t i = 0; i < c1.fragmentNames.size() && !exhausted(); ++i)
            for (std::size_t j = 0; j < c2.fragmentNames.size() && !exhausted(); ++j)
                betweenFragments(conflicts, exclusive, c1.fragmentNames[i], c2.fragmentNames[j]);
        return conflicts;
    }

    std::optional<Conflict> findConflict(bool parentExclusive, std::string_view key, const FieldDetail &f1,
                                         const FieldDetail &f2) {
        const SelectionNode &n1 = *f1.node;
        const SelectionNode &n2 = *f2.node;
        const bool exclusive =
            parentExclusive || (f1.parentType != f2.parentType && f1.parentType && f2.parentType &&
                                f1.parentType->kind == TypeKind::Object && f2.parentType->kind == TypeKind::Object);
        if (!spend(2))
            return std::nullopt;
        const TypeRef t1 = f1.def ? f1.def->type : TypeRef();
        const TypeRef t2 = f2.def ? f2.def->type : TypeRef();
        const bool simple1 = n1.arguments.empty() && !n1.hasSelectionSet;
        const bool simple2 = n2.arguments.empty() && !n2.hasSelectionSet;
        if (simple1 && simple2 && t1 == t2 && n1.name == n2.name)
            return std::nullopt;
        const std::string name(key);
        if (!exclusive) {
            if (n1.name != n2.name)
                return Conflict{
                    name, "\"" + n1.name + "\" and \"" + n2.name + "\" are different fields", {n1.loc}, {n2.loc}};
            if (!sameArguments(n1.arguments, n2.arguments))
                return Conflict{name, "they have differing arguments", {n1.loc}, {n2.loc}};
        }
        if (t1.valid() && t2.valid() && doTypesConflict(t1, t2))
            return Conflict{name,
                            "they return conflicting types \"" + t1.toString() + "\" and \"" + t2.toString() + "\"",
                            {n1.loc},
                            {n2.loc}};
        if (!n1.hasSelectionSet || !n2.hasSelectionSet)
            return std::nullopt;
        const auto sub = betweenSubSelections(exclusive, t1.valid() ? t1.named() : nullptr, n1,
                                              t2.valid() ? t2.named() : nullptr, n2);
        if (sub.empty())
            return std::nullopt;
        static constexpr std::size_t kMaxConflictNodes = 20; // locations kept per side, as graphql-js keeps
        Conflict conflict{name, {}, {n1.loc}, {n2.loc}};
        for (const auto &c : sub) {
            conflict.reason += (conflict.reason.empty() ? "" : " and ") + std::string("subfields \"") + c.responseName +
                               "\" conflict because " + c.reason;
            for (const auto &l : c.fields1)
                if (conflict.fields1.size() < kMaxConflictNodes)
                    conflict.fields1.push_back(l);
            for (const auto &l : c.fields2)
                if (conflict.fields2.size() < kMaxConflictNodes)
                    conflict.fields2.push_back(l);
        }
        return conflict;
    }

    std::map<std::pair<const NamedType *, const void *>, std::unique_ptr<Collected>> m_cache;
    std::map<std::pair<std::string_view, std::string_view>, bool> m_comparedPairs;
    std::size_t m_work = 0;
};

} // namespace

std::unique_ptr<Rule> makeOverlappingFieldsCanBeMerged(Context &context) {
    return std::make_unique<FieldSelectionMerging>(context);
}

} // namespace triptych::graphql::validation
