#pragma once

#include "server/graphql/execution/executor.h"
#include "server/graphql/validation/analysis.h"
#include "server/graphqlapi/requestcontext.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace triptych::graphqlapi {

// One GraphQL request as every transport hands it over (HTTP body, GET parameters, a WebSocket subscribe).
struct GraphqlRequest {
    std::string query;
    std::string operationName;
    graphql::Value variables; // an Object value or null
};

// A document ready to execute, or why not: parse, validation and limit errors end a request before execution.
struct PreparedOperation {
    std::shared_ptr<const graphql::Document> document;
    const graphql::OperationDefinitionNode *operation = nullptr; // null when operationName selects none
    std::vector<graphql::GraphQLError> errors;
    bool ok() const { return document && errors.empty(); }
};

// The contract's schema bound to OrderService, with its protections: the one place that parses, validates,
// checks depth and cost, and executes, each step in its own span.
class GraphqlService {
public:
    GraphqlService();
    const graphql::Schema &schema() const { return *m_schema; }
    const std::string &sdl() const { return m_sdl; }

    PreparedOperation prepare(const GraphqlRequest &request) const;
    graphql::ExecutionResult execute(const PreparedOperation &prepared, const GraphqlRequest &request,
                                     RequestContext &context) const;
    // Parses, validates and executes; for the WebSocket's queries and mutations and for tests.
    graphql::ExecutionResult run(const GraphqlRequest &request, RequestContext &context) const;

    // The resolvers that do work and get a span each: every root field, User.orders, User.friends, Order.user.
    // Asked once per field of a selection set in a traced request; compares pointers, not names.
    bool resolverDoesWork(const graphql::NamedType &parentType, const graphql::Field &field) const;

private:
    std::shared_ptr<graphql::Schema> m_schema;
    std::string m_sdl;
    graphql::CostOptions m_cost;
    std::vector<const graphql::NamedType *> m_rootTypes;
    std::vector<const graphql::Field *> m_workingFields;
};

// An executed result's JSON, written under the trace's serialization span ("serialize JSON", payload bytes).
std::string serializeResult(const graphql::ExecutionResult &result);

// The operation `operationName` picks (the only one when empty); null when none matches.
const graphql::OperationDefinitionNode *selectOperation(const graphql::Document &document,
                                                        const std::string &operationName);

} // namespace triptych::graphqlapi
