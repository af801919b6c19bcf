#pragma once

#include "app/client/graphqlcaller.h"
#include "app/client/graphqlwscaller.h"
#include "app/client/grpcrequest.h"
#include "app/client/restrequest.h"
#include "app/session/question.h"
#include "app/session/serverstate.h"

namespace triptych::session {

// A question's calls as the client engine sends them to `endpoints`: the one translation used wherever no pane
// holds the call (triptych-cli compare, the benchmark presets, the tests of the question table).
client::RestRequest restRequest(const Question::Rest &rest, const Endpoints &endpoints);
client::GraphQLRequest graphqlRequest(const Question::GraphQL &graphql, const Endpoints &endpoints);
// A subscription goes over WebSocket (graphql-transport-ws), its credentials in the connection_init payload.
client::GraphQLWsRequest graphqlSubscription(const Question::GraphQL &graphql, const Endpoints &endpoints);
bool isSubscription(const Question::GraphQL &graphql);
client::GrpcRequest grpcRequest(const Question::Grpc &grpc, const Endpoints &endpoints);

// Whether the headers ask for gzip: the client's own switch is used for it, so the body is decoded.
bool asksForGzip(const Question::Headers &headers);
// The headers as written but Accept-Encoding, which is left to the gzip switch: as a pane shows them, as sent.
Question::Headers headersBesideGzip(const Question::Headers &headers);
client::HeaderList headersToSend(const Question::Headers &headers);

} // namespace triptych::session
