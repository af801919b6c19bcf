// Output coercion of leaves (graphql-js's serialize()), inspect() and astFromValue()-style printing.
#include "server/graphql/execution/coercion.h"
#include "server/graphql/validation/validationcontext.h"

#include <cmath>
#include <cstdlib>

namespace triptych::graphql {
namespace {

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

std::string inspectAt(const Value &v, int depth) {
    static constexpr int kMaxDepth = 2;          // nesting graphql-js's inspect() shows (levels)
    static constexpr std::size_t kMaxItems = 10; // list items it shows
    switch (v.kind()) {
    case Value::Kind::Null:
        return "null";
    case Value::Kind::Int:
        return std::to_string(v.asInt());
    case Value::Kind::Float:
        return formatJsNumber(v.asFloat());
    case Value::Kind::Boolean:
        return v.asBool() ? "true" : "false";
    case Value::Kind::String:
    case Value::Kind::Enum:
        return jsonString(v.asString());
    case Value::Kind::List: {
        if (v.asList().empty())
            return "[]";
        if (depth > kMaxDepth)
            return "[Array]";
        std::string out = "[";
        const std::size_t shown = std::min(v.asList().size(), kMaxItems);
        for (std::size_t i = 0; i < shown; ++i)
            out += (i ? ", " : "") + inspectAt(v.asList()[i], depth + 1);
        if (v.asList().size() > kMaxItems)
            out += ", ... " + std::to_string(v.asList().size() - kMaxItems) + " more items";
        return out + "]";
    }
    case Value::Kind::Object: {
        if (v.asObject().empty())
            return "{}";
        if (depth > kMaxDepth)
            return "[Object]";
        std::string out = "{ ";
        bool first = true;
        for (const auto &[key, value] : v.asObject()) {
            out += (first ? "" : ", ") + key + ": " + inspectAt(value, depth + 1);
            first = false;
        }
        return out + " }";
    }
    }
    return {};
}

Value resolvedToValue(const Resolved &r) {
    switch (r.kind()) {
    case Resolved::Kind::Int:
        return Value::fromInt(r.asInt());
    case Resolved::Kind::Float:
        return Value::fromFloat(r.asFloat());
    case Resolved::Kind::Boolean:
        return Value::fromBool(r.asBool());
    case Resolved::Kind::String:
        return Value::fromString(std::string(r.asString()));
    case Resolved::Kind::List: {
        Value::List items;
        for (const auto &item : r.asList())
            items.push_back(resolvedToValue(item));
        return Value::fromList(std::move(items));
    }
    default:
        return Value();
    }
}

// JavaScript's Number(string) for the decimal forms resolvers produce; nullopt for NaN.
std::optional<double> jsNumber(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1])))
        --e;
    if (b == e)
        return 0.0;
    const std::string s(text.substr(b, e - b));
    char *end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || s.find_first_of("xXnN") != std::string::npos)
        return std::nullopt;
    return v;
}

