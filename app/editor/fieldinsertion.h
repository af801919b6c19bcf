#pragma once

#include "app/editor/editorschema.h"

#include <QString>

namespace triptych::editor {

// Where a field clicked in the schema explorer goes in the query, and as what (docs/editor.md): its name with its
// required arguments (`name: `) and `{ }` when it needs a selection. It goes at the cursor when the cursor stands in
// a selection of the field's type; otherwise into the selection set of that type nearest the cursor (found in the
// parsed document); a root type's field into a new operation when the document has none of that kind. When none
// fits, `position` is -1 and `why` says so, with the path from the root that would lead there.
struct FieldInsertion {
    int position = -1; // UTF-16 offset of the replaced range; -1: nowhere
    int length = 0;    // characters replaced (a half-typed name at the cursor)
    QString text;      // indented for the place
    int cursor = 0;    // where the cursor goes, as an offset in `text` (after the first `name: `, or in `{ }`)
    QString why;
    bool operator==(const FieldInsertion &) const = default;
};

FieldInsertion placeField(const EditorSchema &schema, const QString &document, int cursor, const QString &typeName,
                          const QString &fieldName);

// The query with the insertion applied, and where the cursor ends (for tests and for the pane alike).
QString applyInsertion(const QString &document, const FieldInsertion &insertion, int *cursor = nullptr);

} // namespace triptych::editor
