#include "app/interop/limits.h"
#include "app/interop/protoset.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <QDir>
#include <QFile>
#include <QSet>

#include <vector>

namespace triptych::interop {

using workspace::Diagnostic;

client::GrpcSchemaPtr schemaFromDescriptorSet(const QByteArray &bytes, QString *error) {
    google::protobuf::FileDescriptorSet set;
    if (bytes.size() > limits::kMaxImportBytes || !set.ParseFromArray(bytes.constData(), int(bytes.size())) ||
        set.file_size() == 0) {
        *error = QStringLiteral("not a descriptor set (a serialized google.protobuf.FileDescriptorSet, as "
                                "`protoc --include_imports -o FILE` writes)");
        return nullptr;
    }
    std::vector<std::string> files;
    QStringList services;
    for (const auto &file : set.file()) {
        files.push_back(file.SerializeAsString());
        for (const auto &service : file.service())
            services.append(QString::fromStdString(file.package().empty() ? service.name()
                                                                          : file.package() + '.' + service.name()));
    }
    // A file whose imports are not in the set cannot be built: say which, as protoc's --include_imports fixes it.
    QSet<std::string> names;
    for (const auto &file : set.file())
        names.insert(file.name());
    for (const auto &file : set.file()) {
        for (const auto &dependency : file.dependency()) {
            if (!names.contains(dependency)) {
                *error = QStringLiteral("%1 imports %2, which the set does not hold; write the set with protoc "
                                        "--include_imports")
                             .arg(QString::fromStdString(file.name()), QString::fromStdString(dependency));
                return nullptr;
            }
        }
    }
    auto schema = client::GrpcSchema::fromFileDescriptors(files, services, error);
    if (!schema)
        return nullptr;
    return schema;
}

client::GrpcSchemaPtr schemaFromDescriptorSetFile(const QString &path, const QString &folder, QString *error) {
    const QString absolute = QDir(folder).absoluteFilePath(path);
    QFile file(absolute);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the descriptor set %1: %2")
                     .arg(absolute, path.isEmpty() ? QStringLiteral("no file named") : file.errorString());
        return nullptr;
    }
    if (file.size() > limits::kMaxImportBytes) {
        *error = QStringLiteral("the descriptor set %1 is over %2 MB").arg(absolute).arg(limits::kMaxImportBytes >> 20);
        return nullptr;
    }
    auto schema = schemaFromDescriptorSet(file.readAll(), error);
    if (!schema)
        *error = absolute + QStringLiteral(": ") + *error;
    return schema;
}

ImportResult importProtoset(const QByteArray &bytes, const QString &file) {
    ImportResult result;
    QString error;
    const auto schema = schemaFromDescriptorSet(bytes, &error);
    if (!schema) {
        result.diagnostics.append({Diagnostic::Severity::Error, file, 0, 0, error});
        return result;
    }
    result.collectionName = safeRequestName(file.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0));
    result.variables.append({QStringLiteral("grpcTarget"), QStringLiteral("127.0.0.1:50051"), false});
    for (const QString &service : schema->services()) {
        for (const QString &method : schema->methods(service)) {
            const auto *descriptor = schema->findMethod(service + QLatin1Char('/') + method);
            if (!descriptor)
                continue;
            ImportedRequest imported;
            imported.folder = safeRequestName(service);
            workspace::RequestDocument &document = imported.document;
            document.style = workspace::RequestStyle::Grpc;
            document.name = safeRequestName(method);
            document.grpc.target = QStringLiteral("{{grpcTarget}}");
            document.grpc.method = service + QLatin1Char('/') + method;
            document.grpc.protoSource = workspace::ProtoSource::DescriptorSet;
            document.grpc.descriptorSetFile = file;
            const QString message = QString::fromUtf8(schema->jsonTemplate(descriptor->input_type()));
            document.grpc.message =
                descriptor->client_streaming() ? QLatin1Char('[') + message + QLatin1Char(']') : message;
            document.notes = QStringLiteral("%1 → %2%3\n")
                                 .arg(QString::fromStdString(descriptor->input_type()->full_name()),
                                      descriptor->server_streaming() ? QStringLiteral("stream ") : QString(),
                                      QString::fromStdString(descriptor->output_type()->full_name()));
            result.requests.append(imported);
        }
    }
    if (result.requests.isEmpty())
        result.diagnostics.append(
            {Diagnostic::Severity::Warning, file, 0, 0, QStringLiteral("the set holds no service; nothing to call")});
    return result;
}

} // namespace triptych::interop
