#include "app/editor/grpcmessageassist.h"

#include "app/editor/jsontext.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/message.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace triptych::editor {
namespace {

namespace gp = google::protobuf;
using Kind = JsonNode::Kind;

QString qs(const std::string &text) {
    return QString::fromStdString(text);
}

const gp::FieldDescriptor *findField(const gp::Descriptor *message, const QString &key) {
    if (!message)
        return nullptr;
    const std::string name = key.toStdString();
    if (const auto *field = message->FindFieldByName(name))
        return field;
    return message->FindFieldByCamelcaseName(name) ? message->FindFieldByCamelcaseName(name)
                                                   : message->FindFieldByLowercaseName(name);
}

QString typeName(const gp::FieldDescriptor *field) {
    QString name = field->message_type() ? qs(field->message_type()->full_name())
                   : field->enum_type()  ? qs(field->enum_type()->full_name())
                                         : QString::fromLatin1(field->type_name());
    if (field->is_map())
        return QStringLiteral("map<%1, %2>")
            .arg(typeName(field->message_type()->map_key()), typeName(field->message_type()->map_value()));
    return field->is_repeated() ? QStringLiteral("repeated ") + name : name;
}

bool isWellKnown(const gp::Descriptor *message) {
    return message && message->file()->name().rfind("google/protobuf/", 0) == 0;
}

bool isAny(const gp::Descriptor *message) {
    return message && message->full_name() == "google.protobuf.Any";
}

// The message an Any's "@type" names (type.googleapis.com/pkg.Message), looked up in the schema's pool.
const gp::Descriptor *anyType(const client::GrpcSchema &schema, const QString &typeUrl) {
    const QString name = typeUrl.section(QLatin1Char('/'), -1);
    return name.isEmpty() ? nullptr : schema.pool().FindMessageTypeByName(name.toStdString());
}

// Every message of the services' files and what they import, the server's own before google.protobuf's: what an
// Any may hold. Map entries are left out.
QStringList poolMessageNames(const client::GrpcSchema &schema) {
    std::vector<const gp::FileDescriptor *> files;
    const auto addFile = [&files](const gp::FileDescriptor *file) {
        if (file && std::find(files.begin(), files.end(), file) == files.end())
            files.push_back(file);
    };
    for (const QString &service : schema.services())
        if (const auto *descriptor = schema.pool().FindServiceByName(service.toStdString()))
            addFile(descriptor->file());
    QStringList own, wellKnown;
    std::vector<const gp::Descriptor *> messages;
    for (std::size_t i = 0; i < files.size(); ++i) {
        for (int d = 0; d < files[i]->dependency_count(); ++d)
            addFile(files[i]->dependency(d));
        for (int m = 0; m < files[i]->message_type_count(); ++m)
            messages.push_back(files[i]->message_type(m));
    }
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const gp::Descriptor *message = messages[i];
        for (int n = 0; n < message->nested_type_count(); ++n)
            messages.push_back(message->nested_type(n));
        if (!message->options().map_entry())
            (isWellKnown(message) ? wellKnown : own).append(qs(message->full_name()));
    }
    own.sort();
    wellKnown.sort();
    return own + wellKnown;
}

// The value written after an accepted field name.
QString valueTemplate(const client::GrpcSchema &schema, const gp::FieldDescriptor *field) {
    if (field->is_map())
        return QStringLiteral("{}");
    if (field->is_repeated())
        return QStringLiteral("[]");
    switch (field->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_MESSAGE:
        return QString::fromUtf8(schema.jsonTemplate(field->message_type()));
    case gp::FieldDescriptor::CPPTYPE_STRING:
        return QStringLiteral("\"\"");
    case gp::FieldDescriptor::CPPTYPE_BOOL:
        return QStringLiteral("false");
    case gp::FieldDescriptor::CPPTYPE_ENUM:
        return QLatin1Char('"') + qs(field->enum_type()->value(0)->name()) + QLatin1Char('"');
    default:
        return QStringLiteral("0");
    }
}

// The message and the field whose value the innermost object or array of the cursor is.
struct Resolved {
    const gp::Descriptor *message = nullptr;    // the object is this message
    const gp::FieldDescriptor *field = nullptr; // the array's elements, or the map's values, are this field
};

