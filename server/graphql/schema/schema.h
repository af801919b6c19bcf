#pragma once

#include "server/graphql/syntax/ast.h"
#include "server/graphql/value.h"

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace triptych::graphql {

enum class TypeKind : std::uint8_t { Scalar, Object, Interface, Union, Enum, InputObject };

struct NamedType;

// A possibly wrapped type: a named type plus up to kMaxTypeWrappers list/non-null wrappers, as a value.
class TypeRef {
public:
    static constexpr int kMaxTypeWrappers = 63; // wrappers (levels) a TypeRef can hold; deeper is invalid

    TypeRef() = default;
    explicit TypeRef(const NamedType *named)
        : m_named(named) {}
    const NamedType *named() const { return m_named; }
    bool valid() const { return m_named != nullptr; }
    bool isNonNull() const { return m_depth > 0 && (m_bits & 1u); }
    bool isList() const { return m_depth > 0 && !(m_bits & 1u); }
    bool isNamed() const { return m_depth == 0; }
    TypeRef ofType() const;
    TypeRef nullable() const { return isNonNull() ? ofType() : *this; }
    TypeRef wrapList() const;
    TypeRef wrapNonNull() const;
    std::string toString() const;
    bool operator==(const TypeRef &) const = default;
    // The wrappers as one integer (introspection carries a TypeRef inside an ObjectRef id).
    std::int64_t packedWrappers() const { return static_cast<std::int64_t>((m_bits << 8) | m_depth); }
    static TypeRef unpack(const NamedType *named, std::int64_t packed) {
        TypeRef t(named);
        t.m_bits = static_cast<std::uint64_t>(packed) >> 8;
        t.m_depth = static_cast<std::uint8_t>(packed & 0xFF);
        return t;
    }

private:
    const NamedType *m_named = nullptr;
    std::uint64_t m_bits = 0; // bit i: wrapper i counted from the outside is NonNull (1) or List (0)
    std::uint8_t m_depth = 0;
};

class Resolved;
struct ResolveInfo;
using Resolver = std::function<Resolved(const ResolveInfo &)>;

struct InputValue {
    std::string name;
    std::optional<std::string> description;
    TypeRef type;
    std::optional<ValueNode> defaultValue;
    std::optional<std::string> deprecationReason;
    std::vector<DirectiveNode> directives;
};

struct Field {
    std::string name;
    std::optional<std::string> description;
    std::vector<InputValue> args;
    TypeRef type;
    std::optional<std::string> deprecationReason;
    std::vector<DirectiveNode> directives;
    Resolver resolver;  // empty: the schema's default resolver
    Resolver subscribe; // subscription root fields: creates the source event stream

    const InputValue *arg(std::string_view argName) const;
};

struct EnumValue {
    std::string name;
    std::optional<std::string> description;
    std::optional<std::string> deprecationReason;
    std::vector<DirectiveNode> directives;
};

enum class BuiltInScalar : std::uint8_t { None, Int, Float, String, Boolean, Id };

struct NamedType {
    TypeKind kind = TypeKind::Scalar;
    BuiltInScalar builtIn = BuiltInScalar::None; // lets leaf completion avoid comparing names
    std::string name;
    std::optional<std::string> description;
    std::optional<std::string> specifiedByUrl;
    bool oneOf = false;
    std::vector<Field> fields;
    std::vector<const NamedType *> interfaces;
    std::vector<const NamedType *> possibleTypes; // union members, or objects implementing an interface
    std::vector<EnumValue> enumValues;
    std::vector<InputValue> inputFields;
    std::vector<DirectiveNode> directives;

    const Field *field(std::string_view fieldName) const;
    const InputValue *inputField(std::string_view fieldName) const;
    const EnumValue *enumValue(std::string_view valueName) const;
    bool isLeaf() const { return kind == TypeKind::Scalar || kind == TypeKind::Enum; }
    bool isComposite() const {
        return kind == TypeKind::Object || kind == TypeKind::Interface || kind == TypeKind::Union;
    }
    bool isAbstract() const { return kind == TypeKind::Interface || kind == TypeKind::Union; }
    bool isInput() const { return kind == TypeKind::Scalar || kind == TypeKind::Enum || kind == TypeKind::InputObject; }
    bool isBuiltInScalar() const;
};

struct DirectiveDefinition {
    std::string name;
    std::optional<std::string> description;
    std::vector<InputValue> args;
    std::vector<std::string> locations;
    bool repeatable = false;
    bool builtIn = false;

    bool allowsLocation(std::string_view location) const;
    const InputValue *arg(std::string_view argName) const;
};

class Schema;
struct SchemaResult {
    std::shared_ptr<Schema> schema;
    std::vector<std::string> errors;
    bool ok() const { return schema != nullptr; }
};

// A schema built from SDL; resolvers are bound to it afterwards, then it is shared read-only between threads.
class Schema {
public:
    // Builds a schema from type system definitions (extensions merged); introspection types are added.
    static SchemaResult fromSdl(std::string_view sdl);

    const NamedType *type(std::string_view name) const;
    const NamedType *queryType() const { return m_query; }
    const NamedType *mutationType() const { return m_mutation; }
    const NamedType *subscriptionType() const { return m_subscription; }
    const NamedType *rootType(OperationType op) const;
    // Types in the order graphql-js lists them (introspection `types`, printed SDL).
    const std::vector<const NamedType *> &types() const { return m_typeOrder; }
    const std::vector<DirectiveDefinition> &directives() const { return m_directives; }
    const DirectiveDefinition *directive(std::string_view name) const;
    const std::optional<std::string> &description() const { return m_description; }
    // The meta fields every composite type (`__typename`) or the query root (`__schema`, `__type`) has.
    const Field &typenameField() const { return m_typenameField; }
    const Field &schemaField() const { return m_schemaField; }
    const Field &typeField() const { return m_typeField; }
    // Whether the schema had an explicit `schema { ... }` definition with non-default names (for printing).
    bool usesDefaultRootNames() const;

    bool isPossibleType(const NamedType *abstract, const NamedType *object) const;
    bool isSubType(const NamedType *abstract, const NamedType *maybeSub) const;
    // TypeRef of an AST type reference; invalid when a named type is unknown.
    TypeRef typeFromAst(const TypeNode &node) const;

    // Binding: false when the type or field does not exist.
    bool bind(std::string_view typeName, std::string_view fieldName, Resolver resolver);
    bool bindSubscribe(std::string_view fieldName, Resolver subscribe);
    void setDefaultResolver(Resolver resolver) { m_defaultResolver = std::move(resolver); }
    const Resolver &defaultResolver() const { return m_defaultResolver; }

private:
    friend class SchemaBuilder;
    NamedType *mutableType(std::string_view name);

    std::deque<NamedType> m_storage;
    std::unordered_map<std::string_view, NamedType *> m_byName;
    std::vector<const NamedType *> m_typeOrder;
    std::vector<DirectiveDefinition> m_directives;
    std::optional<std::string> m_description;
    const NamedType *m_query = nullptr;
    const NamedType *m_mutation = nullptr;
    const NamedType *m_subscription = nullptr;
    Resolver m_defaultResolver;
    Field m_typenameField;
    Field m_schemaField;
    Field m_typeField;
};

} // namespace triptych::graphql
