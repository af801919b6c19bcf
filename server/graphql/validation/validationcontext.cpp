#include "server/graphql/validation/validationcontext.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <string>
#include <unordered_set>

namespace triptych::graphql::validation {
namespace {

// Records every variable used in a definition with the type expected where it is used.
class UsageCollector : public Rule {
public:
    UsageCollector(Context &context, std::vector<VariableUsage> &out)
        : Rule(context)
        , m_out(out) {}
    void enterVariableDefinition(const VariableDefinitionNode &) override { m_inDefinition = true; }
    void enterSelectionSet(const std::vector<SelectionNode> &, Location, bool) override { m_inDefinition = false; }
    void enterDirectives(const std::vector<DirectiveNode> &) override { m_inDefinition = false; }
    void enterValue(const ValueNode &value) override {
        if (value.kind != ValueKind::Variable || m_inDefinition)
            return;
        const TypeState &s = m_context.state();
        const NamedType *parent = s.parentInputType.valid() ? s.parentInputType.named() : nullptr;
        if (parent && parent->kind != TypeKind::InputObject)
            parent = nullptr;
        const bool hasDefault = s.inputDefault && s.inputDefault->defaultValue;
        m_out.push_back({&value, s.inputType, hasDefault ? &*s.inputDefault->defaultValue : nullptr, hasDefault,
                         s.parentInputType.isNamed() ? parent : nullptr});
    }

private:
    std::vector<VariableUsage> &m_out;
    bool m_inDefinition = false;
};

std::string toLower(std::string_view text) {
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::size_t lexicalDistance(const std::string &inputLower, std::string_view option, std::size_t threshold,
                            bool &within) {
    std::string a = toLower(option);
    std::string b = inputLower;
    if (a.size() < b.size())
        std::swap(a, b);
    within = false;
    if (a.size() - b.size() > threshold)
        return 0;
    std::vector<std::vector<std::size_t>> rows(3, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t j = 0; j <= b.size(); ++j)
        rows[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        auto &up = rows[(i - 1) % 3];
        auto &cur = rows[i % 3];
        std::size_t smallest = cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t cell = std::min({up[j] + 1, cur[j - 1] + 1, up[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cell = std::min(cell, rows[(i - 2) % 3][j - 2] + 1);
            smallest = std::min(smallest, cell);
            cur[j] = cell;
        }
        if (smallest > threshold)
            return 0;
    }
    const std::size_t distance = rows[a.size() % 3][b.size()];
    within = distance <= threshold;
    return distance;
}

// JavaScript's naturalCompare: digit runs compare by value.
bool naturalLess(const std::string &a, const std::string &b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei])))
                ++ei;
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej])))
                ++ej;
            const long long na = std::stoll(a.substr(i, std::min<std::size_t>(ei - i, 18)));
            const long long nb = std::stoll(b.substr(j, std::min<std::size_t>(ej - j, 18)));
            if (na != nb)
                return na < nb;
            i = ei;
            j = ej;
        } else {
            if (a[i] != b[j])
                return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

} // namespace

std::vector<std::string> suggestionList(std::string_view input, const std::vector<std::string> &options) {
    const std::string inputLower = toLower(input);
    const std::size_t threshold = input.size() * 4 / 10 + 1;
    std::vector<std::pair<std::size_t, std::string>> found;
    for (const auto &option : options) {
        std::size_t distance = 0;
        bool within = false;
        if (option == input) {
            distance = 0;
            within = true;
        } else if (toLower(option) == inputLower) {
            distance = 1;
            within = true;
        } else {
            distance = lexicalDistance(inputLower, option, threshold, within);
        }
        if (within && std::none_of(found.begin(), found.end(), [&](const auto &f) { return f.second == option; }))
            found.emplace_back(distance, option);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first < y.first : naturalLess(x.second, y.second);
    });
    std::vector<std::string> out;
    for (auto &f : found)
        out.push_back(std::move(f.second));
    return out;
}

