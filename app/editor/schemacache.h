#pragma once

#include "app/editor/editorschema.h"

#include <QDateTime>
#include <QString>

namespace triptych::editor {

// A GraphQL schema kept beside a saved request for offline work (docs/editor.md): its SDL in the workspace's local
// state, `.triptych/schemas/<hash>.graphql`, named by the SDL's SHA-256 so that requests sharing a schema share one
// file; the request refers to it by that relative path.
namespace schemacache {

inline QString folder() {
    return QStringLiteral(".triptych/schemas");
}

// Writes the schema under `workspaceFolder` unless the same one is there already; the relative path to put in the
// request, or empty with `error` set.
QString store(const QString &workspaceFolder, const EditorSchema &schema, QString *error);

struct Cached {
    EditorSchema schema;
    QDateTime cachedAt; // when the file was written (local time)
};
// The schema a request refers to; a null schema and `error` when the file is missing or unreadable. References
// that leave the cache folder are refused, since a request file may come from anyone.
Cached load(const QString &workspaceFolder, const QString &reference, QString *error);

} // namespace schemacache
} // namespace triptych::editor
