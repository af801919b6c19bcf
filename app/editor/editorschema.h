#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <memory>

namespace triptych::graphql {
class Schema;
}

namespace triptych::editor {

// The GraphQL engine's schema as the editor holds it: built once (from SDL or an introspection result), then
// shared read-only between the GUI thread and validation workers. Null when no schema is known; the editor then
// checks syntax only. The engine's headers stay out of this one, so widgets never see server/.
class EditorSchema {
public:
    EditorSchema() = default;

    // SDL text (a .graphql file, or GET /graphql/schema.graphql).
    static EditorSchema fromSdl(const QByteArray &sdl, QString *error);
    // A response to the introspection query, or its `__schema` object.
    static EditorSchema fromIntrospection(const QByteArray &json, QString *error);
    // A file: JSON (introspection) when it starts with `{`, SDL otherwise.
    static EditorSchema fromFile(const QString &path, QString *error);

    bool isNull() const { return !m_schema; }
    const graphql::Schema *engine() const { return m_schema.get(); }
    int typeCount() const;
    // The schema as graphql-js's printSchema() writes it (for caching with a saved request).
    QByteArray toSdl() const;

private:
    explicit EditorSchema(std::shared_ptr<const graphql::Schema> schema)
        : m_schema(std::move(schema)) {}

    std::shared_ptr<const graphql::Schema> m_schema;
};

} // namespace triptych::editor

Q_DECLARE_METATYPE(triptych::editor::EditorSchema)
