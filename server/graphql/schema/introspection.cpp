#include "server/graphql/schema/introspection.h"

#include "server/graphql/execution/coercion.h"
#include "server/graphql/execution/executor.h"

namespace triptych::graphql::introspection {
namespace {

Resolved typeRef(TypeRef t) {
    return ObjectRef{nullptr, t.named(), t.packedWrappers(), "__Type"};
}
TypeRef typeOf(const ObjectRef &o) {
    return TypeRef::unpack(static_cast<const NamedType *>(o.ptr), o.id);
}
template <class T> const T &as(const ResolveInfo &info) {
    return *static_cast<const T *>(info.parent.ptr);
}

Resolved optionalString(const std::optional<std::string> &s) {
    return s ? Resolved::view(*s) : Resolved();
}

bool includeDeprecated(const ResolveInfo &info) {
    const Value *v = info.arg("includeDeprecated");
    return v && v->kind() == Value::Kind::Boolean && v->asBool();
}

template <class T> Resolved listOf(const std::vector<T> &items, std::string_view typeName, bool withDeprecated) {
    std::vector<Resolved> out;
    for (const auto &item : items)
        if (withDeprecated || !item.deprecationReason)
            out.emplace_back(ObjectRef{nullptr, &item, 0, typeName});
    return Resolved(std::move(out));
}

const char *kindName(TypeRef t) {
    if (t.isNonNull())
        return "NON_NULL";
    if (t.isList())
        return "LIST";
    static constexpr const char *kNames[] = {"SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT"};
    return kNames[static_cast<int>(t.named()->kind)];
}

void installType(Schema &schema) {
    const auto named = [](const ResolveInfo &info) -> const NamedType * {
        const TypeRef t = typeOf(info.parent);
        return t.isNamed() ? t.named() : nullptr;
    };
    schema.bind("__Type", "kind", [](const ResolveInfo &i) { return Resolved::view(kindName(typeOf(i.parent))); });
    schema.bind("__Type", "name", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        return t ? Resolved::view(t->name) : Resolved();
    });
    schema.bind("__Type", "description", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        return t ? optionalString(t->description) : Resolved();
    });
    schema.bind("__Type", "specifiedByURL", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        return t ? optionalString(t->specifiedByUrl) : Resolved();
    });
    schema.bind("__Type", "fields", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        if (!t || (t->kind != TypeKind::Object && t->kind != TypeKind::Interface))
            return Resolved();
        return listOf(t->fields, "__Field", includeDeprecated(i));
    });
    schema.bind("__Type", "interfaces", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        if (!t || (t->kind != TypeKind::Object && t->kind != TypeKind::Interface))
            return Resolved();
        std::vector<Resolved> out;
        for (const NamedType *iface : t->interfaces)
            out.push_back(typeRef(TypeRef(iface)));
        return Resolved(std::move(out));
    });
    schema.bind("__Type", "possibleTypes", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        if (!t || !t->isAbstract())
            return Resolved();
        std::vector<Resolved> out;
        for (const NamedType *possible : t->possibleTypes)
            out.push_back(typeRef(TypeRef(possible)));
        return Resolved(std::move(out));
    });
    schema.bind("__Type", "enumValues", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        return t && t->kind == TypeKind::Enum ? listOf(t->enumValues, "__EnumValue", includeDeprecated(i)) : Resolved();
    });
    schema.bind("__Type", "inputFields", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        return t && t->kind == TypeKind::InputObject ? listOf(t->inputFields, "__InputValue", includeDeprecated(i))
                                                     : Resolved();
    });
    schema.bind("__Type", "ofType", [](const ResolveInfo &i) {
        const TypeRef t = typeOf(i.parent);
        return t.isNamed() ? Resolved() : typeRef(t.ofType());
    });
    schema.bind("__Type", "isOneOf", [named](const ResolveInfo &i) {
        const NamedType *t = named(i);
        return t && t->kind == TypeKind::InputObject ? Resolved(t->oneOf) : Resolved();
    });
}

template <class T> void installDeprecation(Schema &schema, std::string_view type) {
    schema.bind(type, "isDeprecated",
                [](const ResolveInfo &i) { return Resolved(as<T>(i).deprecationReason.has_value()); });
    schema.bind(type, "deprecationReason",
                [](const ResolveInfo &i) { return optionalString(as<T>(i).deprecationReason); });
}

