#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace google::protobuf {
class Descriptor;
class DescriptorPool;
class DynamicMessageFactory;
class Message;
class MethodDescriptor;
class SimpleDescriptorDatabase;
namespace compiler {
class DiskSourceTree;
class Importer;
} // namespace compiler
namespace util {
class TypeResolver;
} // namespace util
} // namespace google::protobuf

namespace triptych::client {

namespace grpclimits {
constexpr int kMaxTemplateDepth = 6; // nesting levels a JSON template spells out before writing {}
} // namespace grpclimits

// The descriptors of a gRPC server, from reflection or from .proto files, and the JSON ↔ message conversions the
// calls need. Immutable once built, so callers and gRPC threads may share it.
class GrpcSchema {
public:
    ~GrpcSchema();
    GrpcSchema(const GrpcSchema &) = delete;
    GrpcSchema &operator=(const GrpcSchema &) = delete;

    // Parses .proto files at run time; import paths are searched in order, then /usr/include for well-known types.
    static std::shared_ptr<const GrpcSchema> fromProtoFiles(const QStringList &files, const QStringList &importPaths,
                                                            QString *error);
    // Serialized FileDescriptorProtos as reflection returns them; health.proto is added when the server omits it.
    static std::shared_ptr<const GrpcSchema> fromFileDescriptors(const std::vector<std::string> &files,
                                                                 const QStringList &services, QString *error);

    QStringList services() const { return m_services; }
    QStringList methods(const QString &service) const;
    // Accepts "pkg.Service/Method", "/pkg.Service/Method", "pkg.Service.Method" or a unique short method name.
    const google::protobuf::MethodDescriptor *findMethod(const QString &name) const;
    // The .proto-like text of a service, method, message or enum, as `grpcurl describe` shows it.
    QString describe(const QString &symbol) const;
    // A JSON object with every field of the message, each at its default, nested messages spelled out.
    QByteArray jsonTemplate(const google::protobuf::Descriptor *descriptor) const;

    std::unique_ptr<google::protobuf::Message> newMessage(const google::protobuf::Descriptor *descriptor) const;
    // Null with *error set when the JSON does not fit the message.
    std::unique_ptr<google::protobuf::Message> messageFromJson(const google::protobuf::Descriptor *descriptor,
                                                               const QByteArray &json, QString *error) const;
    static QByteArray messageToJson(const google::protobuf::Message &message);
    // JSON ↔ wire bytes straight through the schema's one type resolver, with no message in between: protobuf's
    // JsonStringToMessage / MessageToJsonString build a resolver per call for a pool that is not the generated one.
    bool jsonToBinary(const google::protobuf::Descriptor *descriptor, const QByteArray &json, std::string *binary,
                      QString *error) const;
    QByteArray binaryToJson(const google::protobuf::Descriptor *descriptor, const std::string &binary) const;

    const google::protobuf::DescriptorPool &pool() const { return *m_pool; }

private:
    GrpcSchema();
    void collectServices(const QStringList &names);

    std::unique_ptr<google::protobuf::compiler::DiskSourceTree> m_sourceTree;
    std::unique_ptr<google::protobuf::compiler::Importer> m_importer;
    std::unique_ptr<google::protobuf::SimpleDescriptorDatabase> m_database;
    std::unique_ptr<google::protobuf::DescriptorPool> m_ownedPool;
    const google::protobuf::DescriptorPool *m_pool = nullptr;
    std::unique_ptr<google::protobuf::DynamicMessageFactory> m_factory;
    std::unique_ptr<google::protobuf::util::TypeResolver> m_resolver; // thread-safe: it only reads the pool
    QStringList m_services;
};

using GrpcSchemaPtr = std::shared_ptr<const GrpcSchema>;

} // namespace triptych::client
