#pragma once

#include "app/editor/editorschema.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace triptych::editor {

// One error of a document: the engine's message at its first location (1-based line, column in UTF-16 units,
// as graphql-js reports them and as QTextBlock positions count).
struct GraphQLDiagnostic {
    int line = 0;
    int column = 0;
    QString message;
    bool operator==(const GraphQLDiagnostic &) const = default;
};

// The syntax error, or with a schema every validation error in the engine's order (graphql-js's messages);
// without a schema only syntax is checked. An empty list: the document is valid.
QList<GraphQLDiagnostic> diagnoseGraphQL(const EditorSchema &schema, const QString &document);

// The document printed by the engine (graphql-js's print()); nullopt when it does not parse or holds type
// definitions. Comments are dropped, as graphql-js drops them.
std::optional<QString> prettifyGraphQL(const QString &document);

// A JSON object with one entry per variable of the operation (the named one, or the first): defaults where the
// document gives them, otherwise a placeholder of the variable's type (input objects with their required fields).
QByteArray variablesSkeleton(const EditorSchema &schema, const QString &document, const QString &operationName = {});

} // namespace triptych::editor
