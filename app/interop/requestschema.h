#pragma once

#include "app/client/grpcschema.h"
#include "app/workspace/requestdocument.h"

#include <QString>

#include <optional>

// The schema a saved gRPC request names by files (docs/workspace.md): `triptych-cli send`, `triptych-cli run` and the
// window's Runner read it the same way.
namespace triptych::interop {

// Its .proto files, found on its import paths (relative to `workspaceRoot`; the root itself when it names none), or
// its descriptor set (relative to `workspaceRoot`). std::nullopt when the request takes its schema from the server's
// reflection instead; a null schema with `error` set when the files do not make one.
std::optional<client::GrpcSchemaPtr> schemaFromRequestFiles(const workspace::GrpcPart &grpc,
                                                            const QString &workspaceRoot, QString *error);

// What identifies those files for a cache of schemas: the same key, the same schema. Empty for reflection.
QString requestFilesKey(const workspace::GrpcPart &grpc);

} // namespace triptych::interop