// An Any whose "@type" is already written stands for the message it names.
const gp::Descriptor *throughAny(const client::GrpcSchema &schema, const gp::Descriptor *message,
                                 const JsonCursor::Step &step) {
    if (!isAny(message) || step.typeUrl.isEmpty())
        return message;
    const gp::Descriptor *named = anyType(schema, step.typeUrl);
    return named ? named : message;
}

Resolved resolve(const client::GrpcSchema &schema, const gp::Descriptor *root, const QList<JsonCursor::Step> &path) {
    Resolved at{throughAny(schema, root, path.first()), nullptr};
    for (int i = 1; i < path.size(); ++i) {
        const JsonCursor::Step &step = path.at(i);
        const gp::FieldDescriptor *field = at.field;
        if (!field || path.at(i - 1).object)
            field = at.message ? findField(at.message, step.key)
                               : (at.field && at.field->is_map() ? at.field->message_type()->map_value() : nullptr);
        const bool elementOfArray = !path.at(i - 1).object;
        if (!field)
            return {};
        if (step.object && field->is_map() && !elementOfArray)
            at = {nullptr, field};
        else if (step.object)
            at = {throughAny(schema, field->message_type(), step), nullptr};
        else
            at = {nullptr, field};
    }
    return at;
}

// In an Any without a known "@type": the key "@type", then the pool's messages as its value.
Completion completeAny(const client::GrpcSchema &schema, const JsonCursor &cursor, Completion completion) {
    if (cursor.wantsKey && !cursor.path.last().keysGiven.contains(QStringLiteral("@type"))) {
        if (QStringLiteral("@type").startsWith(cursor.prefix, Qt::CaseInsensitive))
            completion.items.append({CompletionKind::Field, QStringLiteral("@type"), QStringLiteral("string"),
                                     QStringLiteral("The message the Any holds, as type.googleapis.com/NAME"),
                                     QStringLiteral("\"@type\": ")});
    } else if (cursor.wantsValue && cursor.valueKey == QLatin1String("@type")) {
        const QString typed = cursor.prefix.section(QLatin1Char('/'), -1);
        for (const QString &name : poolMessageNames(schema))
            if (name.startsWith(typed, Qt::CaseInsensitive))
                completion.items.append({CompletionKind::Type,
                                         name,
                                         QStringLiteral("message"),
                                         {},
                                         QStringLiteral("\"type.googleapis.com/%1\"").arg(name)});
    }
    return completion;
}

} // namespace

Completion completeGrpcMessage(const client::GrpcSchema &schema, const gp::Descriptor *message, const QString &json,
                               int position) {
    Completion completion;
    const JsonCursor cursor = jsonCursor(json, position);
    completion.replaceStart = cursor.replaceStart;
    completion.prefix = cursor.prefix;
    if (!message || cursor.path.isEmpty())
        return completion;
    const Resolved at = resolve(schema, message, cursor.path);
    const auto add = [&](CompletionItem item) {
        if (item.label.startsWith(cursor.prefix, Qt::CaseInsensitive))
            completion.items.append(std::move(item));
    };
    if (isAny(at.message))
        return completeAny(schema, cursor, completion);
    if (cursor.wantsKey && at.message && !isWellKnown(at.message)) {
        const QStringList &given = cursor.path.last().keysGiven;
        for (int i = 0; i < at.message->field_count(); ++i) {
            const gp::FieldDescriptor *field = at.message->field(i);
            if (given.contains(qs(field->name())) || given.contains(qs(field->json_name())))
                continue;
            add({CompletionKind::Field,
                 qs(field->name()),
                 typeName(field),
                 {},
                 QLatin1Char('"') + qs(field->name()) + QStringLiteral("\": ") + valueTemplate(schema, field),
                 field->options().deprecated()});
        }
        return completion;
    }
    if (!cursor.wantsValue)
        return completion;
    const gp::FieldDescriptor *field = at.message ? findField(at.message, cursor.valueKey) : at.field;
    if (field && field->is_map() && !at.message)
        field = field->message_type()->map_value();
    if (!field)
        return completion;
    if (field->enum_type()) {
        for (int i = 0; i < field->enum_type()->value_count(); ++i) {
            const auto *value = field->enum_type()->value(i);
            add({CompletionKind::EnumValue,
                 qs(value->name()),
                 qs(field->enum_type()->full_name()),
                 {},
                 QLatin1Char('"') + qs(value->name()) + QLatin1Char('"')});
        }
    } else if (field->cpp_type() == gp::FieldDescriptor::CPPTYPE_BOOL) {
        for (const char *literal : {"true", "false"})
            add({CompletionKind::EnumValue,
                 QLatin1String(literal),
                 QStringLiteral("bool"),
                 {},
                 QLatin1String(literal)});
    } else if (field->message_type() && !cursor.inString && (at.field || !field->is_repeated())) {
        add({CompletionKind::Keyword,
             QStringLiteral("{…}"),
             qs(field->message_type()->full_name()),
             {},
             QString::fromUtf8(schema.jsonTemplate(field->message_type()))});
    }
    return completion;
}

