#include "app/editor/editorschema.h"

#include "server/graphql/schema/clientschema.h"
#include "server/graphql/schema/schemaprinter.h"

#include <QFile>

namespace triptych::editor {
namespace {

QString firstError(const graphql::SchemaResult &result) {
    return result.errors.empty() ? QStringLiteral("the schema is invalid")
                                 : QString::fromStdString(result.errors.front());
}

} // namespace

EditorSchema EditorSchema::fromSdl(const QByteArray &sdl, QString *error) {
    graphql::SchemaResult result = graphql::Schema::fromSdl(std::string_view(sdl.constData(), sdl.size()));
    if (!result.ok()) {
        *error = QStringLiteral("Invalid SDL: %1").arg(firstError(result));
        return {};
    }
    return EditorSchema(std::move(result.schema));
}

EditorSchema EditorSchema::fromIntrospection(const QByteArray &json, QString *error) {
    graphql::SchemaResult result = graphql::buildClientSchema(std::string_view(json.constData(), json.size()));
    if (!result.ok()) {
        *error = firstError(result);
        return {};
    }
    return EditorSchema(std::move(result.schema));
}

EditorSchema EditorSchema::fromFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray text = file.readAll();
    return text.trimmed().startsWith('{') ? fromIntrospection(text, error) : fromSdl(text, error);
}

int EditorSchema::typeCount() const {
    return m_schema ? static_cast<int>(m_schema->types().size()) : 0;
}

QByteArray EditorSchema::toSdl() const {
    return m_schema ? QByteArray::fromStdString(graphql::printSchema(*m_schema)) : QByteArray();
}

} // namespace triptych::editor
