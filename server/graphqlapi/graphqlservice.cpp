#include "server/graphqlapi/graphqlservice.h"

#include "server/graphql/execution/coercion.h"
#include "server/graphql/schema/schemaprinter.h"
#include "server/graphql/syntax/parser.h"
#include "server/graphql/validation/validator.h"
#include "server/graphqlapi/contractsdl.h"
#include "server/graphqlapi/limits.h"
#include "server/graphqlapi/resolvers.h"
#include "server/tracing/tracer.h"

#include <algorithm>
#include <vector>

namespace triptych::graphqlapi {
namespace {

std::string_view operationTypeName(graphql::OperationType type) {
    switch (type) {
    case graphql::OperationType::Mutation:
        return "mutation";
    case graphql::OperationType::Subscription:
        return "subscription";
    case graphql::OperationType::Query:
        break;
    }
    return "query";
}

// A span for each resolver that does work (root fields and the batched relations), not one per scalar field.
class ResolverSpans : public graphql::ResolverObserver {
public:
    explicit ResolverSpans(const GraphqlService &service)
        : m_service(service) {}
    bool observes(const graphql::NamedType &parentType, const graphql::Field &field) const override {
        return m_service.resolverDoesWork(parentType, field);
    }
    void resolverStarted(const graphql::ResolveInfo &info) override {
        auto span = tracing::Span::startChild("graphql.resolve " + info.parentType.name + "." + info.field.name);
        span.set("graphql.field.name", info.field.name);
        span.set("graphql.field.parent_type", info.parentType.name);
        span.set("graphql.field.path", info.pathString());
        m_open.push_back(std::make_unique<Open>(std::move(span)));
    }
    void resolverFinished(const graphql::ResolveInfo &, const graphql::Resolved &result) override {
        if (m_open.empty())
            return;
        if (result.kind() == graphql::Resolved::Kind::Error)
            m_open.back()->span.fail(result.asError().message);
        m_open.pop_back();
    }

private:
    struct Open {
        explicit Open(tracing::Span s)
            : span(std::move(s))
            , scope(span) {}
        tracing::Span span;
        tracing::CurrentSpanScope scope;
    };
    const GraphqlService &m_service;
    std::vector<std::unique_ptr<Open>> m_open;
};

} // namespace

GraphqlService::GraphqlService() {
    m_schema = graphql::Schema::fromSdl(kContractSdl).schema;
    bindQueryFields(*m_schema);
    bindMutationFields(*m_schema);
    bindSubscriptionFields(*m_schema);
    bindUserFields(*m_schema);
    bindOrderFields(*m_schema);
    bindConnectionFields(*m_schema);
    m_sdl = graphql::printSchema(*m_schema);
    m_cost.listSizes = {
        {"users", limits::kAssumedUsers}, {"orders", limits::kAssumedOrders}, {"friends", limits::kAssumedFriends}};
    m_rootTypes = {m_schema->queryType(), m_schema->mutationType(), m_schema->subscriptionType()};
    m_workingFields = {m_schema->type("User")->field("orders"), m_schema->type("User")->field("friends"),
                       m_schema->type("Order")->field("user")};
}

bool GraphqlService::resolverDoesWork(const graphql::NamedType &parentType, const graphql::Field &field) const {
    return std::find(m_rootTypes.begin(), m_rootTypes.end(), &parentType) != m_rootTypes.end() ||
           std::find(m_workingFields.begin(), m_workingFields.end(), &field) != m_workingFields.end();
}

std::string serializeResult(const graphql::ExecutionResult &result) {
    std::string json;
    tracing::recordSerialization(
        "serialize JSON", [&] { json = result.toJson(); }, [&] { return json.size(); });
    return json;
}

const graphql::OperationDefinitionNode *selectOperation(const graphql::Document &document,
                                                        const std::string &operationName) {
    if (operationName.empty())
        return document.operations.size() == 1 ? &document.operations.front() : nullptr;
    for (const auto &operation : document.operations)
        if (operation.name == operationName)
            return &operation;
    return nullptr;
}

PreparedOperation GraphqlService::prepare(const GraphqlRequest &request) const {
    PreparedOperation prepared;
    {
        tracing::ScopedSpan span("graphql.parse");
        span.set("graphql.document", request.query);
        graphql::ParseResult parsed = graphql::parse(request.query, {limits::kMaxDocumentTokens});
        if (!parsed.ok()) {
            span.fail(parsed.error->message);
            prepared.errors.push_back({parsed.error->message, {parsed.error->loc}});
            return prepared;
        }
        prepared.document = parsed.document;
    }
    {
        tracing::ScopedSpan span("graphql.validate");
        prepared.errors = graphql::validate(*m_schema, *prepared.document);
        if (!prepared.errors.empty()) {
            span.fail(prepared.errors.front().message);
            return prepared;
        }
        prepared.operation = selectOperation(*prepared.document, request.operationName);
        // The cost is that of the values execution would see: coerced, defaults applied. A value coercion refuses
        // ("Int cannot represent …") is answered as execution would answer it, not priced first.
        graphql::Value variables;
        if (prepared.operation && !graphql::coerceVariableValues(*m_schema, *prepared.operation, request.variables,
                                                                 variables, prepared.errors)) {
            span.fail(prepared.errors.front().message);
            return prepared;
        }
        const auto analysis =
            graphql::analyzeOperation(*m_schema, *prepared.document, request.operationName, variables, m_cost);
        span.set("graphql.query.depth", static_cast<std::int64_t>(analysis.depth));
        span.set("graphql.query.cost", analysis.cost);
        if (auto error = graphql::checkQueryLimits(analysis, limits::kMaxQueryDepthLevels, limits::kMaxQueryCost)) {
            span.fail(error->message);
            prepared.errors.push_back(std::move(*error));
        }
    }
    return prepared;
}

graphql::ExecutionResult GraphqlService::execute(const PreparedOperation &prepared, const GraphqlRequest &request,
                                                 RequestContext &context) const {
    tracing::ScopedSpan span("graphql.execute");
    span.set("graphql.document", request.query);
    if (prepared.operation) {
        span.set("graphql.operation.type", std::string(operationTypeName(prepared.operation->operation)));
        if (!prepared.operation->name.empty())
            span.set("graphql.operation.name", prepared.operation->name);
    }
    ResolverSpans spans(*this);
    graphql::ExecutionRequest execution;
    execution.document = prepared.document;
    execution.operationName = request.operationName;
    execution.variables = request.variables;
    execution.context = &context;
    execution.observer = span.span().active() ? &spans : nullptr;
    graphql::ExecutionResult result = graphql::execute(*m_schema, execution);
    span.set("graphql.errors", static_cast<std::int64_t>(result.errors.size()));
    return result;
}

graphql::ExecutionResult GraphqlService::run(const GraphqlRequest &request, RequestContext &context) const {
    PreparedOperation prepared = prepare(request);
    if (!prepared.ok()) {
        graphql::ExecutionResult result;
        result.errors = std::move(prepared.errors);
        return result;
    }
    return execute(prepared, request, context);
}

} // namespace triptych::graphqlapi