std::optional<double> numberOf(const Resolved &r, bool fromString) {
    switch (r.kind()) {
    case Resolved::Kind::Int:
        return static_cast<double>(r.asInt());
    case Resolved::Kind::Float:
        return r.asFloat();
    case Resolved::Kind::Boolean:
        return r.asBool() ? 1.0 : 0.0;
    case Resolved::Kind::String:
        if (fromString && !r.asString().empty())
            return jsNumber(r.asString());
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::string printLeafLiteral(const Value &v, const NamedType &type) {
    switch (v.kind()) {
    case Value::Kind::Boolean:
        return v.asBool() ? "true" : "false";
    case Value::Kind::Int:
        return std::to_string(v.asInt());
    case Value::Kind::Float:
        return formatJsNumber(v.asFloat());
    case Value::Kind::Enum:
        return v.asString();
    case Value::Kind::String: {
        if (type.kind == TypeKind::Enum)
            return v.asString();
        const std::string &s = v.asString();
        const bool integerLike =
            !s.empty() &&
            (s == "0" || (s[0] != '0' && s.find_first_not_of("0123456789") == std::string::npos) ||
             (s[0] == '-' && s.size() > 1 && s[1] != '0' && s.find_first_not_of("0123456789", 1) == std::string::npos));
        if (type.name == "ID" && integerLike)
            return s;
        return validation::printString(s);
    }
    default:
        return "null";
    }
}

std::optional<std::string> printAst(const Value &v, TypeRef type) {
    if (type.isNonNull())
        return v.isNull() ? std::nullopt : printAst(v, type.ofType());
    if (v.isNull())
        return "null";
    if (type.isList()) {
        if (v.kind() != Value::Kind::List)
            return printAst(v, type.ofType());
        std::string out = "[";
        bool first = true;
        for (const auto &item : v.asList()) {
            if (auto printed = printAst(item, type.ofType())) {
                out += (first ? "" : ", ") + *printed;
                first = false;
            }
        }
        return out + "]";
    }
    const NamedType &named = *type.named();
    if (named.kind == TypeKind::InputObject) {
        if (v.kind() != Value::Kind::Object)
            return std::nullopt;
        std::string out = "{";
        bool first = true;
        for (const auto &def : named.inputFields) {
            const Value *fieldValue = v.find(def.name);
            if (!fieldValue)
                continue;
            if (auto printed = printAst(*fieldValue, def.type)) {
                out += (first ? "" : ", ") + def.name + ": " + *printed;
                first = false;
            }
        }
        return out + "}";
    }
    return printLeafLiteral(v, named);
}

} // namespace

std::string inspectValue(const Value &value) {
    return inspectAt(value, 0);
}

std::optional<std::string> serializeLeaf(const NamedType &type, const Resolved &r, Value &out) {
    const auto fail = [&](const std::string &prefix) { return prefix + inspectValue(resolvedToValue(r)); };
    if (type.kind == TypeKind::Enum) {
        if (r.kind() == Resolved::Kind::String && type.enumValue(r.asString())) {
            out = Value::fromEnum(std::string(r.asString()));
            return std::nullopt;
        }
        return fail("Enum \"" + type.name + "\" cannot represent value: ");
    }
    const std::string &n = type.name;
    if (n == "Int") {
        const auto num = numberOf(r, true);
        if (!num || !std::isfinite(*num) || *num != std::floor(*num))
            return fail("Int cannot represent non-integer value: ");
        if (*num > 2147483647.0 || *num < -2147483648.0)
            return fail("Int cannot represent non 32-bit signed integer value: ");
        out = Value::fromInt(static_cast<std::int64_t>(*num));
    } else if (n == "Float") {
        const auto num = numberOf(r, true);
        if (!num || !std::isfinite(*num))
            return fail("Float cannot represent non numeric value: ");
        out = Value::fromFloat(*num);
    } else if (n == "String") {
        if (r.kind() == Resolved::Kind::String)
            out = Value::fromString(std::string(r.asString()));
        else if (r.kind() == Resolved::Kind::Boolean)
            out = Value::fromString(r.asBool() ? "true" : "false");
        else if (auto num = numberOf(r, false); num && std::isfinite(*num))
            out = Value::fromString(formatJsNumber(*num));
        else
            return fail("String cannot represent value: ");
    } else if (n == "Boolean") {
        if (r.kind() == Resolved::Kind::Boolean)
            out = Value::fromBool(r.asBool());
        else if (auto num = numberOf(r, false); num && std::isfinite(*num) && r.kind() != Resolved::Kind::String)
            out = Value::fromBool(*num != 0);
        else
            return fail("Boolean cannot represent a non boolean value: ");
    } else if (n == "ID") {
        if (r.kind() == Resolved::Kind::String)
            out = Value::fromString(std::string(r.asString()));
        else if (r.kind() == Resolved::Kind::Int)
            out = Value::fromString(std::to_string(r.asInt()));
        else if (r.kind() == Resolved::Kind::Float && r.asFloat() == std::floor(r.asFloat()))
            out = Value::fromString(formatJsNumber(r.asFloat()));
        else
            return fail("ID cannot represent value: ");
    } else {
        out = resolvedToValue(r);
    }
    return std::nullopt;
}

std::optional<std::string> printDefaultValue(const InputValue &input) {
    if (!input.defaultValue)
        return std::nullopt;
    const auto value = valueFromAst(*input.defaultValue, input.type, nullptr);
    if (!value)
        return std::nullopt;
    return printAst(*value, input.type);
}

} // namespace triptych::graphql
