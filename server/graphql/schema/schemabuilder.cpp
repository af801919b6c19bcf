#include "server/graphql/schema/schemabuilder.h"

#include "server/graphql/schema/introspection.h"
#include "server/graphql/syntax/parser.h"

namespace triptych::graphql {
namespace {

TypeKind typeKindOf(TypeDefinitionKind kind) {
    switch (kind) {
    case TypeDefinitionKind::Scalar:
        return TypeKind::Scalar;
    case TypeDefinitionKind::Object:
        return TypeKind::Object;
    case TypeDefinitionKind::Interface:
        return TypeKind::Interface;
    case TypeDefinitionKind::Union:
        return TypeKind::Union;
    case TypeDefinitionKind::Enum:
        return TypeKind::Enum;
    case TypeDefinitionKind::InputObject:
        return TypeKind::InputObject;
    }
    return TypeKind::Scalar;
}

const DirectiveNode *findDirective(const std::vector<DirectiveNode> &directives, std::string_view name) {
    for (const auto &d : directives)
        if (d.name == name)
            return &d;
    return nullptr;
}

std::optional<std::string> stringArgument(const DirectiveNode &directive, std::string_view name) {
    for (const auto &arg : directive.arguments)
        if (arg.name == name && arg.value.kind == ValueKind::String)
            return arg.value.text;
    return std::nullopt;
}

} // namespace

std::optional<std::string> deprecationReason(const std::vector<DirectiveNode> &directives) {
    const DirectiveNode *d = findDirective(directives, "deprecated");
    if (!d)
        return std::nullopt;
    return stringArgument(*d, "reason").value_or("No longer supported");
}

SchemaResult SchemaBuilder::build(std::string_view sdl) {
    m_schema = std::make_shared<Schema>();
    const ParseResult builtIn = parse(kBuiltInSdl);
    const ParseResult user = parse(sdl);
    if (!builtIn.ok())
        return {nullptr, {"Built-in SDL: " + builtIn.error->message}};
    if (!user.ok())
        return {nullptr, {user.error->message}};
    declareTypes(*builtIn.document, true);
    declareTypes(*user.document, false);
    if (!m_errors.empty())
        return {nullptr, m_errors};
    for (const auto *doc : {builtIn.document.get(), user.document.get()})
        for (const auto &def : doc->types)
            if (!def.extension)
                fillType(*m_schema->mutableType(def.name), def);
    applyExtensions(*user.document);
    addDirectives(*user.document, false);
    addDirectives(*builtIn.document, true);
    chooseRootTypes(*user.document);
    if (!m_errors.empty())
        return {nullptr, m_errors};
    computePossibleTypes();
    computeTypeOrder(m_definedOrder);
    addMetaFields();
    introspection::install(*m_schema);
    return {m_schema, {}};
}

void SchemaBuilder::declareTypes(const Document &doc, bool builtIn) {
    for (const auto &def : doc.types) {
        if (def.extension)
            continue;
        if (NamedType *existing = m_schema->mutableType(def.name)) {
            if (builtIn || !existing->isBuiltInScalar())
                m_errors.push_back("There can be only one type named \"" + def.name + "\".");
            else
                m_definedOrder.push_back(existing); // redefining a standard scalar keeps the standard one
            continue;
        }
        NamedType &type = m_schema->m_storage.emplace_back();
        type.kind = typeKindOf(def.kind);
        type.name = def.name;
        static constexpr std::pair<const char *, BuiltInScalar> kBuiltIns[] = {{"Int", BuiltInScalar::Int},
                                                                               {"Float", BuiltInScalar::Float},
                                                                               {"String", BuiltInScalar::String},
                                                                               {"Boolean", BuiltInScalar::Boolean},
                                                                               {"ID", BuiltInScalar::Id}};
        for (const auto &[name, scalar] : kBuiltIns)
            if (builtIn && type.kind == TypeKind::Scalar && type.name == name)
                type.builtIn = scalar;
        m_schema->m_byName.emplace(type.name, &type);
        if (!builtIn)
            m_definedOrder.push_back(&type);
    }
}

TypeRef SchemaBuilder::resolveType(const TypeNode &node) {
    TypeRef ref = m_schema->typeFromAst(node);
    if (!ref.valid()) {
        const TypeNode *named = &node;
        while (named->ofType)
            named = named->ofType.get();
        m_errors.push_back("Unknown type \"" + named->name + "\".");
    }
    return ref;
}

std::vector<InputValue> SchemaBuilder::inputValues(const std::vector<InputValueDefinitionNode> &defs) {
    std::vector<InputValue> values;
    values.reserve(defs.size());
    for (const auto &def : defs) {
        InputValue value;
        value.name = def.name;
        value.description = def.description;
        value.type = resolveType(*def.type);
        value.defaultValue = def.defaultValue;
        value.deprecationReason = deprecationReason(def.directives);
        value.directives = def.directives;
        values.push_back(std::move(value));
    }
    return values;
}

void SchemaBuilder::fillType(NamedType &type, const TypeDefinitionNode &def) {
    if (def.description && !type.description)
        type.description = def.description;
    for (const auto &fieldDef : def.fields) {
        Field field;
        field.name = fieldDef.name;
        field.description = fieldDef.description;
        field.args = inputValues(fieldDef.arguments);
        field.type = resolveType(*fieldDef.type);
        field.deprecationReason = deprecationReason(fieldDef.directives);
        field.directives = fieldDef.directives;
        type.fields.push_back(std::move(field));
    }
    for (const auto &ref : def.interfaces) {
        const NamedType *iface = m_schema->type(ref.name);
        if (!iface || iface->kind != TypeKind::Interface)
            m_errors.push_back("Unknown type \"" + ref.name + "\".");
        else
            type.interfaces.push_back(iface);
    }
    for (const auto &ref : def.members) {
        const NamedType *member = m_schema->type(ref.name);
        if (!member || member->kind != TypeKind::Object)
            m_errors.push_back("Unknown type \"" + ref.name + "\".");
        else
            type.possibleTypes.push_back(member);
    }
    for (const auto &valueDef : def.values)
        type.enumValues.push_back(
            {valueDef.name, valueDef.description, deprecationReason(valueDef.directives), valueDef.directives});
    auto inputs = inputValues(def.inputFields);
    type.inputFields.insert(type.inputFields.end(), inputs.begin(), inputs.end());
    type.directives.insert(type.directives.end(), def.directives.begin(), def.directives.end());
    if (const DirectiveNode *d = findDirective(def.directives, "specifiedBy"))
        type.specifiedByUrl = stringArgument(*d, "url");
    if (findDirective(def.directives, "oneOf"))
        type.oneOf = true;
}

void SchemaBuilder::applyExtensions(const Document &doc) {
    for (const auto &def : doc.types) {
        if (!def.extension)
            continue;
        NamedType *type = m_schema->mutableType(def.name);
        if (!type || type->kind != typeKindOf(def.kind)) {
            m_errors.push_back("Cannot extend type \"" + def.name + "\" because it is not defined.");
            continue;
        }
        fillType(*type, def);
    }
}

void SchemaBuilder::addDirectives(const Document &doc, bool builtIn) {
    for (const auto &def : doc.directives) {
        if (m_schema->directive(def.name)) {
            if (!builtIn)
                m_errors.push_back("There can be only one directive named \"@" + def.name + "\".");
            continue;
        }
        DirectiveDefinition directive;
        directive.name = def.name;
        directive.description = def.description;
        directive.args = inputValues(def.arguments);
        for (const auto &location : def.locations)
            directive.locations.push_back(location.name);
        directive.repeatable = def.repeatable;
        directive.builtIn = builtIn;
        m_schema->m_directives.push_back(std::move(directive));
    }
}

void SchemaBuilder::chooseRootTypes(const Document &doc) {
    const NamedType **slots[] = {&m_schema->m_query, &m_schema->m_mutation, &m_schema->m_subscription};
    bool explicitSchema = false;
    for (const auto &schemaDef : doc.schemas) {
        if (!schemaDef.extension) {
            explicitSchema = true;
            m_schema->m_description = schemaDef.description;
        }
        for (const auto &[op, ref] : schemaDef.operationTypes) {
            const NamedType *type = m_schema->type(ref.name);
            if (!type || type->kind != TypeKind::Object)
                m_errors.push_back("Unknown type \"" + ref.name + "\".");
            *slots[static_cast<int>(op)] = type;
        }
    }
    if (!explicitSchema) {
        const char *names[] = {"Query", "Mutation", "Subscription"};
        for (int i = 0; i < 3; ++i) {
            const NamedType *type = m_schema->type(names[i]);
            if (type && type->kind == TypeKind::Object && !*slots[i])
                *slots[i] = type;
        }
    }
    if (!m_schema->m_query)
        m_errors.push_back("Query root type must be provided.");
}

void SchemaBuilder::computePossibleTypes() {
    for (const NamedType *type : m_definedOrder) {
        if (type->kind != TypeKind::Object)
            continue;
        for (const NamedType *iface : type->interfaces)
            m_schema->mutableType(iface->name)->possibleTypes.push_back(type);
    }
}

void SchemaBuilder::collectReferenced(const NamedType *type) {
    if (m_position.count(type))
        return;
    m_position.emplace(type, m_sequence.size());
    m_sequence.push_back(type);
    for (const NamedType *member :
         type->kind == TypeKind::Union ? type->possibleTypes : std::vector<const NamedType *>{})
        collectReferenced(member);
    for (const NamedType *iface : type->interfaces)
        collectReferenced(iface);
    for (const Field &field : type->fields) {
        collectReferenced(field.type.named());
        for (const InputValue &arg : field.args)
            collectReferenced(arg.type.named());
    }
    for (const InputValue &input : type->inputFields)
        collectReferenced(input.type.named());
}

// Mirrors the GraphQLSchema constructor: every defined type is removed and re-collected in order, then
// root types, directive arguments and __Schema; built-in scalars appear where first referenced.
void SchemaBuilder::computeTypeOrder(const std::vector<const NamedType *> &defined) {
    for (const NamedType *type : defined) {
        if (!m_position.count(type)) {
            m_position.emplace(type, m_sequence.size());
            m_sequence.push_back(type);
        }
    }
    for (const NamedType *type : defined) {
        const auto it = m_position.find(type);
        if (it != m_position.end()) {
            m_sequence[it->second] = nullptr;
            m_position.erase(it);
        }
        collectReferenced(type);
    }
    for (const NamedType *root : {m_schema->m_query, m_schema->m_mutation, m_schema->m_subscription})
        if (root)
            collectReferenced(root);
    for (const auto &directive : m_schema->m_directives)
        for (const auto &arg : directive.args)
            collectReferenced(arg.type.named());
    collectReferenced(m_schema->type("__Schema"));
    for (const NamedType *type : m_sequence)
        if (type)
            m_schema->m_typeOrder.push_back(type);
}

void SchemaBuilder::addMetaFields() {
    Schema &s = *m_schema;
    s.m_typenameField.name = "__typename";
    s.m_typenameField.description = "The name of the current Object type at runtime.";
    s.m_typenameField.type = TypeRef(s.type("String")).wrapNonNull();
    s.m_schemaField.name = "__schema";
    s.m_schemaField.description = "Access the current type schema of this server.";
    s.m_schemaField.type = TypeRef(s.type("__Schema")).wrapNonNull();
    s.m_typeField.name = "__type";
    s.m_typeField.description = "Request the type information of a single type.";
    s.m_typeField.type = TypeRef(s.type("__Type"));
    InputValue name;
    name.name = "name";
    name.type = TypeRef(s.type("String")).wrapNonNull();
    s.m_typeField.args.push_back(std::move(name));
}

SchemaResult Schema::fromSdl(std::string_view sdl) {
    SchemaBuilder builder;
    return builder.build(sdl);
}

} // namespace triptych::graphql
