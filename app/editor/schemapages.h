#pragma once

#include "app/editor/editorschema.h"

#include <QList>
#include <QString>

namespace triptych::editor {

// One row of the schema explorer: a type (on the start page and in search results), a field with its arguments,
// an input field, an enum value, or a member of a union or interface.
struct ExplorerRow {
    enum class Kind { Type, Field, InputField, EnumValue, PossibleType };
    Kind kind = Kind::Type;
    QString owner; // the type the row belongs to ("" for a type row)
    QString name;
    QString signature; // "orders(first: Int = 10, status: OrderStatus)" for a field with arguments, else the name
    QString type;      // as written ("[Order!]!"), or the kind for a type row
    QString target;    // the named type a click on the type goes to
    QString description;
    QString deprecationReason; // empty when not deprecated
    bool operator==(const ExplorerRow &) const = default;
};

// A page of the explorer, as a docs browser shows it.
struct ExplorerPage {
    QString title; // the type name, or "Schema"
    QString kind;  // "type", "interface", "enum" …
    QString description;
    QStringList implements;
    QList<ExplorerRow> rows;
};

// typeName empty: the start page, root types first, then every other type by name (introspection's own left out).
ExplorerPage explorerPage(const EditorSchema &schema, const QString &typeName);
// Types and fields whose names contain `text` (case-insensitive); types first.
QList<ExplorerRow> searchSchema(const EditorSchema &schema, const QString &text, int limit = 200);
// What a click on a field inserts: its name with its required arguments ("user(id: )"), and "{ }" when the field
// needs a selection.
QString fieldInsertion(const EditorSchema &schema, const QString &typeName, const QString &fieldName);

} // namespace triptych::editor
