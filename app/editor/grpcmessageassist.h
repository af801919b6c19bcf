#pragma once

#include "app/client/grpcschema.h"
#include "app/editor/completionitem.h"
#include "app/editor/graphqldiagnostics.h"

namespace google::protobuf {
class Descriptor;
}

namespace triptych::editor {

// The gRPC pane's request editor, from the method's input descriptor (docs/editor.md): completion of field names
// (with a template of the value: nested messages spelled out, `[]` for repeated fields), enum values and booleans;
// and the errors that stop JSON → protobuf, each at its line and column.

Completion completeGrpcMessage(const client::GrpcSchema &schema, const google::protobuf::Descriptor *message,
                               const QString &json, int position);

// JSON syntax, unknown fields, values of the wrong type, unknown enum values, two members of one oneof; then
// protobuf's own conversion, whose error (it has no position) is put at 1:1 when the walk found nothing.
QList<GraphQLDiagnostic> checkGrpcMessage(const client::GrpcSchema &schema, const google::protobuf::Descriptor *message,
                                          const QString &json);

} // namespace triptych::editor
