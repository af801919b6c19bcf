#include "app/editor/graphqlcompleter.h"

#include "app/editor/graphqlcursorcontext.h"
#include "app/editor/jsontext.h"
#include "server/graphql/validation/validationcontext.h"

#include <QRegularExpression>

#include <algorithm>

namespace triptych::editor {
namespace {

using namespace triptych::graphql;
using Want = GraphQLCursorContext::Want;

QString qs(const std::string &text) {
    return QString::fromStdString(text);
}

QString qs(const std::optional<std::string> &text) {
    return text ? QString::fromStdString(*text) : QString();
}

// Collects the entries that start with the typed prefix.
class Items {
public:
    explicit Items(const QString &prefix)
        : m_prefix(prefix) {}

    void add(CompletionItem item) {
        if (!item.label.startsWith(m_prefix, Qt::CaseInsensitive))
            return;
        if (item.insertText.isEmpty())
            item.insertText = item.label;
        m_items.append(std::move(item));
    }
    QList<CompletionItem> take() { return std::move(m_items); }

private:
    QString m_prefix;
    QList<CompletionItem> m_items;
};

QString kindName(TypeKind kind) {
    switch (kind) {
    case TypeKind::Scalar:
        return QStringLiteral("scalar");
    case TypeKind::Object:
        return QStringLiteral("type");
    case TypeKind::Interface:
        return QStringLiteral("interface");
    case TypeKind::Union:
        return QStringLiteral("union");
    case TypeKind::Enum:
        return QStringLiteral("enum");
    case TypeKind::InputObject:
        return QStringLiteral("input");
    }
    return {};
}

void addFields(Items &items, const Schema &schema, const NamedType *type) {
    if (!type)
        return;
    for (const Field &field : type->fields)
        items.add({CompletionKind::Field,
                   qs(field.name),
                   qs(field.type.toString()),
                   qs(field.description),
                   {},
                   field.deprecationReason.has_value()});
    const Field &typename_ = schema.typenameField();
    items.add({CompletionKind::Field, qs(typename_.name), qs(typename_.type.toString()), qs(typename_.description)});
    if (type == schema.queryType())
        for (const Field *meta : {&schema.schemaField(), &schema.typeField()})
            items.add({CompletionKind::Field, qs(meta->name), qs(meta->type.toString()), qs(meta->description)});
}

void addInputs(Items &items, const std::vector<InputValue> *values, const std::vector<std::string> &given,
               CompletionKind kind) {
    if (!values)
        return;
    for (const InputValue &value : *values)
        if (std::find(given.begin(), given.end(), value.name) == given.end())
            items.add({kind, qs(value.name), qs(value.type.toString()), qs(value.description),
                       qs(value.name) + QStringLiteral(": "), value.deprecationReason.has_value()});
}

void addValues(Items &items, TypeRef type) {
    const NamedType *named = type.nullable().isNamed() ? type.nullable().named() : nullptr;
    if (!named)
        return;
    if (named->kind == TypeKind::Enum)
        for (const EnumValue &value : named->enumValues)
            items.add({CompletionKind::EnumValue,
                       qs(value.name),
                       qs(named->name),
                       qs(value.description),
                       {},
                       value.deprecationReason.has_value()});
    if (named->builtIn == BuiltInScalar::Boolean)
        for (const char *literal : {"true", "false"})
            items.add({CompletionKind::EnumValue, QLatin1String(literal), QStringLiteral("Boolean")});
    if (!type.isNonNull())
        items.add({CompletionKind::Keyword, QStringLiteral("null"), qs(type.toString())});
}

// Type names, sorted: composite ones that can apply to `within` (all composite when null) or input types.
void addTypes(Items &items, const Schema &schema, const NamedType *within, bool inputTypes) {
    std::vector<const NamedType *> types;
    for (const NamedType *type : schema.types()) {
        if (type->name.starts_with("__"))
            continue; // introspection's own types are never written in a document
        if (inputTypes ? !type->isInput()
                       : (!type->isComposite() || (within && !validation::doTypesOverlap(schema, within, type))))
            continue;
        types.push_back(type);
    }
    std::sort(types.begin(), types.end(), [](const NamedType *a, const NamedType *b) { return a->name < b->name; });
    for (const NamedType *type : types)
        items.add({CompletionKind::Type, qs(type->name), kindName(type->kind), qs(type->description)});
}

void addDirectives(Items &items, const Schema &schema, const std::string &location) {
    for (const DirectiveDefinition &directive : schema.directives()) {
        if (!directive.allowsLocation(location))
            continue;
        QString signature;
        for (const InputValue &arg : directive.args)
            signature += (signature.isEmpty() ? QString() : QStringLiteral(", ")) + qs(arg.name) +
                         QStringLiteral(": ") + qs(arg.type.toString());
        items.add({CompletionKind::Directive, qs(directive.name),
                   signature.isEmpty() ? QStringLiteral("directive") : QLatin1Char('(') + signature + QLatin1Char(')'),
                   qs(directive.description)});
    }
}

void addFragments(Items &items, const Schema &schema, const QString &document, const NamedType *within) {
    for (const auto &[name, condition] : fragmentDefinitions(document)) {
        const NamedType *type = schema.type(condition);
        if (within && type && !validation::doTypesOverlap(schema, within, type))
            continue;
        items.add({CompletionKind::Fragment, qs(name), QStringLiteral("on ") + qs(condition)});
    }
}

} // namespace

QString toString(CompletionKind kind) {
    static const char *const names[] = {"field",    "argument",  "input field", "enum value", "variable",
                                        "fragment", "directive", "type",        "keyword"};
    return QLatin1String(names[static_cast<int>(kind)]);
}

Completion completeGraphQL(const EditorSchema &editorSchema, const QString &document, int position) {
    Completion completion;
    if (editorSchema.isNull())
        return completion;
    const Schema &schema = *editorSchema.engine();
    const GraphQLCursorContext context = cursorContext(schema, document, position);
    completion.replaceStart = context.replaceStart;
    completion.prefix = context.prefix;
    Items items(context.prefix);
    switch (context.want) {
    case Want::Nothing:
        break;
    case Want::Definition:
        for (const char *keyword : {"query", "mutation", "subscription", "fragment"})
            items.add({CompletionKind::Keyword, QLatin1String(keyword), QStringLiteral("keyword")});
        break;
    case Want::Field:
        addFields(items, schema, context.type);
        break;
    case Want::SpreadOrOn:
        items.add({CompletionKind::Keyword, QStringLiteral("on"), QStringLiteral("inline fragment")});
        addFragments(items, schema, document, context.type);
        break;
    case Want::TypeCondition:
        addTypes(items, schema, context.type, false);
        break;
    case Want::Argument:
        addInputs(items, context.arguments, context.given, CompletionKind::Argument);
        break;
    case Want::ObjectField:
        addInputs(items, context.type ? &context.type->inputFields : nullptr, context.given,
                  CompletionKind::InputField);
        break;
    case Want::Value:
        addValues(items, context.valueType);
        break;
    case Want::Variable:
        for (const auto &variable : context.variables)
            items.add({CompletionKind::Variable, qs(variable.name), qs(variable.type)});
        break;
    case Want::Directive:
        addDirectives(items, schema, context.directiveLocation);
        break;
    case Want::VariableType:
        addTypes(items, schema, nullptr, true);
        break;
    }
    completion.items = items.take();
    return completion;
}

QStringList variableNames(const QString &document) {
    static const QRegularExpression definition(QStringLiteral(R"(\$([_A-Za-z][_0-9A-Za-z]*)\s*:)"));
    QStringList names;
    for (auto it = definition.globalMatch(document); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

Completion completeVariableNames(const QString &query, const QString &variablesJson, int position) {
    Completion completion;
    const JsonCursor cursor = jsonCursor(variablesJson, position);
    completion.replaceStart = cursor.replaceStart;
    completion.prefix = cursor.prefix;
    if (!cursor.wantsKey || cursor.path.size() != 1)
        return completion;
    for (const QString &name : variableNames(query))
        if (!cursor.path.first().keysGiven.contains(name) && name.startsWith(cursor.prefix, Qt::CaseInsensitive))
            completion.items.append({CompletionKind::Variable,
                                     name,
                                     QStringLiteral("variable"),
                                     {},
                                     QLatin1Char('"') + name + QStringLiteral("\": ")});
    return completion;
}

} // namespace triptych::editor
