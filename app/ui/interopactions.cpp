#include "app/ui/interopactions.h"

#include "app/interop/curlimport.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/panerow.h"
#include "app/ui/restpane.h"

#include <QMainWindow>
#include <QMessageBox>

namespace triptych::ui {

InteropActions::InteropActions(PaneRow *panes, WorkspaceController *workspace, QMainWindow *window)
    : QObject(window)
    , m_panes(panes)
    , m_workspace(workspace)
    , m_window(window) {
    // Queued: the pane's URL field is still inside its own signal when the command arrives.
    connect(panes->restPane(), &RestPane::curlCommandEntered, this, &InteropActions::importCurlCommand,
            Qt::QueuedConnection);
}

void InteropActions::importCurlCommand(const QString &command) {
    const interop::ImportResult result = interop::importCurl(command, tr("pasted text"));
    QStringList findings;
    for (const auto &diagnostic : result.diagnostics)
        findings.append(diagnostic.message);
    if (!result.ok() || result.requests.isEmpty()) {
        Q_EMIT message(tr("The curl command could not be read: %1").arg(findings.value(0)));
        showFindings(true, tr("The curl command could not be read:"), findings);
        return;
    }
    const workspace::RequestDocument &document = result.requests.first().document;
    ComposerPane *pane = m_panes->restPane();
    if (document.style == workspace::RequestStyle::GraphQL)
        pane = m_panes->graphqlPane();
    pane->loadDocument(document);
    pane->focusComposer();
    const QString what = tr("Imported the curl command into the %1 pane").arg(pane->title()->text());
    if (findings.isEmpty()) {
        Q_EMIT message(what);
        return;
    }
    // Each option it could not keep is named: the status line says how many, the message which.
    Q_EMIT message(tr("%1; %n part(s) not taken or changed: %2", nullptr, int(findings.size()))
                       .arg(what, findings.join(QStringLiteral("; "))));
    showFindings(false, tr("%1. Not taken as written:").arg(what), findings);
}

void InteropActions::showFindings(bool failed, const QString &text, const QStringList &findings) {
    // Not exec(): the window never waits in a nested event loop.
    auto *box = new QMessageBox(failed ? QMessageBox::Warning : QMessageBox::Information, tr("Paste a curl command"),
                                text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("curlFindings"));
    box->setInformativeText(findings.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace triptych::ui
