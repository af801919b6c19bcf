#pragma once

#include "server/graphql/syntax/lexer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace triptych::graphql {

enum class ValueKind : std::uint8_t { Variable, Int, Float, String, Boolean, Null, Enum, List, Object };

struct ObjectFieldNode;

// A value literal; `text` holds the variable/enum name, the number as written or the string contents.
struct ValueNode {
    ValueKind kind = ValueKind::Null;
    Location loc;
    std::string text;
    bool boolean = false;
    bool block = false; // a """block string"""
    std::vector<ValueNode> list;
    std::vector<ObjectFieldNode> fields;
};

struct ObjectFieldNode {
    std::string name;
    Location loc;
    ValueNode value;
};

// Named, list or non-null type reference; list and non-null wrap `ofType`.
struct TypeNode {
    enum class Kind : std::uint8_t { Named, List, NonNull };
    Kind kind = Kind::Named;
    Location loc;
    std::string name;
    std::shared_ptr<const TypeNode> ofType;
};

struct ArgumentNode {
    std::string name;
    Location loc;
    ValueNode value;
};

struct DirectiveNode {
    std::string name;
    Location loc;
    std::vector<ArgumentNode> arguments;
};

enum class SelectionKind : std::uint8_t { Field, FragmentSpread, InlineFragment };

// One struct for the three selection kinds keeps selection sets a flat vector.
struct SelectionNode {
    SelectionKind kind = SelectionKind::Field;
    Location loc;
    std::string alias; // field alias, empty when none
    std::string name;  // field name or spread fragment name
    Location nameLoc;
    Location selectionSetLoc;
    std::string typeCondition; // inline fragment, empty when none
    Location typeConditionLoc;
    std::vector<ArgumentNode> arguments;
    std::vector<DirectiveNode> directives;
    std::vector<SelectionNode> selectionSet;
    bool hasSelectionSet = false;

    const std::string &responseKey() const { return alias.empty() ? name : alias; }
};

enum class OperationType : std::uint8_t { Query, Mutation, Subscription };

struct VariableDefinitionNode {
    std::optional<std::string> description;
    std::string name;
    Location loc;
    Location variableLoc; // the `$`
    Location nameLoc;
    std::shared_ptr<const TypeNode> type;
    std::optional<ValueNode> defaultValue;
    std::vector<DirectiveNode> directives;
};

struct OperationDefinitionNode {
    OperationType operation = OperationType::Query;
    std::optional<std::string> description;
    std::string name; // empty for an anonymous operation
    Location loc;
    Location nameLoc;
    std::vector<VariableDefinitionNode> variables;
    std::vector<DirectiveNode> directives;
    std::vector<SelectionNode> selectionSet;
};

struct FragmentDefinitionNode {
    std::optional<std::string> description;
    std::string name;
    Location loc;
    Location nameLoc;
    std::string typeCondition;
    Location typeConditionLoc;
    std::vector<DirectiveNode> directives;
    std::vector<SelectionNode> selectionSet;
};

struct InputValueDefinitionNode {
    std::optional<std::string> description;
    std::string name;
    Location loc;
    std::shared_ptr<const TypeNode> type;
    std::optional<ValueNode> defaultValue;
    std::vector<DirectiveNode> directives;
};

struct FieldDefinitionNode {
    std::optional<std::string> description;
    std::string name;
    Location loc;
    std::vector<InputValueDefinitionNode> arguments;
    std::shared_ptr<const TypeNode> type;
    std::vector<DirectiveNode> directives;
};

struct EnumValueDefinitionNode {
    std::optional<std::string> description;
    std::string name;
    Location loc;
    std::vector<DirectiveNode> directives;
};

enum class TypeDefinitionKind : std::uint8_t { Scalar, Object, Interface, Union, Enum, InputObject };

struct NamedRef {
    std::string name;
    Location loc;
};

// A type definition or extension (`extension` true) of any kind.
struct TypeDefinitionNode {
    TypeDefinitionKind kind = TypeDefinitionKind::Scalar;
    bool extension = false;
    std::optional<std::string> description;
    std::string name;
    Location loc;
    std::vector<NamedRef> interfaces;
    std::vector<DirectiveNode> directives;
    std::vector<FieldDefinitionNode> fields;
    std::vector<InputValueDefinitionNode> inputFields;
    std::vector<NamedRef> members;
    std::vector<EnumValueDefinitionNode> values;
};

struct SchemaDefinitionNode {
    bool extension = false;
    std::optional<std::string> description;
    Location loc;
    std::vector<DirectiveNode> directives;
    std::vector<std::pair<OperationType, NamedRef>> operationTypes;
};

struct DirectiveDefinitionNode {
    std::optional<std::string> description;
    std::string name;
    Location loc;
    std::vector<InputValueDefinitionNode> arguments;
    bool repeatable = false;
    std::vector<NamedRef> locations;
};

enum class DefinitionKind : std::uint8_t { Operation, Fragment, Type, Schema, Directive };

// Each kind of definition lives in its own vector; `order` keeps the document order.
struct Document {
    std::vector<OperationDefinitionNode> operations;
    std::vector<FragmentDefinitionNode> fragments;
    std::vector<TypeDefinitionNode> types;
    std::vector<SchemaDefinitionNode> schemas;
    std::vector<DirectiveDefinitionNode> directives;
    struct Entry {
        DefinitionKind kind;
        std::uint32_t index;
        Location loc;
    };
    std::vector<Entry> order;

    // The first fragment of that name; constant time once indexFragments() has run (the parser runs it).
    const FragmentDefinitionNode *fragment(std::string_view name) const;
    void indexFragments();

private:
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>()(name); }
    };
    std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> m_fragmentIndex;
    bool m_indexed = false;
};

} // namespace triptych::graphql
