#include "server/graphql/syntax/printer.h"

#include "server/graphql/validation/validationcontext.h"

#include <initializer_list>

namespace triptych::graphql {
namespace {

constexpr std::size_t kMaxLineLength = 80; // graphql-js's MAX_LINE_LENGTH: longer argument lists go one per line

// graphql-js's join(): the non-empty parts with a separator.
std::string join(std::initializer_list<std::string> parts, std::string_view separator) {
    std::string out;
    for (const std::string &part : parts) {
        if (part.empty())
            continue;
        if (!out.empty())
            out += separator;
        out += part;
    }
    return out;
}

// graphql-js's wrap(): nothing when the middle is empty.
std::string wrap(std::string_view start, const std::string &middle, std::string_view end = {}) {
    return middle.empty() ? std::string() : std::string(start) + middle + std::string(end);
}

std::string indent(const std::string &text) {
    std::string out = "  ";
    for (const char c : text)
        out += c == '\n' ? std::string("\n  ") : std::string(1, c);
    return out;
}

std::string printArguments(const std::vector<ArgumentNode> &args, std::string_view separator) {
    std::string out;
    for (const ArgumentNode &arg : args)
        out += (out.empty() ? "" : std::string(separator)) + arg.name + ": " + validation::printValue(arg.value);
    return out;
}

std::string printDirectives(const std::vector<DirectiveNode> &directives) {
    std::string out;
    for (const DirectiveNode &directive : directives)
        out += (out.empty() ? "@" : " @") + directive.name + wrap("(", printArguments(directive.arguments, ", "), ")");
    return out;
}

std::string printSelectionSet(const std::vector<SelectionNode> &selections);

std::string printSelection(const SelectionNode &selection) {
    const std::string directives = printDirectives(selection.directives);
    switch (selection.kind) {
    case SelectionKind::FragmentSpread:
        return "..." + selection.name + wrap(" ", directives);
    case SelectionKind::InlineFragment:
        return join(
            {"...", wrap("on ", selection.typeCondition), directives, printSelectionSet(selection.selectionSet)}, " ");
    case SelectionKind::Field:
        break;
    }
    const std::string prefix = wrap("", selection.alias, ": ") + selection.name;
    std::string argsLine = prefix + wrap("(", printArguments(selection.arguments, ", "), ")");
    if (argsLine.size() > kMaxLineLength)
        argsLine = prefix + wrap("(\n", indent(printArguments(selection.arguments, "\n")), "\n)");
    return join({argsLine, directives, printSelectionSet(selection.selectionSet)}, " ");
}

std::string printSelectionSet(const std::vector<SelectionNode> &selections) {
    if (selections.empty())
        return {};
    std::string body;
    for (const SelectionNode &selection : selections)
        body += (body.empty() ? "" : "\n") + printSelection(selection);
    return "{\n" + indent(body) + "\n}";
}

std::string printVariables(const std::vector<VariableDefinitionNode> &variables) {
    std::string out;
    for (const VariableDefinitionNode &variable : variables) {
        out += (out.empty() ? "$" : ", $") + variable.name + ": " + validation::printTypeNode(*variable.type);
        if (variable.defaultValue)
            out += " = " + validation::printValue(*variable.defaultValue);
        out += wrap(" ", printDirectives(variable.directives));
    }
    return wrap("(", out, ")");
}

std::string printOperation(const OperationDefinitionNode &op) {
    const std::string selectionSet = printSelectionSet(op.selectionSet);
    if (op.name.empty() && op.variables.empty() && op.directives.empty() && op.operation == OperationType::Query)
        return selectionSet;
    const char *keyword = op.operation == OperationType::Query      ? "query"
                          : op.operation == OperationType::Mutation ? "mutation"
                                                                    : "subscription";
    return join({keyword, op.name + printVariables(op.variables), printDirectives(op.directives)}, " ") + " " +
           selectionSet;
}

std::string printFragment(const FragmentDefinitionNode &fragment) {
    return "fragment " + fragment.name + " on " + fragment.typeCondition + " " +
           wrap("", printDirectives(fragment.directives), " ") + printSelectionSet(fragment.selectionSet);
}

} // namespace

std::optional<std::string> printDocument(const Document &document) {
    std::string out;
    for (const Document::Entry &entry : document.order) {
        if (!out.empty())
            out += "\n\n";
        if (entry.kind == DefinitionKind::Operation)
            out += printOperation(document.operations[entry.index]);
        else if (entry.kind == DefinitionKind::Fragment)
            out += printFragment(document.fragments[entry.index]);
        else
            return std::nullopt;
    }
    return out;
}

} // namespace triptych::graphql
