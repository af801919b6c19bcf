#include "app/ui/secretdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace triptych::ui {

SecretDialog::SecretDialog(const QList<Secret> &secrets, QWidget *parent)
    : QDialog(parent)
    , m_secrets(secrets)
    , m_secret(new QComboBox(this))
    , m_value(new QLineEdit(this)) {
    setWindowTitle(tr("Enter a secret value"));
    for (const auto &secret : secrets)
        m_secret->addItem(secret.label);
    m_value->setEchoMode(QLineEdit::Password);
    auto *note = new QLabel(tr("Kept in the system keyring (or an owner-only file in your data folder when no keyring "
                               "runs), never in the workspace folder."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("Secret"), m_secret);
    layout->addRow(tr("Value"), m_value);
    layout->addRow(note);
    layout->addRow(buttons);
}

SecretDialog::Secret SecretDialog::secret() const {
    return m_secrets.value(m_secret->currentIndex());
}

QString SecretDialog::value() const {
    return m_value->text();
}

} // namespace triptych::ui
