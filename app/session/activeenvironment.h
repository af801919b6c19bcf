#pragma once

#include "app/session/serverstate.h"
#include "app/workspace/environment.h"
#include "app/workspace/variableresolver.h"

#include <QObject>
#include <QPointer>

namespace triptych::workspace {
class SecretStore;
class Workspace;
} // namespace triptych::workspace

namespace triptych::session {

// The variables the window sends with (docs/workspace.md, "Environments and variables"): the open workspace's own,
// then the active environment — one of the workspace's files, or the built-in "Embedded server" one made from the
// ports and credentials the embedded server got, so saved requests work whatever port it has. Secret values come
// from the SecretStore, which may answer later; environmentChanged says when the resolver holds the new values.
class ActiveEnvironment : public QObject {
    Q_OBJECT
public:
    explicit ActiveEnvironment(workspace::SecretStore *secrets, QObject *parent = nullptr);

    static QString builtInName();

    // The open workspace (null: none). The active environment becomes `environment` when the workspace has one of
    // that name, else the built-in one.
    void setWorkspace(workspace::Workspace *workspace, const QString &environment = {});
    void setServer(const ServerState &state);

    // The built-in environment first, then the workspace's.
    QStringList names() const;
    QString current() const { return m_current; }
    // Makes `name` the active environment; environmentFailed when its file cannot be read.
    void select(const QString &name);
    // Reads the workspace's variables and the active environment again (their files changed).
    void reload();

    const workspace::VariableResolver &resolver() const { return m_resolver; }
    // Values a check's captures took from an answer (docs/checks.md): they win over every file's until the window
    // closes, whichever environment is active.
    void setRunValues(const QHash<QString, QString> &values);

Q_SIGNALS:
    void environmentChanged(const QString &name);
    void environmentFailed(const QString &name, const QString &error);
    void namesChanged();

private:
    void loadWorkspaceVariables();
    void applyBuiltIn();
    void onEnvironmentFilled(const workspace::Environment &environment);
    bool hasSecrets(const workspace::Environment &environment) const;

    workspace::SecretStore *m_secrets;
    QPointer<workspace::Workspace> m_workspace;
    workspace::VariableResolver m_resolver;
    ServerState m_server;
    QString m_current;
    QStringList m_names;
};

} // namespace triptych::session
