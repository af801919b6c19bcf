#pragma once

#include "server/graphql/error.h"
#include "server/graphql/schema/schema.h"
#include "server/graphql/syntax/ast.h"
#include "server/graphql/value.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace triptych::graphql {

// A response path as a chain; materialized only when an error or a hook needs it.
struct PathNode {
    const PathNode *parent = nullptr;
    std::string_view key; // empty for a list index
    std::int64_t index = 0;
    std::uint32_t ordinal = 0; // position among siblings in execution order (orders errors as graphql-js)
};

// What a resolver sees: the parent object, coerced arguments and the per-request context.
struct ResolveInfo {
    const ObjectRef &parent;
    const Value &args; // an Object value, every argument coerced, defaults applied
    void *context;
    const Field &field;
    const NamedType &parentType;
    const SelectionNode &fieldNode;
    const Value &variables;
    const PathNode *path;

    const Value *arg(std::string_view name) const { return args.find(name); }
    std::vector<PathSegment> pathSegments() const;
    std::string pathString() const; // "user.orders.0.id"
};

// Called around resolver calls (tracing spans); must not throw.
class ResolverObserver {
public:
    virtual ~ResolverObserver() = default;
    // Whether resolverStarted and resolverFinished are called for this field. Asked once per field of a selection set
    // and object type, not per resolved value, so skipping the many trivial fields of a long list costs nothing.
    virtual bool observes(const NamedType & /*parentType*/, const Field & /*field*/) const { return true; }
    virtual void resolverStarted(const ResolveInfo &info) = 0;
    virtual void resolverFinished(const ResolveInfo &info, const Resolved &result) = 0;
};

struct ExecutionRequest {
    std::shared_ptr<const Document> document; // validated
    std::string operationName;                // empty: the only operation
    Value variables;                          // an Object value (raw, as the client sent it)
    void *context = nullptr;
    ObjectRef rootValue;
    ResolverObserver *observer = nullptr;
};

// A response: `data` (possibly null or absent) and errors, serialized as graphql-js does.
class ExecutionResult {
public:
    ExecutionResult();
    ~ExecutionResult();
    ExecutionResult(ExecutionResult &&) noexcept;
    ExecutionResult &operator=(ExecutionResult &&) noexcept;

    std::vector<GraphQLError> errors;
    bool hasData() const;
    // `{"errors":[...],"data":...}`: errors first when present, as graphql-js's JSON.stringify writes it.
    std::string toJson() const;

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Executes a validated document (spec §6): operation selection, variable coercion, field execution
// level by level (deferred values of a level are resolved together), null propagation, errors.
ExecutionResult execute(const Schema &schema, const ExecutionRequest &request);

// Parses, validates and executes `query`; the usual entry point of a transport.
ExecutionResult executeQuery(const Schema &schema, std::string_view query, ExecutionRequest request);

// Serializes a list of errors as graphql-js does (`message`, `locations`, `path`, `extensions`).
std::string errorsToJson(const std::vector<GraphQLError> &errors);

} // namespace triptych::graphql