void installMembers(Schema &schema) {
    schema.bind("__Field", "name", [](const ResolveInfo &i) { return Resolved::view(as<Field>(i).name); });
    schema.bind("__Field", "description",
                [](const ResolveInfo &i) { return optionalString(as<Field>(i).description); });
    schema.bind("__Field", "args",
                [](const ResolveInfo &i) { return listOf(as<Field>(i).args, "__InputValue", includeDeprecated(i)); });
    schema.bind("__Field", "type", [](const ResolveInfo &i) { return typeRef(as<Field>(i).type); });
    installDeprecation<Field>(schema, "__Field");
    schema.bind("__InputValue", "name", [](const ResolveInfo &i) { return Resolved::view(as<InputValue>(i).name); });
    schema.bind("__InputValue", "description",
                [](const ResolveInfo &i) { return optionalString(as<InputValue>(i).description); });
    schema.bind("__InputValue", "type", [](const ResolveInfo &i) { return typeRef(as<InputValue>(i).type); });
    schema.bind("__InputValue", "defaultValue", [](const ResolveInfo &i) {
        auto printed = printDefaultValue(as<InputValue>(i));
        return printed ? Resolved(std::move(*printed)) : Resolved();
    });
    installDeprecation<InputValue>(schema, "__InputValue");
    schema.bind("__EnumValue", "name", [](const ResolveInfo &i) { return Resolved::view(as<EnumValue>(i).name); });
    schema.bind("__EnumValue", "description",
                [](const ResolveInfo &i) { return optionalString(as<EnumValue>(i).description); });
    installDeprecation<EnumValue>(schema, "__EnumValue");
    using D = DirectiveDefinition;
    schema.bind("__Directive", "name", [](const ResolveInfo &i) { return Resolved::view(as<D>(i).name); });
    schema.bind("__Directive", "description",
                [](const ResolveInfo &i) { return optionalString(as<D>(i).description); });
    schema.bind("__Directive", "isRepeatable", [](const ResolveInfo &i) { return Resolved(as<D>(i).repeatable); });
    schema.bind("__Directive", "locations", [](const ResolveInfo &i) {
        std::vector<Resolved> out;
        for (const auto &l : as<D>(i).locations)
            out.push_back(Resolved::view(l));
        return Resolved(std::move(out));
    });
    schema.bind("__Directive", "args",
                [](const ResolveInfo &i) { return listOf(as<D>(i).args, "__InputValue", includeDeprecated(i)); });
    schema.bind("__Directive", "isDeprecated", [](const ResolveInfo &) { return Resolved(false); });
    schema.bind("__Directive", "deprecationReason", [](const ResolveInfo &) { return Resolved(); });
}

void installSchema(Schema &schema) {
    const Schema *s = &schema;
    const auto root = [](const NamedType *t) { return t ? typeRef(TypeRef(t)) : Resolved(); };
    schema.bind("__Schema", "description", [s](const ResolveInfo &) { return optionalString(s->description()); });
    schema.bind("__Schema", "types", [s](const ResolveInfo &) {
        std::vector<Resolved> out;
        for (const NamedType *t : s->types())
            out.push_back(typeRef(TypeRef(t)));
        return Resolved(std::move(out));
    });
    schema.bind("__Schema", "queryType", [s, root](const ResolveInfo &) { return root(s->queryType()); });
    schema.bind("__Schema", "mutationType", [s, root](const ResolveInfo &) { return root(s->mutationType()); });
    schema.bind("__Schema", "subscriptionType", [s, root](const ResolveInfo &) { return root(s->subscriptionType()); });
    schema.bind("__Schema", "directives", [s](const ResolveInfo &) {
        std::vector<Resolved> out;
        for (const auto &d : s->directives())
            out.emplace_back(ObjectRef{nullptr, &d, 0, "__Directive"});
        return Resolved(std::move(out));
    });
}

} // namespace

void install(Schema &schema) {
    installType(schema);
    installMembers(schema);
    installSchema(schema);
}

Resolved schemaRef(const Schema &schema) {
    return ObjectRef{nullptr, &schema, 0, "__Schema"};
}

Resolved typeByName(const Schema &schema, std::string_view name) {
    const NamedType *t = schema.type(name);
    return t ? typeRef(TypeRef(t)) : Resolved();
}

} // namespace triptych::graphql::introspection
