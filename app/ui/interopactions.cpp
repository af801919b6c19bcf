#include "app/ui/interopactions.h"

#include "app/interop/curlexport.h"
#include "app/interop/curlimport.h"
#include "app/interop/grpcurlexport.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/grpcpane.h"
#include "app/ui/panerow.h"
#include "app/ui/restpane.h"
#include "app/workspace/requestconversion.h"

#include <QApplication>
#include <QClipboard>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QUrl>

namespace triptych::ui {

namespace {

// The command for a resolved document: REST as the pane sends it (the URL normalised by QUrl, restpane.cpp),
// GraphQL over HTTP as curl, gRPC as grpcurl.
QString commandFor(const workspace::RequestDocument &document) {
    switch (document.style) {
    case workspace::RequestStyle::Rest: {
        client::RestRequest request = workspace::toRestRequest(document);
        request.url = QUrl(document.http.url).toString();
        return interop::toCurlCommand(request);
    }
    case workspace::RequestStyle::GraphQL:
        return interop::toCurlCommand(document);
    case workspace::RequestStyle::Grpc:
        return interop::toGrpcurlCommand(document);
    }
    return {};
}
} // namespace

InteropActions::InteropActions(PaneRow *panes, WorkspaceController *workspace, QMainWindow *window)
    : QObject(window)
    , m_panes(panes)
    , m_workspace(workspace)
    , m_window(window) {
    // Queued: the pane's URL field is still inside its own signal when the command arrives.
    connect(panes->restPane(), &RestPane::curlCommandEntered, this, &InteropActions::importCurlCommand,
            Qt::QueuedConnection);
}

void InteropActions::addRequestActions(QMenu *request) {
    auto *copy = request->addAction(tr("Copy as c&url / grpcurl"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this,
                                    &InteropActions::copyFocusedAsCommand);
    copy->setToolTip(tr("The focused pane's request as a curl command (REST, GraphQL) or a grpcurl command (gRPC)"));
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

bool InteropActions::copyFocusedAsCommand() {
    ComposerPane *pane = m_panes->focusedPane();
    QString problem;
    const auto document = pane->resolvedDocument(&problem);
    if (!document) {
        Q_EMIT message(tr("Nothing copied: %1").arg(problem));
        return false;
    }
    const QString command = commandFor(*document);
    if (command.isEmpty()) {
        Q_EMIT message(tr("Nothing copied: a GraphQL request over WebSocket has no curl form"));
        return false;
    }
    QGuiApplication::clipboard()->setText(command);
    const bool grpc = document->style == workspace::RequestStyle::Grpc;
    Q_EMIT message(tr("Copied the %1 request as a %2 command")
                       .arg(pane->title()->text(), grpc ? QStringLiteral("grpcurl") : QStringLiteral("curl")));
    return true;
}

} // namespace triptych::ui
