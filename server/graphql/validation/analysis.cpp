#include "server/graphql/validation/analysis.h"

#include <algorithm>
#include <unordered_set>

namespace triptych::graphql {
namespace {

// Caps intermediate products so that hostile documents cannot overflow (cost units).
constexpr std::int64_t kCostCeiling = std::int64_t(1) << 50;
// Selections visited before the analysis gives up and reports the ceiling (fragments reused many times
// could otherwise make the walk exponential).
constexpr std::size_t kMaxAnalysisVisits = 200000;

class Analyzer {
public:
    Analyzer(const Schema &schema, const Document &document, const Value &variables, const CostOptions &options)
        : m_schema(schema)
        , m_document(document)
        , m_variables(variables)
        , m_options(options) {}

    void walk(const NamedType *type, const std::vector<SelectionNode> &set, std::size_t depth, std::int64_t multiplier,
              std::unordered_set<std::string_view> &fragments) {
        for (const auto &s : set) {
            if (++m_visits > kMaxAnalysisVisits) {
                result.cost = kCostCeiling;
                return;
            }
            if (s.kind == SelectionKind::FragmentSpread) {
                const FragmentDefinitionNode *f = m_document.fragment(s.name);
                if (!f || !fragments.insert(s.name).second)
                    continue;
                walk(m_schema.type(f->typeCondition), f->selectionSet, depth, multiplier, fragments);
                fragments.erase(s.name);
            } else if (s.kind == SelectionKind::InlineFragment) {
                walk(s.typeCondition.empty() ? type : m_schema.type(s.typeCondition), s.selectionSet, depth, multiplier,
                     fragments);
            } else if (s.name != "__schema" && s.name != "__type") {
                field(type, s, depth + 1, multiplier, fragments);
            }
        }
    }

    QueryAnalysis result;

private:
    void field(const NamedType *parent, const SelectionNode &node, std::size_t depth, std::int64_t multiplier,
               std::unordered_set<std::string_view> &fragments) {
        result.depth = std::max(result.depth, depth);
        result.cost = std::min(kCostCeiling, result.cost + multiplier);
        const Field *def = parent && (parent->kind == TypeKind::Object || parent->kind == TypeKind::Interface)
                               ? parent->field(node.name)
                               : nullptr;
        if (!node.hasSelectionSet)
            return;
        const std::int64_t size = listSize(parent, def, node);
        walk(def ? def->type.named() : nullptr, node.selectionSet, depth, std::min(kCostCeiling, multiplier * size),
             fragments);
    }

    std::int64_t listSize(const NamedType *parent, const Field *def, const SelectionNode &node) const {
        for (const auto &arg : node.arguments) {
            if (arg.name != "first")
                continue;
            if (arg.value.kind == ValueKind::Int)
                return std::clamp<std::int64_t>(std::atoll(arg.value.text.c_str()), 0, kCostCeiling);
            if (arg.value.kind == ValueKind::Variable) {
                const Value *v = m_variables.find(arg.value.text);
                if (v && v->kind() == Value::Kind::Int)
                    return std::clamp<std::int64_t>(v->asInt(), 0, kCostCeiling);
            }
        }
        if (parent) {
            const auto qualified = m_options.listSizes.find(parent->name + "." + node.name);
            if (qualified != m_options.listSizes.end())
                return qualified->second;
        }
        const auto byName = m_options.listSizes.find(node.name);
        if (byName != m_options.listSizes.end())
            return byName->second;
        bool isList = false;
        for (TypeRef t = def ? def->type : TypeRef(); t.valid() && !t.isNamed(); t = t.ofType())
            isList = isList || t.isList();
        return isList ? m_options.defaultListSize : 1;
    }

    const Schema &m_schema;
    const Document &m_document;
    const Value &m_variables;
    const CostOptions &m_options;
    std::size_t m_visits = 0;
};

} // namespace

QueryAnalysis analyzeOperation(const Schema &schema, const Document &document, const std::string &operationName,
                               const Value &variables, const CostOptions &options) {
    const OperationDefinitionNode *op = nullptr;
    for (const auto &candidate : document.operations)
        if (candidate.name == operationName || (operationName.empty() && document.operations.size() == 1))
            op = &candidate;
    if (!op)
        return {};
    Analyzer analyzer(schema, document, variables, options);
    std::unordered_set<std::string_view> fragments;
    analyzer.walk(schema.rootType(op->operation), op->selectionSet, 0, 1, fragments);
    return analyzer.result;
}

std::optional<GraphQLError> checkQueryLimits(const QueryAnalysis &analysis, std::size_t maxDepthLevels,
                                             std::int64_t maxCost) {
    GraphQLError error;
    if (analysis.depth > maxDepthLevels) {
        error.message = "Query depth " + std::to_string(analysis.depth) + " exceeds the limit of " +
                        std::to_string(maxDepthLevels) + ".";
        error.extensions.set("code", Value::fromString("QUERY_TOO_DEEP"));
        return error;
    }
    if (analysis.cost > maxCost) {
        error.message =
            "Query cost " + std::to_string(analysis.cost) + " exceeds the limit of " + std::to_string(maxCost) + ".";
        error.extensions.set("code", Value::fromString("QUERY_TOO_COMPLEX"));
        return error;
    }
    return std::nullopt;
}

} // namespace triptych::graphql
