#pragma once

#include "app/workspace/diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// The workspace's small files besides requests (docs/workspace.md): environments/<name>.yaml, workspace.yaml at the
// root and folder.yaml in a collection folder.
namespace triptych::workspace {

// A {{name}}: letters, digits, '_', '-' and '.', starting with a letter or '_'.
bool isValidVariableName(QStringView name);

// A secret's value is never written to the workspace: the file says `secret: true`, the value lives in a SecretStore.
struct Variable {
    QString name;
    QString value;
    bool secret = false;
    bool operator==(const Variable &) const = default;
};

struct Environment {
    QString name; // the file's name without .yaml
    QList<Variable> variables;

    const Variable *find(QStringView variable) const;
    bool operator==(const Environment &) const = default;
};

// workspace.yaml: the workspace's name, variables every environment starts from, and the order of the root's entries.
struct WorkspaceSettings {
    QString name;
    QList<Variable> variables;
    QStringList order; // entry names (folder names, request file names) in display order
    bool operator==(const WorkspaceSettings &) const = default;
};

template <typename T> struct ReadResult {
    T value;
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

QByteArray writeEnvironment(const Environment &environment);
ReadResult<Environment> readEnvironment(const QByteArray &bytes, const QString &name, const QString &file);

QByteArray writeWorkspaceSettings(const WorkspaceSettings &settings);
ReadResult<WorkspaceSettings> readWorkspaceSettings(const QByteArray &bytes, const QString &file);

// folder.yaml: the order of a collection folder's entries.
QByteArray writeFolderOrder(const QStringList &order);
ReadResult<QStringList> readFolderOrder(const QByteArray &bytes, const QString &file);

} // namespace triptych::workspace

Q_DECLARE_METATYPE(triptych::workspace::Environment)
