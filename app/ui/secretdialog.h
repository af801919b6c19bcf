#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace triptych::ui {

// File ▸ Enter secret values…: the value of one secret variable of the active environment or of the workspace,
// typed without being shown; it is kept in the system keyring (or the owner-only secrets file), never in the
// workspace folder.
class SecretDialog : public QDialog {
    Q_OBJECT
public:
    // Each secret as its label ("token — environment staging") and what the caller needs to store it.
    struct Secret {
        QString label;
        QString environment; // "" for workspace.yaml
        QString name;
    };
    SecretDialog(const QList<Secret> &secrets, QWidget *parent = nullptr);

    Secret secret() const;
    QString value() const;
    QComboBox *secretBox() const { return m_secret; }
    QLineEdit *valueEdit() const { return m_value; }

private:
    QList<Secret> m_secrets;
    QComboBox *m_secret;
    QLineEdit *m_value;
};

} // namespace triptych::ui
