#include "app/ui/cookiescontroller.h"

#include "app/session/activeenvironment.h"
#include "app/session/environmentcookies.h"
#include "app/ui/composerpane.h"
#include "app/ui/cookiesdialog.h"
#include "app/ui/panerow.h"
#include "app/ui/workspacecontroller.h"

#include <QAction>

namespace triptych::ui {

CookiesController::CookiesController(WorkspaceController *workspace, PaneRow *panes, QWidget *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_panes(panes)
    , m_window(window)
    , m_cookies(new session::EnvironmentCookies(this))
    , m_action(new QAction(tr("Coo&kies…"), this)) {
    m_action->setToolTip(tr("The active environment's cookies: what servers set and the next request sends"));
    connect(m_action, &QAction::triggered, this, &CookiesController::showDialog);
    connect(workspace->environment(), &session::ActiveEnvironment::environmentChanged, this,
            &CookiesController::onEnvironmentChanged);
    connect(workspace, &WorkspaceController::workspaceOpened, this, &CookiesController::onEnvironmentChanged);
    connect(m_cookies, &session::EnvironmentCookies::saveFailed, this, &CookiesController::message);
    for (auto *pane : panes->panes()) {
        // A call may have set cookies: read the jar and save it when it changed.
        connect(pane, &ComposerPane::callCompleted, this, [this](const client::CallRecord &record) {
            if (record.kind == client::CallKind::Rest || record.kind == client::CallKind::GraphQL)
                m_cookies->refresh();
        });
    }
    onEnvironmentChanged();
}

void CookiesController::onEnvironmentChanged() {
    const auto *open = m_workspace->workspace();
    m_cookies->select(open ? open->root() : QString(), m_workspace->environment()->current());
    for (auto *pane : m_panes->panes())
        pane->setCookieSession(m_cookies->session());
}

void CookiesController::showDialog() {
    auto *dialog = new CookiesDialog(m_cookies, m_workspace->environment()->current(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace triptych::ui
