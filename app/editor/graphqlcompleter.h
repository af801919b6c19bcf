#pragma once

#include "app/editor/completionitem.h"
#include "app/editor/editorschema.h"

namespace triptych::editor {

// What may be written at `position` (UTF-16 offset) of a GraphQL document, from the schema: the fields of the type
// at the cursor, arguments and their types, enum values, input object fields, variables of the operation, fragment
// names, directives valid there, type names in fragments and variable definitions, keywords at the top level.
// Entries start with the typed word (case-insensitively); fields keep the schema's order, type names are sorted.
Completion completeGraphQL(const EditorSchema &schema, const QString &document, int position);

// Variable names of the document's operations, for completion in the variables JSON editor.
QStringList variableNames(const QString &document);

// In the variables JSON: the query's variable names not yet given, as keys of the top-level object, each inserted
// as `"name": `.
Completion completeVariableNames(const QString &query, const QString &variablesJson, int position);

} // namespace triptych::editor
