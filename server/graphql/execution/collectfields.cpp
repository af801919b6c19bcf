#include "server/graphql/execution/executor.h"

#include "server/graphql/execution/coercion.h"
#include "server/graphql/execution/executorcore.h"
#include "server/graphql/limits.h"
#include "server/graphql/schema/introspection.h"
#include "server/graphql/syntax/parser.h"
#include "server/graphql/validation/validator.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <unordered_set>

namespace triptych::graphql {

std::vector<PathSegment> ResolveInfo::pathSegments() const {
    std::vector<PathSegment> segments;
    for (const PathNode *p = path; p; p = p->parent) {
        if (p->key.empty())
            segments.emplace_back(p->index);
        else
            segments.emplace_back(std::string(p->key));
    }
    std::reverse(segments.begin(), segments.end());
    return segments;
}

std::string ResolveInfo::pathString() const {
    std::string out;
    for (const auto &segment : pathSegments()) {
        if (!out.empty())
            out += '.';
        out += std::holds_alternative<std::string>(segment) ? std::get<std::string>(segment)
                                                            : std::to_string(std::get<std::int64_t>(segment));
    }
    return out;
}

namespace detail {

const PathNode *Executor::child(const PathNode *parent, std::string_view key, std::int64_t index,
                                std::uint32_t ordinal) {
    return &m_paths.emplace_back(PathNode{parent, key, index, ordinal});
}

bool Executor::included(const std::vector<DirectiveNode> &directives) const {
    for (const auto &d : directives) {
        if (d.name != "skip" && d.name != "include")
            continue;
        for (const auto &arg : d.arguments) {
            if (arg.name != "if")
                continue;
            bool value = false;
            if (arg.value.kind == ValueKind::Boolean) {
                value = arg.value.boolean;
            } else if (arg.value.kind == ValueKind::Variable) {
                const Value *v = m_variables.find(arg.value.text);
                value = v && v->kind() == Value::Kind::Boolean && v->asBool();
            }
            if ((d.name == "skip" && value) || (d.name == "include" && !value))
                return false;
        }
    }
    return true;
}

bool Executor::fragmentApplies(const NamedType *type, const std::string &condition) const {
    if (condition.empty())
        return true;
    const NamedType *conditionType = m_schema.type(condition);
    if (!conditionType)
        return false;
    return conditionType == type || (conditionType->isAbstract() && m_schema.isPossibleType(conditionType, type));
}

// CollectFields (spec §6.3.2): response keys in selection order, fragments expanded once each.
void Executor::collectInto(const NamedType *type, const std::vector<SelectionNode> &set, Grouped &out,
                           GroupIndex &index, std::unordered_set<std::string_view> &visited, std::size_t depth) {
    if (depth > kMaxFragmentDepthLevels)
        return;
    for (const auto &s : set) {
        if (!included(s.directives))
            continue;
        if (s.kind == SelectionKind::Field) {
            const std::string_view key = s.responseKey();
            if (const std::size_t at = index.find(out, key); at == out.size())
                out.push_back({key, {&s}});
            else
                out[at].second.push_back(&s);
        } else if (s.kind == SelectionKind::InlineFragment) {
            if (fragmentApplies(type, s.typeCondition))
                collectInto(type, s.selectionSet, out, index, visited, depth + 1);
        } else if (visited.insert(s.name).second) {
            const FragmentDefinitionNode *f = m_request.document->fragment(s.name);
            if (f && fragmentApplies(type, f->typeCondition))
                collectInto(type, f->selectionSet, out, index, visited, depth + 1);
        }
    }
}

void Executor::resolveDefinitions(const NamedType *type, Grouped &fields) const {
    for (auto &entry : fields) {
        const std::string &name = entry.second.front()->name;
        if (name == "__typename")
            entry.def = &m_schema.typenameField();
        else if (type == m_schema.queryType() && name == "__schema")
            entry.def = &m_schema.schemaField();
        else if (type == m_schema.queryType() && name == "__type")
            entry.def = &m_schema.typeField();
        else
            entry.def = type->field(name);
        entry.observed = m_request.observer && entry.def && m_request.observer->observes(*type, *entry.def);
    }
}

const Grouped &Executor::collect(const NamedType *type, const FieldNodes &nodes) {
    if (m_lastCollected && m_lastCollectedKey == std::make_pair(type, &nodes))
        return *m_lastCollected; // list items of one type reuse the previous grouping

    const auto key = std::make_pair(type, &nodes);
    const auto it = m_subfields.find(key);
    if (it != m_subfields.end())
        return *it->second;
    Grouped &grouped = m_groupedStore.emplace_back();
    std::unordered_set<std::string_view> visited;
    GroupIndex index;
    for (const SelectionNode *node : nodes)
        collectInto(type, node->selectionSet, grouped, index, visited, 0);
    resolveDefinitions(type, grouped);
    m_subfields.emplace(key, &grouped);
    m_lastCollectedKey = key;
    m_lastCollected = &grouped;
    return grouped;
}

void Executor::run(const OperationDefinitionNode &op, const Value &variables) {
    m_variables = variables;
    const NamedType *root = m_schema.rootType(op.operation);
    std::unordered_set<std::string_view> visited;
    GroupIndex index;
    Grouped &fields = m_groupedStore.emplace_back();
    collectInto(root, op.selectionSet, fields, index, visited, 0);
    resolveDefinitions(root, fields);
    runRootFields(root, fields, op.operation == OperationType::Mutation);
}

void Executor::runRootFields(const NamedType *root, const Grouped &fields, bool serial) {
    rapidjson::Value &data = m_out.json;
    data.SetObject();
    for (const auto &entry : fields)
        data.AddMember(rapidjson::StringRef(entry.first.data(), entry.first.size()), rapidjson::Value(), m_alloc);
    m_root = &m_containers.emplace_back(Container{&data, nullptr, true, nullptr});
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const PathNode *path = child(nullptr, fields[i].first, 0, static_cast<std::uint32_t>(i));
        m_current.push_back(Task{root, &m_request.rootValue, &fields[i].second, fields[i].def,
                                 &data.MemberBegin()[i].value, m_root, path, fields[i].observed});
        if (serial) {
            runLevels();
            if (m_out.dataNull)
                break;
        }
    }
    runLevels();
    m_out.hasData = true;
}

std::vector<GraphQLError> Executor::takeErrors() {
    std::stable_sort(m_errors.begin(), m_errors.end(), [](const auto &a, const auto &b) { return a.key < b.key; });
    std::vector<GraphQLError> errors;
    std::vector<const std::vector<std::uint32_t> *> killed;
    for (auto &e : m_errors) {
        const bool dead = std::any_of(killed.begin(), killed.end(), [&](const auto *region) {
            return e.key.size() >= region->size() && std::equal(region->begin(), region->end(), e.key.begin());
        });
        if (dead)
            continue;
        killed.push_back(&e.absorbedAt);
        errors.push_back(std::move(e.error));
    }
    return errors;
}

const OperationDefinitionNode *selectOperation(const Document &doc, const std::string &name,
                                               std::vector<GraphQLError> &errors) {
    if (name.empty()) {
        if (doc.operations.size() == 1)
            return &doc.operations.front();
        errors.push_back({doc.operations.empty() ? "Must provide an operation."
                                                 : "Must provide operation name if query contains multiple operations.",
                          {}});
        return nullptr;
    }
    for (const auto &op : doc.operations)
        if (op.name == name)
            return &op;
    errors.push_back({"Unknown operation named \"" + name + "\".", {}});
    return nullptr;
}

} // namespace detail