namespace {

// Walks a parsed request against its descriptor, one error per wrong key or value, as protobuf's JSON parser
// would refuse them.
class MessageChecker {
public:
    MessageChecker(const client::GrpcSchema &schema, const QString &text, QList<GraphQLDiagnostic> &out)
        : m_schema(schema)
        , m_text(text)
        , m_out(out) {}

    void message(const gp::Descriptor *descriptor, const JsonNode &node) {
        if (isAny(descriptor) && node.kind == Kind::Object)
            return any(node);
        if (isWellKnown(descriptor) || node.kind == Kind::Null)
            return; // Timestamp, Duration, wrappers, Struct, Any …: their own JSON forms, left to protobuf
        if (node.kind != Kind::Object)
            return report(node.offset,
                          QStringLiteral("%1 is a message: expected an object").arg(qs(descriptor->full_name())));
        members(descriptor, node);
    }

private:
    // An Any: "@type" names a message of the pool, whose fields stand beside it (a well-known type's JSON form
    // goes in "value", left to protobuf).
    void any(const JsonNode &node) {
        const auto type = std::find_if(node.members.cbegin(), node.members.cend(),
                                       [](const JsonNode::Member &m) { return m.key == QLatin1String("@type"); });
        if (type == node.members.cend()) {
            if (!node.members.isEmpty())
                report(node.offset, QStringLiteral("an Any needs \"@type\": \"type.googleapis.com/NAME\""));
            return;
        }
        if (type->value.kind != Kind::String)
            return report(type->value.offset, QStringLiteral("\"@type\" is a string: type.googleapis.com/NAME"));
        const gp::Descriptor *named = anyType(m_schema, type->value.text);
        if (!named)
            return report(type->value.offset,
                          QStringLiteral("\"%1\" names no message known here").arg(type->value.text));
        if (!isWellKnown(named))
            members(named, node, QStringLiteral("@type"));
    }

    void members(const gp::Descriptor *descriptor, const JsonNode &node, const QString &skip = {}) {
        std::map<const gp::OneofDescriptor *, QString> oneofs;
        for (const JsonNode::Member &member : node.members) {
            if (!skip.isEmpty() && member.key == skip)
                continue;
            const gp::FieldDescriptor *field = findField(descriptor, member.key);
            if (!field) {
                report(member.keyOffset,
                       QStringLiteral("%1 has no field \"%2\"").arg(qs(descriptor->full_name()), member.key));
                continue;
            }
            if (const auto *oneof = field->real_containing_oneof(); oneof && member.value.kind != Kind::Null) {
                if (oneofs.count(oneof))
                    report(member.keyOffset, QStringLiteral("\"%1\" and \"%2\" are both set, but only one field of "
                                                            "oneof %3 may be")
                                                 .arg(oneofs[oneof], member.key, qs(oneof->name())));
                oneofs[oneof] = member.key;
            }
            value(field, member.value, false);
        }
    }

    void report(int offset, const QString &message) {
        const auto [line, column] = lineAndColumn(m_text, offset);
        m_out.append({line, column, message});
    }

