#include "app/interop/requestschema.h"

#include "app/interop/protoset.h"

#include <QDir>

namespace triptych::interop {

std::optional<client::GrpcSchemaPtr> schemaFromRequestFiles(const workspace::GrpcPart &grpc,
                                                            const QString &workspaceRoot, QString *error) {
    if (grpc.protoSource == workspace::ProtoSource::ProtoFiles) {
        // Import paths are relative to the workspace folder, files are named as their imports name them.
        const QDir root(workspaceRoot);
        QStringList importPaths;
        for (const QString &path : grpc.importPaths)
            importPaths.append(root.absoluteFilePath(path));
        if (importPaths.isEmpty())
            importPaths.append(root.absolutePath());
        return client::GrpcSchema::fromProtoFiles(grpc.protoFiles, importPaths, error);
    }
    if (grpc.protoSource == workspace::ProtoSource::DescriptorSet)
        return schemaFromDescriptorSetFile(grpc.descriptorSetFile, workspaceRoot, error);
    return std::nullopt;
}

QString requestFilesKey(const workspace::GrpcPart &grpc) {
    // NUL cannot be part of a path, so it separates them unambiguously.
    const QChar separator(u'\0');
    if (grpc.protoSource == workspace::ProtoSource::ProtoFiles)
        return QStringLiteral("proto") + separator + grpc.protoFiles.join(separator) + separator + separator +
               grpc.importPaths.join(separator);
    if (grpc.protoSource == workspace::ProtoSource::DescriptorSet)
        return QStringLiteral("set") + separator + grpc.descriptorSetFile;
    return {};
}

} // namespace triptych::interop
