#include "server/graphql/execution/subscription.h"

#include "server/graphql/execution/coercion.h"

#include <unordered_set>

namespace triptych::graphql {
namespace {

const OperationDefinitionNode *findOperation(const Document &doc, const std::string &name) {
    if (name.empty())
        return doc.operations.size() == 1 ? &doc.operations.front() : nullptr;
    for (const auto &op : doc.operations)
        if (op.name == name)
            return &op;
    return nullptr;
}

// The first root field of the subscription (validation guarantees there is exactly one).
const SelectionNode *firstRootField(const Document &doc, const std::vector<SelectionNode> &set,
                                    std::unordered_set<std::string_view> &visited) {
    for (const auto &s : set) {
        if (s.kind == SelectionKind::Field)
            return &s;
        const std::vector<SelectionNode> *inner = &s.selectionSet;
        if (s.kind == SelectionKind::FragmentSpread) {
            const FragmentDefinitionNode *f = visited.insert(s.name).second ? doc.fragment(s.name) : nullptr;
            if (!f)
                continue;
            inner = &f->selectionSet;
        }
        if (const SelectionNode *found = firstRootField(doc, *inner, visited))
            return found;
    }
    return nullptr;
}

} // namespace

Subscription Subscription::create(const Schema &schema, ExecutionRequest request) {
    Subscription sub;
    sub.m_schema = &schema;
    sub.m_request = std::move(request);
    const Document &doc = *sub.m_request.document;
    const OperationDefinitionNode *op = findOperation(doc, sub.m_request.operationName);
    const NamedType *root = schema.subscriptionType();
    if (!op || op->operation != OperationType::Subscription || !root) {
        sub.m_errors.push_back({"Must provide a subscription operation.", {}});
        return sub;
    }
    Value variables;
    if (!coerceVariableValues(schema, *op, sub.m_request.variables, variables, sub.m_errors))
        return sub;
    std::unordered_set<std::string_view> visited;
    const SelectionNode *node = firstRootField(doc, op->selectionSet, visited);
    const Field *field = node ? root->field(node->name) : nullptr;
    if (!field) {
        sub.m_errors.push_back({"The subscription field is not defined.", {op->loc}});
        return sub;
    }
    Value args;
    if (auto error = coerceArgumentValues(schema, field->args, node->arguments, variables, args)) {
        sub.m_errors.push_back({error->message, {error->valueLoc.value_or(node->loc)}, {node->responseKey()}, true});
        return sub;
    }
    const PathNode path{nullptr, node->responseKey(), 0, 0};
    const ResolveInfo info{
        sub.m_request.rootValue, args, sub.m_request.context, *field, *root, *node, variables, &path};
    sub.m_source = field->subscribe ? field->subscribe(info) : Resolved::error("Subscription field has no source.");
    if (sub.m_source.kind() == Resolved::Kind::Error) {
        const FieldError &e = sub.m_source.asError();
        sub.m_errors.push_back({e.message, {node->loc}, {node->responseKey()}, true, e.extensions});
    }
    return sub;
}

ExecutionResult Subscription::mapSourceToResponseEvent(const ObjectRef &event) const {
    ExecutionRequest request = m_request;
    request.rootValue = event;
    return execute(*m_schema, request);
}

} // namespace triptych::graphql
