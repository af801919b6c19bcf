#pragma once

#include "app/client/restrequest.h"
#include "app/workspace/requestdocument.h"

#include <QString>

// "Copy as curl": a command that makes the curl binary send what Triptych sends for a REST or GraphQL-over-HTTP
// request — method, URL, headers and body — built from the very RestRequest the engine gets, so the two cannot drift.
// What curl adds on its own (User-Agent) and the per-call traceparent are not in it (docs/interop.md).
namespace triptych::interop {

// Pass a resolved document (VariableResolver::resolve); a gRPC document or GraphQL over WebSocket gives an empty text.
QString toCurlCommand(const workspace::RequestDocument &resolved);
QString toCurlCommand(const client::RestRequest &request);

} // namespace triptych::interop
