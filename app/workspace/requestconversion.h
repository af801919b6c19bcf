#pragma once

#include "app/workspace/requestdocument.h"

#include "app/client/graphqlcaller.h"
#include "app/client/graphqlwscaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/grpcrequest.h"
#include "app/client/restrequest.h"

// A saved request as the client sends it. Pass a resolved document (VariableResolver::resolve): these functions copy
// text as it is. Disabled entries are left out. What the client cannot do yet is dropped and said here: the TLS
// server name of GraphQL over wss:// (Qt's WebSocket has no such option).
namespace triptych::workspace {

client::RestRequest toRestRequest(const RequestDocument &document);
// GraphQL over HTTP (POST, or GET when the transport says so).
client::GraphQLRequest toGraphQLRequest(const RequestDocument &document);
// GraphQL over WebSocket; a bearer token or API key also goes into connection_init's payload, where servers read it.
client::GraphQLWsRequest toGraphQLWsRequest(const RequestDocument &document);
bool usesWebSocket(const RequestDocument &document);
// A message that is a JSON array is sent as that many messages (client and bidi streams); anything else as one.
client::GrpcRequest toGrpcRequest(const RequestDocument &document);
// The reflection call that learns the gRPC target's schema: its TLS, deadline and (enabled) metadata.
client::ReflectionRequest toReflectionRequest(const RequestDocument &document);

} // namespace triptych::workspace
