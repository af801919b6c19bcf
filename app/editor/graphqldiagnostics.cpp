#include "app/editor/graphqldiagnostics.h"

#include "server/graphql/syntax/parser.h"
#include "server/graphql/syntax/printer.h"
#include "server/graphql/validation/validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::editor {
namespace {

using namespace triptych::graphql;

constexpr int kMaxSkeletonDepth = 4; // nested input objects written out before `{}` stands for the rest

QJsonValue literalToJson(const ValueNode &value) {
    switch (value.kind) {
    case ValueKind::Int:
        return QString::fromStdString(value.text).toLongLong();
    case ValueKind::Float:
        return QString::fromStdString(value.text).toDouble();
    case ValueKind::String:
    case ValueKind::Enum:
        return QString::fromStdString(value.text);
    case ValueKind::Boolean:
        return value.boolean;
    case ValueKind::List: {
        QJsonArray array;
        for (const ValueNode &item : value.list)
            array.append(literalToJson(item));
        return array;
    }
    case ValueKind::Object: {
        QJsonObject object;
        for (const ObjectFieldNode &field : value.fields)
            object.insert(QString::fromStdString(field.name), literalToJson(field.value));
        return object;
    }
    case ValueKind::Variable:
    case ValueKind::Null:
        break;
    }
    return QJsonValue::Null;
}

QJsonValue placeholder(TypeRef type, int depth);

QJsonValue placeholderOfNamed(const NamedType &named, int depth) {
    switch (named.kind) {
    case TypeKind::Enum:
        return named.enumValues.empty() ? QJsonValue(QJsonValue::Null)
                                        : QJsonValue(QString::fromStdString(named.enumValues.front().name));
    case TypeKind::InputObject: {
        QJsonObject object;
        if (depth >= kMaxSkeletonDepth)
            return object;
        for (const InputValue &field : named.inputFields)
            if ((field.type.isNonNull() && !field.defaultValue) || named.oneOf)
                object.insert(QString::fromStdString(field.name), placeholder(field.type, depth + 1));
        return object;
    }
    default:
        break;
    }
    switch (named.builtIn) {
    case BuiltInScalar::Int:
        return 0;
    case BuiltInScalar::Float:
        return 0.0;
    case BuiltInScalar::Boolean:
        return false;
    default:
        return QString();
    }
}

QJsonValue placeholder(TypeRef type, int depth) {
    const TypeRef inner = type.nullable();
    if (inner.isList())
        return QJsonArray{placeholder(inner.ofType(), depth + 1)};
    return inner.named() ? placeholderOfNamed(*inner.named(), depth) : QJsonValue(QJsonValue::Null);
}

const OperationDefinitionNode *chooseOperation(const Document &document, const std::string &name) {
    for (const OperationDefinitionNode &op : document.operations)
        if (name.empty() || op.name == name)
            return &op;
    return nullptr;
}

} // namespace

QList<GraphQLDiagnostic> diagnoseGraphQL(const EditorSchema &schema, const QString &document) {
    const ParseResult parsed = parse(document.toStdString());
    if (!parsed.ok())
        return {{int(parsed.error->loc.line), int(parsed.error->loc.column),
                 QString::fromStdString(parsed.error->message)}};
    if (schema.isNull())
        return {};
    QList<GraphQLDiagnostic> diagnostics;
    for (const GraphQLError &error : validate(*schema.engine(), *parsed.document)) {
        const Location at = error.locations.empty() ? Location{1, 1} : error.locations.front();
        diagnostics.append({int(at.line), int(at.column), QString::fromStdString(error.message)});
    }
    return diagnostics;
}

std::optional<QString> prettifyGraphQL(const QString &document) {
    const ParseResult parsed = parse(document.toStdString());
    if (!parsed.ok())
        return std::nullopt;
    const std::optional<std::string> printed = printDocument(*parsed.document);
    if (!printed)
        return std::nullopt;
    return QString::fromStdString(*printed);
}

QByteArray variablesSkeleton(const EditorSchema &schema, const QString &document, const QString &operationName) {
    const ParseResult parsed = parse(document.toStdString());
    const OperationDefinitionNode *op =
        parsed.ok() ? chooseOperation(*parsed.document, operationName.toStdString()) : nullptr;
    QJsonObject variables;
    if (op) {
        for (const VariableDefinitionNode &variable : op->variables) {
            const QString name = QString::fromStdString(variable.name);
            if (variable.defaultValue)
                variables.insert(name, literalToJson(*variable.defaultValue));
            else if (!schema.isNull() && variable.type)
                variables.insert(name, placeholder(schema.engine()->typeFromAst(*variable.type), 0));
            else
                variables.insert(name, QJsonValue::Null);
        }
    }
    return QJsonDocument(variables).toJson(QJsonDocument::Indented);
}

} // namespace triptych::editor
