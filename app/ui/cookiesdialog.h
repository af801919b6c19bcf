#pragma once

#include <QDialog>

class QLabel;
class QTableView;

namespace triptych::model {
class CookieModel;
}
namespace triptych::session {
class EnvironmentCookies;
}

namespace triptych::ui {

// Environment ▸ Cookies…: the active environment's cookie jar as a table — what servers set and what the next request
// sends. Edit a cell, add, delete or clear: the jar changes at once and its file is saved.
class CookiesDialog : public QDialog {
    Q_OBJECT
public:
    CookiesDialog(session::EnvironmentCookies *cookies, const QString &environment, QWidget *parent = nullptr);

    model::CookieModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void addCookie();
    void deleteSelected();
    void clearAll();

private:
    session::EnvironmentCookies *m_cookies;
    model::CookieModel *m_model;
    QTableView *m_table;
    QLabel *m_where;
};

} // namespace triptych::ui
