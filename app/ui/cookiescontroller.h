#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace triptych::session {
class EnvironmentCookies;
}

namespace triptych::ui {

class PaneRow;
class WorkspaceController;

// Gives the panes the active environment's cookie session, keeps the jar's file up to date after each call, and
// offers Environment ▸ Cookies… (the dialog, cookiesdialog.h).
class CookiesController : public QObject {
    Q_OBJECT
public:
    CookiesController(WorkspaceController *workspace, PaneRow *panes, QWidget *window);

    QAction *cookiesAction() const { return m_action; }
    session::EnvironmentCookies *cookies() const { return m_cookies; }
    void showDialog();

Q_SIGNALS:
    void message(const QString &text);

private:
    void onEnvironmentChanged();

    WorkspaceController *m_workspace;
    PaneRow *m_panes;
    QWidget *m_window;
    session::EnvironmentCookies *m_cookies;
    QAction *m_action;
};

} // namespace triptych::ui
