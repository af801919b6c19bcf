#include "app/ui/autheditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace triptych::ui {

AuthEditor::AuthEditor(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
    , m_kind(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_keyName(new QLineEdit(this))
    , m_keyValue(new QLineEdit(this))
    , m_keyIn(new QComboBox(this)) {
    // In the order of workspace::AuthKind and ApiKeyPlacement.
    m_kind->addItems({tr("None"), tr("Basic"), tr("Bearer token"), tr("API key")});
    m_kind->setAccessibleName(tr("Auth kind"));
    m_keyIn->addItems({tr("a header"), tr("a query parameter")});
    m_keyIn->setAccessibleName(tr("Where the API key goes"));
    m_user->setAccessibleName(tr("Basic auth user"));
    m_password->setAccessibleName(tr("Basic auth password"));
    m_password->setPlaceholderText(tr("{{password}} keeps it in an environment"));
    m_token->setAccessibleName(tr("Bearer token"));
    m_token->setPlaceholderText(tr("{{token}}"));
    m_keyName->setAccessibleName(tr("API key name"));
    m_keyValue->setAccessibleName(tr("API key value"));
    m_keyValue->setPlaceholderText(tr("{{apiKey}}"));
    m_layout->addRow(tr("Kind"), m_kind);
    m_layout->addRow(tr("User"), m_user);
    m_layout->addRow(tr("Password"), m_password);
    m_layout->addRow(tr("Token"), m_token);
    m_layout->addRow(tr("Key name"), m_keyName);
    m_layout->addRow(tr("Key value"), m_keyValue);
    m_layout->addRow(tr("Sent in"), m_keyIn);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AuthEditor::showRowsOf);
    setAuth({});
}

void AuthEditor::setAuth(const workspace::RequestAuth &auth) {
    m_kind->setCurrentIndex(int(auth.kind));
    m_user->setText(auth.user);
    m_password->setText(auth.password);
    m_token->setText(auth.token);
    m_keyName->setText(auth.apiKeyName);
    m_keyValue->setText(auth.apiKeyValue);
    m_keyIn->setCurrentIndex(int(auth.apiKeyIn));
    showRowsOf(m_kind->currentIndex());
}

workspace::RequestAuth AuthEditor::auth() const {
    workspace::RequestAuth auth;
    auth.kind = workspace::AuthKind(m_kind->currentIndex());
    auth.user = m_user->text();
    auth.password = m_password->text();
    auth.token = m_token->text();
    auth.apiKeyName = m_keyName->text();
    auth.apiKeyValue = m_keyValue->text();
    auth.apiKeyIn = workspace::ApiKeyPlacement(m_keyIn->currentIndex());
    return auth;
}

void AuthEditor::showRowsOf(int kind) {
    const auto chosen = workspace::AuthKind(kind);
    const bool basic = chosen == workspace::AuthKind::Basic;
    const bool key = chosen == workspace::AuthKind::ApiKey;
    m_layout->setRowVisible(m_user, basic);
    m_layout->setRowVisible(m_password, basic);
    m_layout->setRowVisible(m_token, chosen == workspace::AuthKind::Bearer);
    m_layout->setRowVisible(m_keyName, key);
    m_layout->setRowVisible(m_keyValue, key);
    m_layout->setRowVisible(m_keyIn, key);
}

} // namespace triptych::ui
