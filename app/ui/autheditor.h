#pragma once

#include "app/workspace/requestdocument.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLineEdit;

namespace triptych::ui {

// A saved request's HTTP auth (docs/workspace.md, `auth`): none, Basic (user, password), Bearer (token) or an API
// key (its header or query parameter name, its value, where it goes). Every kind's fields are kept, so switching the
// kind and back loses nothing; only the chosen kind's rows are shown.
class AuthEditor : public QWidget {
    Q_OBJECT
public:
    explicit AuthEditor(QWidget *parent = nullptr);

    void setAuth(const workspace::RequestAuth &auth);
    workspace::RequestAuth auth() const;

    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLineEdit *keyNameEdit() const { return m_keyName; }
    QLineEdit *keyValueEdit() const { return m_keyValue; }
    QComboBox *keyPlacementBox() const { return m_keyIn; }

private:
    void showRowsOf(int kind);

    QFormLayout *m_layout;
    QComboBox *m_kind;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_token;
    QLineEdit *m_keyName;
    QLineEdit *m_keyValue;
    QComboBox *m_keyIn;
};

} // namespace triptych::ui
