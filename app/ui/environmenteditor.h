#pragma once

#include "app/workspace/environment.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QLabel;
class QListWidget;
class QTableWidget;

namespace triptych::workspace {
class SecretStore;
class Workspace;
} // namespace triptych::workspace

namespace triptych::ui {

// File ▸ Edit environments… (the button beside the switcher, Ctrl+Alt+E): the workspace's environments
// (docs/workspace.md, "Environments and variables"). New, rename, duplicate and delete act on the files at once; the
// table of the selected environment (name, value, secret) is saved when another one is picked, on Save and on OK.
// A secret's value goes to the SecretStore (keyring or owner-only file), never into environments/<name>.yaml.
class EnvironmentEditor : public QDialog {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, SecretColumn };

    EnvironmentEditor(workspace::Workspace *workspace, workspace::SecretStore *secrets, const QString &selected,
                      QWidget *parent = nullptr);

    QListWidget *environmentList() const { return m_list; }
    QTableWidget *variableTable() const { return m_table; }
    QLabel *problemLabel() const { return m_problem; }
    QString currentEnvironment() const { return m_current; }
    bool isModified() const { return m_modified; }
    // The value column's text as painted: a secret's as dots.
    QString shownValue(int row) const;

    // Each false with the reason in problemLabel() (and nothing changed) when the name is taken or not allowed.
    bool createEnvironment(const QString &name);
    bool renameEnvironment(const QString &newName);
    bool duplicateEnvironment(const QString &newName);
    bool deleteEnvironment();
    void selectEnvironment(const QString &name);

    void addVariable(const QString &name = {}, const QString &value = {}, bool secret = false);
    void removeSelectedVariables();
    // Writes the table to the selected environment's file and its secret values to the SecretStore.
    bool saveCurrent();
    // The table as an environment, secret values included.
    workspace::Environment tableEnvironment() const;

Q_SIGNALS:
    // An environment file was written, renamed or removed: the switcher reads them again.
    void environmentsChanged();
    void environmentRenamed(const QString &from, const QString &to);
    void secretsStored(const QString &environment);
    void secretsFailed(const QString &environment, const QString &error);

protected:
    void done(int result) override;

private:
    QWidget *createListButtons();
    QWidget *createTableButtons();
    void showEnvironment(const workspace::Environment &environment);
    void onEnvironmentFilled(const workspace::Environment &environment);
    void onCurrentRowChanged();
    // Checks a new name: allowed as a file name and not taken.
    bool checkNewName(const QString &name);
    // Writes the file and stores the secret values; environmentsChanged unless `quiet`.
    bool writeEnvironment(const workspace::Environment &environment, bool quiet = false);
    void removeSecrets(const workspace::Environment &environment);
    void reloadList(const QString &select);
    // Asks for a name without blocking; `apply` gets it when the person presses OK.
    void askName(const QString &title, const QString &proposal, std::function<bool(const QString &)> apply);
    void setProblem(const QString &text);

    QPointer<workspace::Workspace> m_workspace;
    workspace::SecretStore *m_secrets;
    QListWidget *m_list;
    QTableWidget *m_table;
    QLabel *m_problem;
    QString m_current;
    bool m_modified = false;
    bool m_filling = false; // the table is being filled, not edited
};

} // namespace triptych::ui
