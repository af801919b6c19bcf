#include "app/editor/schemacache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace triptych::editor::schemacache {

QString store(const QString &workspaceFolder, const EditorSchema &schema, QString *error) {
    if (workspaceFolder.isEmpty() || schema.isNull()) {
        *error = QStringLiteral("no workspace or no schema to cache");
        return {};
    }
    const QByteArray sdl = schema.toSdl();
    // 32 hex digits of SHA-256 keep names short and collisions out of reach.
    const QString name =
        QString::fromLatin1(QCryptographicHash::hash(sdl, QCryptographicHash::Sha256).toHex().left(32)) +
        QStringLiteral(".graphql");
    const QString reference = folder() + QLatin1Char('/') + name;
    const QDir root(workspaceFolder);
    const QString path = root.filePath(reference);
    if (QFileInfo::exists(path))
        return reference;
    if (!root.mkpath(folder())) {
        *error = QStringLiteral("Cannot create %1").arg(root.filePath(folder()));
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sdl) != sdl.size() || !file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    return reference;
}

Cached load(const QString &workspaceFolder, const QString &reference, QString *error) {
    const QString prefix = folder() + QLatin1Char('/');
    const QString name = reference.mid(prefix.size());
    if (!reference.startsWith(prefix) || name.isEmpty() || name.contains(QLatin1Char('/')) ||
        name.contains(QLatin1Char('\\')) || name.startsWith(QLatin1Char('.'))) {
        *error = QStringLiteral("the cached schema %1 is not in %2").arg(reference, folder());
        return {};
    }
    const QString path = QDir(workspaceFolder).filePath(reference);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the cached schema %1: %2").arg(path, file.errorString());
        return {};
    }
    Cached cached;
    cached.schema = EditorSchema::fromSdl(file.readAll(), error);
    cached.cachedAt = QFileInfo(file).lastModified();
    return cached;
}

} // namespace triptych::editor::schemacache
