#pragma once

#include "app/client/grpcschema.h"
#include "app/interop/importresult.h"

#include <QByteArray>
#include <QString>

// Descriptor sets (`protoc --include_imports -o x.protoset`, as grpcurl's -protoset reads them; docs/interop.md): one
// gRPC request per method, in a folder per service, each naming the set as its schema and carrying a JSON template of
// the input message; the target is the variable grpcTarget.
namespace triptych::interop {

// A schema from a serialized google.protobuf.FileDescriptorSet; null with `error` set when it does not parse or a file
// imports one the set does not hold.
client::GrpcSchemaPtr schemaFromDescriptorSet(const QByteArray &bytes, QString *error);
// The same from a file, as a saved request names it (`descriptorSet:`; relative paths from `folder`, the workspace's);
// `error` names the file.
client::GrpcSchemaPtr schemaFromDescriptorSetFile(const QString &path, const QString &folder, QString *error);

// `file` labels the diagnostics and becomes each request's descriptor set (pass an absolute path).
ImportResult importProtoset(const QByteArray &bytes, const QString &file);

} // namespace triptych::interop
