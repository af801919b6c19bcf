#pragma once

#include <string>

namespace triptych::tests {

// A generated schema of `typeCount` named types that uses every kind of definition: interfaces, objects with
// arguments and default values, unions, enums, input objects (one of them @oneOf), custom scalars with
// @specifiedBy, deprecations, descriptions (block and single-line) and a repeatable custom directive. Types refer
// to each other in a ring, so every one is reachable from Query. Deterministic: the same count gives the same text.
inline std::string largeSchemaSdl(int typeCount = 5000) {
    const int groups = typeCount / 5; // interface, object, union, enum, input per group
    std::string sdl =
        "\"\"\"A generated schema for the editor's tests and benchmarks.\"\"\"\nschema { query: Query }\n\n";
    sdl += "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | FIELD\n\n";
    sdl += "\"An opaque cursor\"\nscalar Cursor @specifiedBy(url: \"https://example.com/cursor\")\n\n";
    sdl += "type Query {\n";
    for (int g = 0; g < groups; g += 97)
        sdl += "  node" + std::to_string(g) + "(id: ID!, filter: Input" + std::to_string(g) + "): Node" +
               std::to_string(g) + "\n";
    sdl += "  search(text: String = \"*\", first: Int = 10): [Result0!]!\n}\n\n";
    for (int g = 0; g < groups; ++g) {
        const std::string n = std::to_string(g), next = std::to_string((g + 1) % groups);
        sdl += "\"\"\"\nThe node interface number " + n + ".\n  Indented second line.\n\"\"\"\n";
        sdl += "interface Named" + n + " {\n  name: String!\n  id: ID!\n}\n\n";
        sdl += "\"Object " + n + "\"\ntype Node" + n + " implements Named" + n + " @tag(name: \"n\") {\n";
        sdl += "  id: ID!\n  name: String!\n  \"The next node in the ring\"\n  next(first: Int = 3, after: Cursor, "
               "order: Kind" +
               n + " = A" + n + "): [Node" + next + "!]\n";
        sdl += "  old: String @deprecated(reason: \"Use `name`.\")\n  older: Int @deprecated\n";
        sdl += "  kind: Kind" + n + "\n  weight(unit: String = \"kg\", input: Input" + n + "): Float\n}\n\n";
        sdl += "union Result" + n + " = Node" + n + " | Node" + next + "\n\n";
        sdl += "enum Kind" + n + " {\n  \"First\"\n  A" + n + "\n  B" + n + " @deprecated(reason: \"gone\")\n  C" + n +
               "\n}\n\n";
        sdl += std::string("input Input") + n + (g % 50 == 0 ? " @oneOf" : "") + " {\n  name: String" +
               (g % 50 == 0 ? "" : " = \"x\"") + "\n  kinds: [Kind" + n + "!]\n  nested: Input" + next + "\n}\n\n";
    }
    return sdl;
}

} // namespace triptych::tests
