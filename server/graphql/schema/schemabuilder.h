#pragma once

#include "server/graphql/schema/schema.h"

namespace triptych::graphql {

extern const char *const kBuiltInSdl;

// Turns SDL documents into a Schema: types, extensions, directives, root types and graphql-js's type order.
class SchemaBuilder {
public:
    SchemaResult build(std::string_view sdl);

private:
    void declareTypes(const Document &doc, bool builtIn);
    void applyExtensions(const Document &doc);
    void fillType(NamedType &type, const TypeDefinitionNode &def);
    std::vector<InputValue> inputValues(const std::vector<InputValueDefinitionNode> &defs);
    TypeRef resolveType(const TypeNode &node);
    void addDirectives(const Document &doc, bool builtIn);
    void chooseRootTypes(const Document &doc);
    void computePossibleTypes();
    void computeTypeOrder(const std::vector<const NamedType *> &defined);
    void collectReferenced(const NamedType *type);
    void addMetaFields();

    std::shared_ptr<Schema> m_schema;
    std::vector<std::string> m_errors;
    std::vector<const NamedType *> m_definedOrder;
    std::vector<const NamedType *> m_sequence; // ordered set with tombstones (nullptr)
    std::unordered_map<const NamedType *, std::size_t> m_position;
};

// Deprecation reason of a definition's directives (graphql-js default "No longer supported"), if deprecated.
std::optional<std::string> deprecationReason(const std::vector<DirectiveNode> &directives);

} // namespace triptych::graphql