    void value(const gp::FieldDescriptor *field, const JsonNode &node, bool element) {
        if (node.kind == Kind::Null)
            return;
        if (field->is_map() && !element) {
            if (node.kind != Kind::Object)
                return report(node.offset,
                              QStringLiteral("\"%1\" is a map: expected an object").arg(qs(field->name())));
            for (const JsonNode::Member &member : node.members)
                value(field->message_type()->map_value(), member.value, true);
            return;
        }
        if (field->is_repeated() && !element) {
            if (node.kind != Kind::Array)
                return report(node.offset,
                              QStringLiteral("\"%1\" is repeated: expected an array").arg(qs(field->name())));
            for (const JsonNode &item : node.items)
                value(field, item, true);
            return;
        }
        scalar(field, node);
    }

    void scalar(const gp::FieldDescriptor *field, const JsonNode &node) {
        const QString name = qs(field->name());
        switch (field->cpp_type()) {
        case gp::FieldDescriptor::CPPTYPE_MESSAGE:
            return message(field->message_type(), node);
        case gp::FieldDescriptor::CPPTYPE_ENUM:
            if (node.kind == Kind::String && !field->enum_type()->FindValueByName(node.text.toStdString()))
                return report(node.offset, QStringLiteral("\"%1\" is not a value of enum %2")
                                               .arg(node.text, qs(field->enum_type()->full_name())));
            if (node.kind != Kind::String && node.kind != Kind::Number)
                return report(node.offset,
                              QStringLiteral("\"%1\" is an enum: expected a value name in quotes").arg(name));
            return;
        case gp::FieldDescriptor::CPPTYPE_STRING:
            if (node.kind != Kind::String)
                report(node.offset, QStringLiteral("\"%1\" is a %2: expected a string in quotes")
                                        .arg(name, QLatin1String(field->type_name())));
            return;
        case gp::FieldDescriptor::CPPTYPE_BOOL:
            if (node.kind != Kind::Bool)
                report(node.offset, QStringLiteral("\"%1\" is a bool: expected true or false").arg(name));
            return;
        default:
            number(field, node);
        }
    }

    void number(const gp::FieldDescriptor *field, const JsonNode &node) {
        const bool integer = field->cpp_type() != gp::FieldDescriptor::CPPTYPE_FLOAT &&
                             field->cpp_type() != gp::FieldDescriptor::CPPTYPE_DOUBLE;
        if (node.kind != Kind::Number && node.kind != Kind::String)
            return report(node.offset, QStringLiteral("\"%1\" is a %2: expected a number")
                                           .arg(qs(field->name()), QLatin1String(field->type_name())));
        bool ok = false;
        const double value = node.text.toDouble(&ok);
        if (integer && (!ok || value != std::floor(value)))
            report(node.offset, QStringLiteral("\"%1\" is a %2: %3 is not an integer")
                                    .arg(qs(field->name()), QLatin1String(field->type_name()), node.text));
        else if (!integer && !ok && node.text != QLatin1String("NaN") && !node.text.endsWith(QLatin1String("Infinity")))
            report(node.offset, QStringLiteral("\"%1\" is a %2: %3 is not a number")
                                    .arg(qs(field->name()), QLatin1String(field->type_name()), node.text));
    }

    const client::GrpcSchema &m_schema;
    const QString &m_text;
    QList<GraphQLDiagnostic> &m_out;
};

} // namespace

QList<GraphQLDiagnostic> checkGrpcMessage(const client::GrpcSchema &schema, const gp::Descriptor *message,
                                          const QString &json) {
    QList<GraphQLDiagnostic> diagnostics;
    if (!message || json.trimmed().isEmpty())
        return diagnostics;
    const JsonParse parsed = parseJsonText(json);
    if (!parsed.root) {
        const auto [line, column] = lineAndColumn(json, parsed.errorOffset);
        return {{line, column, QStringLiteral("JSON: %1").arg(parsed.error)}};
    }
    MessageChecker(schema, json, diagnostics).message(message, *parsed.root);
    if (diagnostics.isEmpty()) {
        QString error;
        if (!schema.messageFromJson(message, json.toUtf8(), &error))
            diagnostics.append({1, 1, error});
    }
    return diagnostics;
}

} // namespace triptych::editor
