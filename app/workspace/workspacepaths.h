#pragma once

#include "app/workspace/workspacelisting.h"

#include <QString>

// Relative paths inside a workspace: '/'-separated, "" for the root.
namespace triptych::workspace::paths {

inline QString parentOf(const QString &path) {
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

inline QString lastPart(const QString &path) {
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

inline QString join(const QString &folder, const QString &name) {
    return folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
}

// True for the folder itself and everything under it.
inline bool isInside(const QString &path, const QString &folder) {
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}

inline QString environmentsFolder() {
    return QString::fromUtf16(workspacefiles::kEnvironments);
}

inline QString environmentFile(const QString &name) {
    return environmentsFolder() + QLatin1Char('/') + name + QStringLiteral(".yaml");
}

// The file that keeps a folder's order: workspace.yaml for the root, folder.yaml elsewhere.
inline QString orderFile(const QString &folder) {
    return folder.isEmpty() ? QString::fromUtf16(workspacefiles::kSettings)
                            : join(folder, QString::fromUtf16(workspacefiles::kFolderOrder));
}

} // namespace triptych::workspace::paths
