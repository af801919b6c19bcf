#pragma once

#include "app/workspace/requestdocument.h"

#include <QString>

// "Copy as grpcurl": the grpcurl command that makes the same call as a saved gRPC request — the message as -d JSON
// (a stream's messages one after another, as grpcurl reads them), metadata as -H, the schema by reflection or from
// -proto/-import-path or -protoset, -plaintext or the TLS flags, and the deadline as -max-time (docs/interop.md).
namespace triptych::interop {

// Pass a resolved document (VariableResolver::resolve); another style gives an empty text.
QString toGrpcurlCommand(const workspace::RequestDocument &resolved);

} // namespace triptych::interop
