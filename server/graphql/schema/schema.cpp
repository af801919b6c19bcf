#include "server/graphql/schema/schema.h"

namespace triptych::graphql {

TypeRef TypeRef::ofType() const {
    TypeRef inner = *this;
    if (inner.m_depth > 0) {
        inner.m_bits >>= 1;
        --inner.m_depth;
    }
    return inner;
}

TypeRef TypeRef::wrapList() const {
    TypeRef outer = *this;
    if (m_depth >= kMaxTypeWrappers)
        return TypeRef();
    outer.m_bits <<= 1;
    ++outer.m_depth;
    return outer;
}

TypeRef TypeRef::wrapNonNull() const {
    TypeRef outer = wrapList();
    outer.m_bits |= 1u;
    return outer;
}

std::string TypeRef::toString() const {
    if (isNonNull())
        return ofType().toString() + "!";
    if (isList())
        return "[" + ofType().toString() + "]";
    return m_named ? m_named->name : std::string();
}

const InputValue *Field::arg(std::string_view argName) const {
    for (const auto &a : args)
        if (a.name == argName)
            return &a;
    return nullptr;
}

const Field *NamedType::field(std::string_view fieldName) const {
    for (const auto &f : fields)
        if (f.name == fieldName)
            return &f;
    return nullptr;
}

const InputValue *NamedType::inputField(std::string_view fieldName) const {
    for (const auto &f : inputFields)
        if (f.name == fieldName)
            return &f;
    return nullptr;
}

const EnumValue *NamedType::enumValue(std::string_view valueName) const {
    for (const auto &v : enumValues)
        if (v.name == valueName)
            return &v;
    return nullptr;
}

bool NamedType::isBuiltInScalar() const {
    return kind == TypeKind::Scalar &&
           (name == "Int" || name == "Float" || name == "String" || name == "Boolean" || name == "ID");
}

bool DirectiveDefinition::allowsLocation(std::string_view location) const {
    for (const auto &l : locations)
        if (l == location)
            return true;
    return false;
}

const InputValue *DirectiveDefinition::arg(std::string_view argName) const {
    for (const auto &a : args)
        if (a.name == argName)
            return &a;
    return nullptr;
}

const NamedType *Schema::type(std::string_view name) const {
    const auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : it->second;
}

NamedType *Schema::mutableType(std::string_view name) {
    const auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : it->second;
}

const NamedType *Schema::rootType(OperationType op) const {
    switch (op) {
    case OperationType::Query:
        return m_query;
    case OperationType::Mutation:
        return m_mutation;
    case OperationType::Subscription:
        return m_subscription;
    }
    return nullptr;
}

const DirectiveDefinition *Schema::directive(std::string_view name) const {
    for (const auto &d : m_directives)
        if (d.name == name)
            return &d;
    return nullptr;
}

bool Schema::usesDefaultRootNames() const {
    const auto named = [](const NamedType *type, std::string_view name) { return !type || type->name == name; };
    return named(m_query, "Query") && named(m_mutation, "Mutation") && named(m_subscription, "Subscription");
}

bool Schema::isPossibleType(const NamedType *abstract, const NamedType *object) const {
    if (abstract == object)
        return true;
    for (const NamedType *possible : abstract->possibleTypes)
        if (possible == object)
            return true;
    return false;
}

bool Schema::isSubType(const NamedType *abstract, const NamedType *maybeSub) const {
    if (abstract->kind == TypeKind::Union)
        return isPossibleType(abstract, maybeSub);
    if (maybeSub->kind == TypeKind::Object && isPossibleType(abstract, maybeSub))
        return true;
    for (const NamedType *iface : maybeSub->interfaces)
        if (iface == abstract)
            return true;
    return false;
}

TypeRef Schema::typeFromAst(const TypeNode &node) const {
    switch (node.kind) {
    case TypeNode::Kind::Named: {
        const NamedType *named = type(node.name);
        return named ? TypeRef(named) : TypeRef();
    }
    case TypeNode::Kind::List: {
        const TypeRef inner = typeFromAst(*node.ofType);
        return inner.valid() ? inner.wrapList() : TypeRef();
    }
    case TypeNode::Kind::NonNull: {
        const TypeRef inner = typeFromAst(*node.ofType);
        return inner.valid() ? inner.wrapNonNull() : TypeRef();
    }
    }
    return TypeRef();
}

bool Schema::bind(std::string_view typeName, std::string_view fieldName, Resolver resolver) {
    NamedType *t = mutableType(typeName);
    if (!t)
        return false;
    for (auto &f : t->fields) {
        if (f.name == fieldName) {
            f.resolver = std::move(resolver);
            return true;
        }
    }
    return false;
}

bool Schema::bindSubscribe(std::string_view fieldName, Resolver subscribe) {
    if (!m_subscription)
        return false;
    NamedType *t = mutableType(m_subscription->name);
    for (auto &f : t->fields) {
        if (f.name == fieldName) {
            f.subscribe = std::move(subscribe);
            return true;
        }
    }
    return false;
}

} // namespace triptych::graphql
