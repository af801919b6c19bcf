#pragma once

#include <QList>
#include <QString>

namespace triptych::editor {

enum class CompletionKind { Field, Argument, InputField, EnumValue, Variable, Fragment, Directive, Type, Keyword };

// One entry of a completion list: what is shown (label, its type or kind, the description) and what replaces the
// word at the cursor.
struct CompletionItem {
    CompletionKind kind = CompletionKind::Field;
    QString label;
    QString detail;        // the type ("[Order!]!"), "on Customer" for a fragment, the kind for a type name
    QString documentation; // the schema's description
    QString insertText;    // label, or "name: " for arguments and input fields
    bool deprecated = false;
    bool operator==(const CompletionItem &) const = default;
};

// The entries for the cursor, and the word before it that an accepted entry replaces.
struct Completion {
    int replaceStart = 0; // offset in the document (UTF-16) where the typed prefix starts
    QString prefix;
    QList<CompletionItem> items;
};

QString toString(CompletionKind kind);

} // namespace triptych::editor
