#include "server/graphql/schema/schemaprinter.h"

#include "server/graphql/execution/coercion.h"
#include "server/graphql/validation/validationcontext.h"

namespace triptych::graphql {
namespace {

bool isPrintableAsBlockString(std::string_view value) {
    if (value.empty())
        return true;
    bool isEmptyLine = true, hasIndent = false, hasCommonIndent = true, seenNonEmptyLine = false;
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x08 || c == 0x0B || c == 0x0C || c == 0x0E || c == 0x0F || c == '\r')
            return false;
        if (c == '\n') {
            if (isEmptyLine && !seenNonEmptyLine)
                return false;
            seenNonEmptyLine = true;
            isEmptyLine = true;
            hasIndent = false;
        } else if (c == '\t' || c == ' ') {
            hasIndent = hasIndent || isEmptyLine;
        } else {
            hasCommonIndent = hasCommonIndent && hasIndent;
            isEmptyLine = false;
        }
    }
    if (isEmptyLine)
        return false;
    return !(hasCommonIndent && seenNonEmptyLine);
}

std::string printBlockString(const std::string &value) {
    std::string escaped;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value.compare(i, 3, "\"\"\"") == 0) {
            escaped += "\\\"\"\"";
            i += 2;
        } else {
            escaped += value[i];
        }
    }
    std::vector<std::string> lines{""};
    for (const char c : escaped) {
        if (c == '\n')
            lines.emplace_back();
        else
            lines.back() += c;
    }
    const bool singleLine = lines.size() == 1;
    bool forceLeadingNewLine = lines.size() > 1;
    for (std::size_t i = 1; i < lines.size(); ++i)
        forceLeadingNewLine = forceLeadingNewLine && (lines[i].empty() || lines[i][0] == ' ' || lines[i][0] == '\t');
    const bool trailingTriple = escaped.size() >= 4 && escaped.compare(escaped.size() - 4, 4, "\\\"\"\"") == 0;
    const bool forceTrailingNewLine =
        (!value.empty() && value.back() == '"' && !trailingTriple) || (!value.empty() && value.back() == '\\');
    const bool multipleLines =
        !singleLine || value.size() > 70 || forceTrailingNewLine || forceLeadingNewLine || trailingTriple;
    const bool skipLeadingNewLine = singleLine && !value.empty() && (value[0] == ' ' || value[0] == '\t');
    std::string result;
    if ((multipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        result += '\n';
    result += escaped;
    if (multipleLines || forceTrailingNewLine)
        result += '\n';
    return "\"\"\"" + result + "\"\"\"";
}

std::string printDescription(const std::optional<std::string> &description, const std::string &indentation = "",
                             bool firstInBlock = true) {
    if (!description)
        return {};
    const std::string block =
        isPrintableAsBlockString(*description) ? printBlockString(*description) : validation::printString(*description);
    std::string out = indentation.empty() || firstInBlock ? indentation : "\n" + indentation;
    for (const char c : block)
        out += c == '\n' ? "\n" + indentation : std::string(1, c);
    return out + "\n";
}

std::string printDeprecated(const std::optional<std::string> &reason) {
    if (!reason)
        return {};
    if (*reason == "No longer supported")
        return " @deprecated";
    return " @deprecated(reason: " + validation::printString(*reason) + ")";
}

std::string printInputValue(const InputValue &arg) {
    std::string out = arg.name + ": " + arg.type.toString();
    if (auto printed = printDefaultValue(arg))
        out += " = " + *printed;
    return out + printDeprecated(arg.deprecationReason);
}

std::string printArgs(const std::vector<InputValue> &args, const std::string &indentation = "") {
    if (args.empty())
        return {};
    const bool described = std::any_of(args.begin(), args.end(), [](const auto &a) { return a.description; });
    std::string out = "(";
    if (!described) {
        for (std::size_t i = 0; i < args.size(); ++i)
            out += (i ? ", " : "") + printInputValue(args[i]);
        return out + ")";
    }
    out += "\n";
    for (std::size_t i = 0; i < args.size(); ++i)
        out += (i ? "\n" : "") + printDescription(args[i].description, "  " + indentation, i == 0) + "  " +
               indentation + printInputValue(args[i]);
    return out + "\n" + indentation + ")";
}

std::string printBlock(const std::vector<std::string> &items) {
    if (items.empty())
        return {};
    std::string out = " {\n";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? "\n" : "") + items[i];
    return out + "\n}";
}

std::string printType(const NamedType &type) {
    static constexpr const char *kKeywords[] = {"scalar", "type", "interface", "union", "enum", "input"};
    std::string out = printDescription(type.description) + kKeywords[static_cast<int>(type.kind)] + " " + type.name;
    std::vector<std::string> items;
    switch (type.kind) {
    case TypeKind::Scalar:
        if (type.specifiedByUrl)
            out += " @specifiedBy(url: " + validation::printString(*type.specifiedByUrl) + ")";
        return out;
    case TypeKind::Union:
        for (std::size_t i = 0; i < type.possibleTypes.size(); ++i)
            out += (i ? " | " : " = ") + type.possibleTypes[i]->name;
        return out;
    case TypeKind::Enum:
        for (std::size_t i = 0; i < type.enumValues.size(); ++i)
            items.push_back(printDescription(type.enumValues[i].description, "  ", i == 0) + "  " +
                            type.enumValues[i].name + printDeprecated(type.enumValues[i].deprecationReason));
        return out + printBlock(items);
    case TypeKind::InputObject:
        for (std::size_t i = 0; i < type.inputFields.size(); ++i)
            items.push_back(printDescription(type.inputFields[i].description, "  ", i == 0) + "  " +
                            printInputValue(type.inputFields[i]));
        return out + (type.oneOf ? " @oneOf" : "") + printBlock(items);
    case TypeKind::Object:
    case TypeKind::Interface:
        break;
    }
    for (std::size_t i = 0; i < type.interfaces.size(); ++i)
        out += (i ? " & " : " implements ") + type.interfaces[i]->name;
    for (std::size_t i = 0; i < type.fields.size(); ++i) {
        const Field &f = type.fields[i];
        items.push_back(printDescription(f.description, "  ", i == 0) + "  " + f.name + printArgs(f.args, "  ") + ": " +
                        f.type.toString() + printDeprecated(f.deprecationReason));
    }
    return out + printBlock(items);
}

std::string printDirective(const DirectiveDefinition &d) {
    std::string out = printDescription(d.description) + "directive @" + d.name + printArgs(d.args) +
                      (d.repeatable ? " repeatable" : "") + " on ";
    for (std::size_t i = 0; i < d.locations.size(); ++i)
        out += (i ? " | " : "") + d.locations[i];
    return out;
}

} // namespace

std::string printSchema(const Schema &schema) {
    std::vector<std::string> parts;
    if (schema.description() || !schema.usesDefaultRootNames()) {
        std::string def = printDescription(schema.description()) + "schema {\n";
        if (schema.queryType())
            def += "  query: " + schema.queryType()->name + "\n";
        if (schema.mutationType())
            def += "  mutation: " + schema.mutationType()->name + "\n";
        if (schema.subscriptionType())
            def += "  subscription: " + schema.subscriptionType()->name + "\n";
        parts.push_back(def + "}");
    }
    for (const auto &d : schema.directives())
        if (!d.builtIn)
            parts.push_back(printDirective(d));
    for (const NamedType *type : schema.types())
        if (!type->isBuiltInScalar() && type->name.rfind("__", 0) != 0)
            parts.push_back(printType(*type));
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "\n\n" : "") + parts[i];
    return out;
}

} // namespace triptych::graphql
