#include "server/graphql/schema/clientschema.h"

#include "server/graphql/validation/validationcontext.h"

#include <rapidjson/document.h>

#include <stdexcept>

namespace triptych::graphql {

const char *const kFullIntrospectionQuery = R"(query IntrospectionQuery {
  __schema {
    description
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives {
      name
      description
      isRepeatable
      locations
      args(includeDeprecated: true) { ...InputValue }
    }
  }
}

fragment FullType on __Type {
  kind
  name
  description
  specifiedByURL
  isOneOf
  fields(includeDeprecated: true) {
    name
    description
    args(includeDeprecated: true) { ...InputValue }
    type { ...TypeRef }
    isDeprecated
    deprecationReason
  }
  inputFields(includeDeprecated: true) { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) {
    name
    description
    isDeprecated
    deprecationReason
  }
  possibleTypes { ...TypeRef }
}

fragment InputValue on __InputValue {
  name
  description
  type { ...TypeRef }
  defaultValue
  isDeprecated
  deprecationReason
}

fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
}
)";

namespace {

using JsonValue = rapidjson::Value;

// An introspection result that is not a schema; caught once in introspectionToSdl() and turned into an error.
struct Malformed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const JsonValue *member(const JsonValue &object, const char *name) {
    if (!object.IsObject())
        return nullptr;
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
}

std::string stringMember(const JsonValue &object, const char *name) {
    const JsonValue *value = member(object, name);
    return value && value->IsString() ? std::string(value->GetString(), value->GetStringLength()) : std::string();
}

bool boolMember(const JsonValue &object, const char *name) {
    const JsonValue *value = member(object, name);
    return value && value->IsBool() && value->GetBool();
}

template <typename Fn> void forEach(const JsonValue &object, const char *name, Fn fn) {
    const JsonValue *list = member(object, name);
    if (!list)
        return;
    if (!list->IsArray())
        throw Malformed(std::string("`") + name + "` is not a list");
    for (const auto &item : list->GetArray())
        fn(item);
}

bool isBuiltInName(const std::string &name) {
    return name.starts_with("__") || name == "String" || name == "Int" || name == "Float" || name == "Boolean" ||
           name == "ID";
}

bool isBuiltInDirective(const std::string &name) {
    return name == "include" || name == "skip" || name == "deprecated" || name == "specifiedBy" || name == "oneOf";
}

std::string typeRef(const JsonValue &ref, int depth = 0) {
    const std::string kind = stringMember(ref, "kind");
    const JsonValue *ofType = member(ref, "ofType");
    if (kind == "LIST" || kind == "NON_NULL") {
        if (!ofType || depth > TypeRef::kMaxTypeWrappers)
            throw Malformed("a " + kind + " type reference has no ofType");
        const std::string inner = typeRef(*ofType, depth + 1);
        return kind == "LIST" ? "[" + inner + "]" : inner + "!";
    }
    const std::string name = stringMember(ref, "name");
    if (name.empty())
        throw Malformed("a type reference has no name");
    return name;
}

void appendDescription(std::string &out, const JsonValue &object, const char *indent) {
    const JsonValue *description = member(object, "description");
    if (description && description->IsString())
        out.append(indent)
            .append(validation::printString({description->GetString(), description->GetStringLength()}))
            .append("\n");
}

void appendDeprecated(std::string &out, const JsonValue &object) {
    if (!boolMember(object, "isDeprecated"))
        return;
    const JsonValue *reason = member(object, "deprecationReason");
    out += " @deprecated";
    if (reason && reason->IsString())
        out.append("(reason: ")
            .append(validation::printString({reason->GetString(), reason->GetStringLength()}))
            .append(")");
}

void appendInputValue(std::string &out, const JsonValue &value, const char *indent) {
    appendDescription(out, value, indent);
    out.append(indent).append(stringMember(value, "name")).append(": ").append(typeRef(*member(value, "type")));
    if (const JsonValue *defaultValue = member(value, "defaultValue"); defaultValue && defaultValue->IsString())
        out.append(" = ").append(defaultValue->GetString(), defaultValue->GetStringLength());
    appendDeprecated(out, value);
    out += "\n";
}

void appendArgs(std::string &out, const JsonValue &owner, const char *indent) {
    const JsonValue *args = member(owner, "args");
    if (!args || !args->IsArray() || args->Empty())
        return;
    out += "(\n";
    for (const auto &arg : args->GetArray()) {
        if (!member(arg, "type"))
            throw Malformed("argument " + stringMember(arg, "name") + " has no type");
        appendInputValue(out, arg, indent);
    }
    out.append(indent, 2).append(")");
}

void appendNames(std::string &out, const JsonValue &type, const char *name, const char *first, const char *separator) {
    bool any = false;
    forEach(type, name, [&](const JsonValue &ref) {
        out.append(any ? separator : first).append(typeRef(ref));
        any = true;
    });
}

void appendFields(std::string &out, const JsonValue &type) {
    out += " {\n";
    forEach(type, "fields", [&](const JsonValue &field) {
        if (!member(field, "type"))
            throw Malformed("field " + stringMember(field, "name") + " has no type");
        appendDescription(out, field, "  ");
        out.append("  ").append(stringMember(field, "name"));
        appendArgs(out, field, "    ");
        out.append(": ").append(typeRef(*member(field, "type")));
        appendDeprecated(out, field);
        out += "\n";
    });
    out += "}\n";
}

void appendType(std::string &out, const JsonValue &type) {
    const std::string kind = stringMember(type, "kind");
    const std::string name = stringMember(type, "name");
    if (name.empty())
        throw Malformed("a type has no name");
    if (isBuiltInName(name))
        return;
    appendDescription(out, type, "");
    if (kind == "SCALAR") {
        out.append("scalar ").append(name);
        if (const std::string url = stringMember(type, "specifiedByURL"); !url.empty())
            out.append(" @specifiedBy(url: ").append(validation::printString(url)).append(")");
        out += "\n";
    } else if (kind == "OBJECT" || kind == "INTERFACE") {
        out.append(kind == "OBJECT" ? "type " : "interface ").append(name);
        appendNames(out, type, "interfaces", " implements ", " & ");
        appendFields(out, type);
    } else if (kind == "UNION") {
        out.append("union ").append(name);
        appendNames(out, type, "possibleTypes", " = ", " | ");
        out += "\n";
    } else if (kind == "ENUM") {
        out.append("enum ").append(name).append(" {\n");
        forEach(type, "enumValues", [&](const JsonValue &value) {
            appendDescription(out, value, "  ");
            out.append("  ").append(stringMember(value, "name"));
            appendDeprecated(out, value);
            out += "\n";
        });
        out += "}\n";
    } else if (kind == "INPUT_OBJECT") {
        out.append("input ").append(name).append(boolMember(type, "isOneOf") ? " @oneOf {\n" : " {\n");
        forEach(type, "inputFields", [&](const JsonValue &value) {
            if (!member(value, "type"))
                throw Malformed("input field " + stringMember(value, "name") + " has no type");
            appendInputValue(out, value, "  ");
        });
        out += "}\n";
    } else {
        throw Malformed("type " + name + " has an invalid kind \"" + kind + "\"");
    }
}

void appendDirective(std::string &out, const JsonValue &directive) {
    const std::string name = stringMember(directive, "name");
    if (name.empty() || isBuiltInDirective(name))
        return;
    appendDescription(out, directive, "");
    out.append("directive @").append(name);
    appendArgs(out, directive, "  ");
    if (boolMember(directive, "isRepeatable"))
        out += " repeatable";
    const char *separator = " on ";
    forEach(directive, "locations", [&](const JsonValue &location) {
        if (!location.IsString())
            throw Malformed("directive @" + name + " has a location that is not a string");
        out.append(separator).append(location.GetString());
        separator = " | ";
    });
    out += "\n";
}

void appendSchemaDefinition(std::string &out, const JsonValue &schema) {
    const JsonValue *query = member(schema, "queryType");
    if (!query || stringMember(*query, "name").empty())
        throw Malformed("the introspection result names no query type");
    appendDescription(out, schema, "");
    out.append("schema {\n  query: ").append(stringMember(*query, "name")).append("\n");
    if (const JsonValue *mutation = member(schema, "mutationType"))
        out.append("  mutation: ").append(stringMember(*mutation, "name")).append("\n");
    if (const JsonValue *subscription = member(schema, "subscriptionType"))
        out.append("  subscription: ").append(stringMember(*subscription, "name")).append("\n");
    out += "}\n";
}

const JsonValue *findSchema(const rapidjson::Document &document) {
    if (const JsonValue *data = member(document, "data"))
        return member(*data, "__schema");
    if (const JsonValue *schema = member(document, "__schema"))
        return schema;
    if (const JsonValue *errors = member(document, "errors"); errors && errors->IsArray() && !errors->Empty()) {
        const std::string message = stringMember((*errors)[0], "message");
        throw Malformed("the server answered with an error: " + (message.empty() ? "(no message)" : message));
    }
    return member(document, "types") ? &document : nullptr;
}

} // namespace

std::string introspectionToSdl(std::string_view json, std::string *error) {
    rapidjson::Document document;
    document.Parse(json.data(), json.size());
    if (document.HasParseError()) {
        *error = "the introspection result is not JSON (at offset " + std::to_string(document.GetErrorOffset()) + ")";
        return {};
    }
    try {
        const JsonValue *schema = findSchema(document);
        if (!schema || !schema->IsObject())
            throw Malformed("the introspection result has no __schema");
        std::string sdl;
        sdl.reserve(json.size() / 2);
        appendSchemaDefinition(sdl, *schema);
        forEach(*schema, "types", [&](const JsonValue &type) { appendType(sdl, type); });
        forEach(*schema, "directives", [&](const JsonValue &directive) { appendDirective(sdl, directive); });
        return sdl;
    } catch (const Malformed &malformed) {
        *error = std::string("Invalid or incomplete introspection result: ") + malformed.what();
        return {};
    }
}

SchemaResult buildClientSchema(std::string_view json) {
    std::string error;
    const std::string sdl = introspectionToSdl(json, &error);
    if (sdl.empty())
        return {nullptr, {error}};
    return Schema::fromSdl(sdl);
}

} // namespace triptych::graphql
