#include "app/client/grpcschema.h"

#include "app/client/protoparsing.h"
#include "app/client/wellformedutf8.h"

#include <QFileInfo>

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor_database.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver_util.h>

namespace triptych::client {

namespace gp = google::protobuf;

namespace {

constexpr char kTypeUrlPrefix[] = "type.googleapis.com";

std::string typeUrl(const gp::Descriptor *descriptor) {
    return std::string(kTypeUrlPrefix) + '/' + descriptor->full_name();
}

class ImportErrors : public gp::compiler::MultiFileErrorCollector {
public:
    void AddError(const std::string &file, int line, int column, const std::string &message) override {
        if (m_text.isEmpty())
            m_text = QStringLiteral("%1:%2:%3: %4")
                         .arg(QString::fromStdString(file))
                         .arg(line + 1)
                         .arg(column + 1)
                         .arg(QString::fromStdString(message));
    }
    QString m_text;
};

QString scalarTemplate(const gp::FieldDescriptor *field) {
    switch (field->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_STRING:
        return QStringLiteral("\"\"");
    case gp::FieldDescriptor::CPPTYPE_BOOL:
        return QStringLiteral("false");
    case gp::FieldDescriptor::CPPTYPE_ENUM:
        return QLatin1Char('"') + QString::fromStdString(field->enum_type()->value(0)->name()) + QLatin1Char('"');
    case gp::FieldDescriptor::CPPTYPE_INT64:
    case gp::FieldDescriptor::CPPTYPE_UINT64:
        return QStringLiteral("\"0\"");
    default:
        return QStringLiteral("0");
    }
}

// Well-known types have JSON forms of their own.
QString wellKnownTemplate(const gp::Descriptor *message) {
    const auto &name = message->full_name();
    if (name == "google.protobuf.Timestamp")
        return QStringLiteral("\"1970-01-01T00:00:00Z\"");
    if (name == "google.protobuf.Duration")
        return QStringLiteral("\"0s\"");
    if (name == "google.protobuf.FieldMask")
        return QStringLiteral("\"\"");
    if (name == "google.protobuf.Struct" || name == "google.protobuf.Any")
        return QStringLiteral("{}");
    return {};
}

QString messageTemplate(const gp::Descriptor *message, int depth);

QString fieldTemplate(const gp::FieldDescriptor *field, int depth) {
    if (field->is_map()) {
        const auto *value = field->message_type()->map_value();
        return QStringLiteral("{\"key\": ") + fieldTemplate(value, depth) + QLatin1Char('}');
    }
    const QString single = field->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE
                               ? messageTemplate(field->message_type(), depth + 1)
                               : scalarTemplate(field);
    return field->is_repeated() ? QLatin1Char('[') + single + QLatin1Char(']') : single;
}

QString messageTemplate(const gp::Descriptor *message, int depth) {
    if (const auto known = wellKnownTemplate(message); !known.isEmpty())
        return known;
    if (depth >= grpclimits::kMaxTemplateDepth)
        return QStringLiteral("{}");
    QStringList fields;
    for (int i = 0; i < message->field_count(); ++i) {
        const auto *field = message->field(i);
        fields.append(QLatin1Char('"') + QString::fromStdString(field->name()) + QStringLiteral("\": ") +
                      fieldTemplate(field, depth));
    }
    return QLatin1Char('{') + fields.join(QStringLiteral(", ")) + QLatin1Char('}');
}

} // namespace

GrpcSchema::GrpcSchema() = default;
GrpcSchema::~GrpcSchema() = default;

std::shared_ptr<const GrpcSchema> GrpcSchema::fromProtoFiles(const QStringList &files, const QStringList &importPaths,
                                                             QString *error) {
    std::shared_ptr<GrpcSchema> schema(new GrpcSchema);
    schema->m_sourceTree = std::make_unique<gp::compiler::DiskSourceTree>();
    for (const auto &path : importPaths)
        schema->m_sourceTree->MapPath("", path.toStdString());
    schema->m_sourceTree->MapPath("", "/usr/include");
    ImportErrors errors;
    schema->m_importer = std::make_unique<gp::compiler::Importer>(schema->m_sourceTree.get(), &errors);
    QStringList services;
    for (const auto &file : files) {
        // A path on disk becomes its name under an import path; anything else already is such a name.
        std::string virtualName = file.toStdString();
        std::string shadowing;
        if (QFileInfo::exists(file))
            schema->m_sourceTree->DiskFileToVirtualFile(QFileInfo(file).absoluteFilePath().toStdString(), &virtualName,
                                                        &shadowing);
        const auto *descriptor = schema->m_importer->Import(virtualName);
        if (!descriptor) {
            *error = errors.m_text.isEmpty() ? QStringLiteral("Cannot read %1: add its folder with -I").arg(file)
                                             : errors.m_text;
            return nullptr;
        }
        for (int i = 0; i < descriptor->service_count(); ++i)
            services.append(QString::fromStdString(descriptor->service(i)->full_name()));
    }
    schema->m_pool = schema->m_importer->pool();
    schema->collectServices(services);
    return schema;
}

std::shared_ptr<const GrpcSchema> GrpcSchema::fromFileDescriptors(const std::vector<std::string> &files,
                                                                  const QStringList &services, QString *error) {
    std::shared_ptr<GrpcSchema> schema(new GrpcSchema);
    schema->m_database = std::make_unique<gp::SimpleDescriptorDatabase>();
    for (const auto &bytes : files) {
        gp::FileDescriptorProto proto;
        if (!proto.ParseFromString(bytes)) {
            *error = QStringLiteral("The server sent a file descriptor that does not parse");
            return nullptr;
        }
        gp::FileDescriptorProto existing;
        if (!schema->m_database->FindFileByName(proto.name(), &existing))
            schema->m_database->Add(proto);
    }
    // Health has no descriptor on gRPC 1.51 servers (docs/grpc.md): carry our own.
    if (const auto *health = embeddedPool().FindFileByName("grpc/health/v1/health.proto")) {
        gp::FileDescriptorProto proto, existing;
        health->CopyTo(&proto);
        if (!schema->m_database->FindFileByName(proto.name(), &existing))
            schema->m_database->Add(proto);
    }
    schema->m_ownedPool = std::make_unique<gp::DescriptorPool>(schema->m_database.get());
    schema->m_pool = schema->m_ownedPool.get();
    schema->collectServices(services);
    return schema;
}

void GrpcSchema::collectServices(const QStringList &names) {
    m_factory = std::make_unique<gp::DynamicMessageFactory>(m_pool);
    m_resolver.reset(gp::util::NewTypeResolverForDescriptorPool(kTypeUrlPrefix, m_pool));
    for (const auto &name : names) {
        if (m_pool->FindServiceByName(name.toStdString()) && !m_services.contains(name))
            m_services.append(name);
    }
    m_services.sort();
}

QStringList GrpcSchema::methods(const QString &service) const {
    QStringList names;
    if (const auto *descriptor = m_pool->FindServiceByName(service.toStdString())) {
        for (int i = 0; i < descriptor->method_count(); ++i)
            names.append(QString::fromStdString(descriptor->method(i)->name()));
    }
    return names;
}

const gp::MethodDescriptor *GrpcSchema::findMethod(const QString &name) const {
    QString full = name.startsWith(QLatin1Char('/')) ? name.mid(1) : name;
    full.replace(QLatin1Char('/'), QLatin1Char('.'));
    if (const auto *method = m_pool->FindMethodByName(full.toStdString()))
        return method;
    const gp::MethodDescriptor *found = nullptr;
    for (const auto &service : m_services) {
        const auto *descriptor = m_pool->FindServiceByName(service.toStdString());
        const auto *method = descriptor ? descriptor->FindMethodByName(full.toStdString()) : nullptr;
        if (method && found)
            return nullptr; // ambiguous short name
        found = method ? method : found;
    }
    return found;
}

QString GrpcSchema::describe(const QString &symbol) const {
    const std::string name = symbol.toStdString();
    if (const auto *service = m_pool->FindServiceByName(name))
        return QString::fromStdString(service->DebugString());
    if (const auto *method = findMethod(symbol))
        return QString::fromStdString(method->DebugString());
    if (const auto *message = m_pool->FindMessageTypeByName(name))
        return QString::fromStdString(message->DebugString());
    if (const auto *enumType = m_pool->FindEnumTypeByName(name))
        return QString::fromStdString(enumType->DebugString());
    return {};
}

QByteArray GrpcSchema::jsonTemplate(const gp::Descriptor *descriptor) const {
    return messageTemplate(descriptor, 0).toUtf8();
}

std::unique_ptr<gp::Message> GrpcSchema::newMessage(const gp::Descriptor *descriptor) const {
    return std::unique_ptr<gp::Message>(m_factory->GetPrototype(descriptor)->New());
}

std::unique_ptr<gp::Message> GrpcSchema::messageFromJson(const gp::Descriptor *descriptor, const QByteArray &json,
                                                         QString *error) const {
    std::string binary;
    if (!jsonToBinary(descriptor, json, &binary, error))
        return nullptr;
    auto message = newMessage(descriptor);
    message->ParseFromString(binary);
    return message;
}

bool GrpcSchema::jsonToBinary(const gp::Descriptor *descriptor, const QByteArray &json, std::string *binary,
                              QString *error) const {
    const gp::StringPiece input =
        json.isEmpty() ? gp::StringPiece("{}") : gp::StringPiece(json.constData(), std::size_t(json.size()));
    const auto status = gp::util::JsonToBinaryString(m_resolver.get(), typeUrl(descriptor), input, binary);
    if (!status.ok()) {
        *error = QStringLiteral("The JSON does not fit %1: %2")
                     .arg(QString::fromStdString(descriptor->full_name()),
                          QString::fromStdString(std::string(status.message())));
        return false;
    }
    return true;
}

QByteArray GrpcSchema::binaryToJson(const gp::Descriptor *descriptor, const std::string &binary) const {
    static const gp::util::JsonPrintOptions options = [] {
        gp::util::JsonPrintOptions printOptions;
        printOptions.preserve_proto_field_names = true;
        return printOptions;
    }();
    std::string out;
    if (!gp::util::BinaryToJsonString(m_resolver.get(), typeUrl(descriptor), binary, &out, options).ok())
        return "{}";
    // protobuf copies a string field's bytes as they came, ill-formed UTF-8 included.
    return toWellFormedUtf8(QByteArray::fromStdString(out));
}

QByteArray GrpcSchema::messageToJson(const gp::Message &message) {
    gp::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    std::string out;
    if (!gp::util::MessageToJsonString(message, &out, options).ok())
        return "{}";
    return toWellFormedUtf8(QByteArray::fromStdString(out));
}

} // namespace triptych::client
