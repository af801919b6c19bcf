#pragma once

#include "server/graphql/execution/executor.h"

namespace triptych::graphql {

// A subscription split as spec §6.2.2 splits it: create() runs CreateSourceEventStream (selects the
// operation, coerces variables and arguments, calls the root field's `subscribe` resolver, which returns
// the source stream as an opaque ObjectRef or an error); mapSourceToResponseEvent() runs
// ExecuteSubscriptionEvent for one event. The transport owns the stream and calls the latter per event.
class Subscription {
public:
    static Subscription create(const Schema &schema, ExecutionRequest request);

    bool ok() const { return m_errors.empty(); }
    const std::vector<GraphQLError> &errors() const { return m_errors; }
    // What the subscribe resolver returned (an ObjectRef the transport understands).
    const Resolved &sourceStream() const { return m_source; }
    // The response for one event: the operation executed with the event as root value.
    ExecutionResult mapSourceToResponseEvent(const ObjectRef &event) const;

private:
    const Schema *m_schema = nullptr;
    ExecutionRequest m_request;
    std::vector<GraphQLError> m_errors;
    Resolved m_source;
};

} // namespace triptych::graphql