using detail::Executor;
using detail::selectOperation;

ExecutionResult execute(const Schema &schema, const ExecutionRequest &request) {
    ExecutionResult result;
    result.m_impl->document = request.document;
    const OperationDefinitionNode *op = selectOperation(*request.document, request.operationName, result.errors);
    if (!op)
        return result;
    const NamedType *root = schema.rootType(op->operation);
    if (!root) {
        const char *names[] = {"query", "mutation", "subscription"};
        result.errors.push_back({std::string("Schema is not configured to execute ") +
                                     names[static_cast<int>(op->operation)] + " operation.",
                                 {op->loc}});
        return result;
    }
    Value variables;
    if (!coerceVariableValues(schema, *op, request.variables, variables, result.errors))
        return result;
    Executor executor(schema, request, *result.m_impl);
    executor.run(*op, variables);
    result.errors = executor.takeErrors();
    return result;
}

ExecutionResult executeQuery(const Schema &schema, std::string_view query, ExecutionRequest request) {
    ParseResult parsed = parse(query);
    if (!parsed.ok()) {
        ExecutionResult result;
        result.errors.push_back({parsed.error->message, {parsed.error->loc}});
        return result;
    }
    std::vector<GraphQLError> errors = validate(schema, *parsed.document);
    if (!errors.empty()) {
        ExecutionResult result;
        result.errors = std::move(errors);
        return result;
    }
    request.document = parsed.document;
    return execute(schema, request);
}

} // namespace triptych::graphql