std::string didYouMean(const std::vector<std::string> &suggestions, std::string_view subMessage) {
    static constexpr std::size_t kMaxSuggestions = 5; // suggestions, as graphql-js shows
    if (suggestions.empty())
        return {};
    std::string message = " Did you mean ";
    if (!subMessage.empty())
        message += std::string(subMessage) + " ";
    const auto quoted = [&](std::size_t i) { return "\"" + suggestions[i] + "\""; };
    if (suggestions.size() == 1)
        return message + quoted(0) + "?";
    if (suggestions.size() == 2)
        return message + quoted(0) + " or " + quoted(1) + "?";
    const std::size_t count = std::min(suggestions.size(), kMaxSuggestions);
    for (std::size_t i = 0; i + 1 < count; ++i)
        message += quoted(i) + ", ";
    return message + "or " + quoted(count - 1) + "?";
}

std::string printString(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        char buffer[8];
        if (c == '"') {
            out += "\\\"";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '\b') {
            out += "\\b";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\f') {
            out += "\\f";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
            out += buffer;
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned char>(text[++i]));
            out += buffer;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string printValue(const ValueNode &value) {
    switch (value.kind) {
    case ValueKind::Variable:
        return "$" + value.text;
    case ValueKind::Int:
    case ValueKind::Float:
    case ValueKind::Enum:
        return value.text;
    case ValueKind::String:
        return printString(value.text);
    case ValueKind::Boolean:
        return value.boolean ? "true" : "false";
    case ValueKind::Null:
        return "null";
    case ValueKind::List: {
        std::string out = "[";
        for (std::size_t i = 0; i < value.list.size(); ++i)
            out += (i ? ", " : "") + printValue(value.list[i]);
        return out + "]";
    }
    case ValueKind::Object: {
        std::string out = "{";
        for (std::size_t i = 0; i < value.fields.size(); ++i)
            out += (i ? ", " : "") + value.fields[i].name + ": " + printValue(value.fields[i].value);
        return out + "}";
    }
    }
    return {};
}

const Field *fieldDefinition(const Schema &schema, const NamedType *parent, std::string_view name) {
    if (!parent)
        return nullptr;
    if (name == "__typename" && parent->isComposite())
        return &schema.typenameField();
    if (parent == schema.queryType()) {
        if (name == "__schema")
            return &schema.schemaField();
        if (name == "__type")
            return &schema.typeField();
    }
    if (parent->kind != TypeKind::Object && parent->kind != TypeKind::Interface)
        return nullptr;
    return parent->field(name);
}

bool doTypesOverlap(const Schema &schema, const NamedType *a, const NamedType *b) {
    if (a == b)
        return true;
    if (a->isAbstract()) {
        if (b->isAbstract()) {
            for (const NamedType *t : a->possibleTypes)
                if (schema.isPossibleType(b, t))
                    return true;
            return false;
        }
        return schema.isPossibleType(a, b);
    }
    if (b->isAbstract())
        return schema.isPossibleType(b, a);
    return false;
}

bool isTypeSubTypeOf(const Schema &schema, TypeRef maybeSub, TypeRef super) {
    if (maybeSub == super)
        return true;
    if (super.isNonNull())
        return maybeSub.isNonNull() && isTypeSubTypeOf(schema, maybeSub.ofType(), super.ofType());
    if (maybeSub.isNonNull())
        return isTypeSubTypeOf(schema, maybeSub.ofType(), super);
    if (super.isList())
        return maybeSub.isList() && isTypeSubTypeOf(schema, maybeSub.ofType(), super.ofType());
    if (maybeSub.isList())
        return false;
    return super.named()->isAbstract() &&
           (maybeSub.named()->kind == TypeKind::Interface || maybeSub.named()->kind == TypeKind::Object) &&
           schema.isSubType(super.named(), maybeSub.named());
}

Context::Context(const Schema &schema, const Document &document, std::vector<GraphQLError> &errors)
    : m_schema(schema)
    , m_document(document)
    , m_errors(errors) {
    for (const auto &f : document.fragments)
        m_fragments.emplace(f.name, &f); // the first definition wins, as in graphql-js's map
}

const FragmentDefinitionNode *Context::fragment(std::string_view name) const {
    const auto it = m_fragments.find(name);
    return it == m_fragments.end() ? nullptr : it->second;
}

void Context::report(std::string message, std::vector<Location> locations) {
    if (m_errors.size() >= kMaxErrors)
        return;
    GraphQLError error;
    error.message = std::move(message);
    error.locations = std::move(locations);
    m_errors.push_back(std::move(error));
}

std::vector<const SelectionNode *> Context::fragmentSpreads(const std::vector<SelectionNode> &set) const {
    std::vector<const SelectionNode *> spreads;
    std::vector<const std::vector<SelectionNode> *> toVisit{&set};
    while (!toVisit.empty()) {
        const auto *current = toVisit.back();
        toVisit.pop_back();
        for (const auto &selection : *current) {
            if (selection.kind == SelectionKind::FragmentSpread)
                spreads.push_back(&selection);
            else if (selection.hasSelectionSet)
                toVisit.push_back(&selection.selectionSet);
        }
    }
    return spreads;
}

const std::vector<const FragmentDefinitionNode *> &
Context::recursivelyReferencedFragments(const OperationDefinitionNode &op) {
    const auto cached = m_referenced.find(&op);
    if (cached != m_referenced.end())
        return cached->second;
    std::vector<const FragmentDefinitionNode *> fragments;
    std::unordered_set<std::string_view> collected;
    std::vector<const std::vector<SelectionNode> *> toVisit{&op.selectionSet};
    while (!toVisit.empty() && !m_tooManyFragmentVisits) {
        const auto *current = toVisit.back();
        toVisit.pop_back();
        for (const SelectionNode *spread : fragmentSpreads(*current)) {
            if (!collected.insert(spread->name).second)
                continue;
            const FragmentDefinitionNode *f = fragment(spread->name);
            if (!f)
                continue;
            if (++m_fragmentVisits > kMaxFragmentVisits) {
                m_tooManyFragmentVisits = true;
                report("The operations of this document reach more than " + std::to_string(kMaxFragmentVisits) +
                           " fragment definitions in all; it was not validated further.",
                       {op.loc});
                break;
            }
            fragments.push_back(f);
            toVisit.push_back(&f->selectionSet);
        }
    }
    return m_referenced.emplace(&op, std::move(fragments)).first->second;
}

const std::vector<VariableUsage> &Context::variableUsages(const void *definition) {
    const auto it = m_usages.find(definition);
    if (it != m_usages.end())
        return it->second;
    std::vector<VariableUsage> usages;
    UsageCollector collector(*this, usages);
    const TypeState *saved = m_state;
    Walker walker(*this, {&collector});
    const auto &ops = m_document.operations;
    const auto *asOperation = static_cast<const OperationDefinitionNode *>(definition);
    const bool isOperation = !ops.empty() && std::less_equal<>()(ops.data(), asOperation) &&
                             std::less<>()(asOperation, ops.data() + ops.size());
    if (isOperation)
        walker.walkOperation(*static_cast<const OperationDefinitionNode *>(definition));
    else
        walker.walkFragment(*static_cast<const FragmentDefinitionNode *>(definition));
    m_state = saved;
    return m_usages.emplace(definition, std::move(usages)).first->second;
}

const std::vector<VariableUsage> &Context::recursiveVariableUsages(const OperationDefinitionNode &op) {
    const auto cached = m_recursiveUsages.find(&op);
    if (cached != m_recursiveUsages.end())
        return cached->second;
    std::vector<VariableUsage> usages = variableUsages(&op);
    for (const FragmentDefinitionNode *f : recursivelyReferencedFragments(op)) {
        const auto &more = variableUsages(f);
        usages.insert(usages.end(), more.begin(), more.end());
    }
    return m_recursiveUsages.emplace(&op, std::move(usages)).first->second;
}

std::string printTypeNode(const TypeNode &t) {
    switch (t.kind) {
    case TypeNode::Kind::Named:
        return t.name;
    case TypeNode::Kind::List:
        return "[" + printTypeNode(*t.ofType) + "]";
    case TypeNode::Kind::NonNull:
        return printTypeNode(*t.ofType) + "!";
    }
    return {};
}

} // namespace triptych::graphql::validation
