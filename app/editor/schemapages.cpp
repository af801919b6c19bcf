#include "app/editor/schemapages.h"

#include "server/graphql/schema/schema.h"
#include "server/graphql/validation/validationcontext.h"

#include <algorithm>

namespace triptych::editor {
namespace {

using namespace triptych::graphql;

QString qs(const std::string &text) {
    return QString::fromStdString(text);
}

QString qs(const std::optional<std::string> &text) {
    return text ? QString::fromStdString(*text) : QString();
}

QString kindName(TypeKind kind) {
    static const char *const names[] = {"scalar", "type", "interface", "union", "enum", "input"};
    return QLatin1String(names[static_cast<int>(kind)]);
}

QString signature(const Field &field) {
    QStringList args;
    for (const InputValue &arg : field.args)
        args.append(
            qs(arg.name) + QStringLiteral(": ") + qs(arg.type.toString()) +
            (arg.defaultValue ? QStringLiteral(" = ") + qs(validation::printValue(*arg.defaultValue)) : QString()));
    return args.isEmpty() ? qs(field.name)
                          : qs(field.name) + QLatin1Char('(') + args.join(QStringLiteral(", ")) + QLatin1Char(')');
}

ExplorerRow typeRow(const NamedType &type) {
    return {ExplorerRow::Kind::Type, {}, qs(type.name), qs(type.name), kindName(type.kind), qs(type.name),
            qs(type.description),    {}};
}

ExplorerRow fieldRow(const NamedType &owner, const Field &field) {
    return {ExplorerRow::Kind::Field,
            qs(owner.name),
            qs(field.name),
            signature(field),
            qs(field.type.toString()),
            qs(field.type.named()->name),
            qs(field.description),
            qs(field.deprecationReason)};
}

void addMembers(ExplorerPage &page, const NamedType &type) {
    for (const Field &field : type.fields)
        page.rows.append(fieldRow(type, field));
    for (const InputValue &input : type.inputFields)
        page.rows.append({ExplorerRow::Kind::InputField, qs(type.name), qs(input.name), qs(input.name),
                          qs(input.type.toString()), qs(input.type.named()->name), qs(input.description),
                          qs(input.deprecationReason)});
    for (const EnumValue &value : type.enumValues)
        page.rows.append({ExplorerRow::Kind::EnumValue,
                          qs(type.name),
                          qs(value.name),
                          qs(value.name),
                          qs(type.name),
                          {},
                          qs(value.description),
                          qs(value.deprecationReason)});
    if (type.isAbstract())
        for (const NamedType *possible : type.possibleTypes)
            page.rows.append({ExplorerRow::Kind::PossibleType,
                              qs(type.name),
                              qs(possible->name),
                              qs(possible->name),
                              kindName(possible->kind),
                              qs(possible->name),
                              qs(possible->description),
                              {}});
}

} // namespace

ExplorerPage explorerPage(const EditorSchema &editorSchema, const QString &typeName) {
    ExplorerPage page;
    if (editorSchema.isNull())
        return page;
    const Schema &schema = *editorSchema.engine();
    if (typeName.isEmpty()) {
        page.title = QStringLiteral("Schema");
        page.description = qs(schema.description());
        std::vector<const NamedType *> roots, others;
        for (const NamedType *root : {schema.queryType(), schema.mutationType(), schema.subscriptionType()})
            if (root)
                roots.push_back(root);
        for (const NamedType *type : schema.types())
            if (!type->name.starts_with("__") && std::find(roots.begin(), roots.end(), type) == roots.end())
                others.push_back(type);
        std::sort(others.begin(), others.end(), [](auto *a, auto *b) { return a->name < b->name; });
        for (const auto *list : {&roots, &others})
            for (const NamedType *type : *list)
                page.rows.append(typeRow(*type));
        return page;
    }
    const NamedType *type = schema.type(typeName.toStdString());
    if (!type)
        return page;
    page.title = qs(type->name);
    page.kind = kindName(type->kind);
    page.description = qs(type->description);
    for (const NamedType *implemented : type->interfaces)
        page.implements.append(qs(implemented->name));
    addMembers(page, *type);
    return page;
}

QList<ExplorerRow> searchSchema(const EditorSchema &editorSchema, const QString &text, int limit) {
    QList<ExplorerRow> types, fields;
    if (editorSchema.isNull() || text.isEmpty())
        return types;
    for (const NamedType *type : editorSchema.engine()->types()) {
        if (type->name.starts_with("__"))
            continue;
        if (qs(type->name).contains(text, Qt::CaseInsensitive) && types.size() < limit)
            types.append(typeRow(*type));
        for (const Field &field : type->fields)
            if (fields.size() < limit && qs(field.name).contains(text, Qt::CaseInsensitive))
                fields.append(fieldRow(*type, field));
    }
    return (types + fields).mid(0, limit);
}

QString fieldInsertion(const EditorSchema &editorSchema, const QString &typeName, const QString &fieldName) {
    if (editorSchema.isNull())
        return fieldName;
    const NamedType *type = editorSchema.engine()->type(typeName.toStdString());
    const Field *field = type ? type->field(fieldName.toStdString()) : nullptr;
    if (!field)
        return fieldName;
    QStringList required;
    for (const InputValue &arg : field->args)
        if (arg.type.isNonNull() && !arg.defaultValue)
            required.append(qs(arg.name) + QStringLiteral(": "));
    QString text = qs(field->name);
    if (!required.isEmpty())
        text += QLatin1Char('(') + required.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!field->type.named()->isLeaf())
        text += QStringLiteral(" {\n  \n}");
    return text;
}

} // namespace triptych::editor
