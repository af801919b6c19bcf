#include "app/ui/interopactions.h"

#include "app/interop/curlexport.h"
#include "app/interop/curlimport.h"
#include "app/interop/grpcurlexport.h"
#include "app/interop/urlimport.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/grpcpane.h"
#include "app/ui/panerow.h"
#include "app/ui/restpane.h"
#include "app/ui/workspacecontroller.h"
#include "app/workspace/requestconversion.h"
#include "app/workspace/workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {

constexpr int kSummaryWidthPx = 640;
constexpr int kSummaryHeightPx = 420;

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

QString summaryText(const interop::ImportSummary &summary) {
    QString text;
    if (!summary.requests.isEmpty())
        text += QObject::tr("Came in:\n  %1\n").arg(summary.requests.join(QStringLiteral("\n  ")));
    for (const QString &environment : summary.environments)
        text += QObject::tr("  environment  environments/%1.yaml\n").arg(environment);
    if (!summary.skipped.isEmpty()) {
        text += QObject::tr("\nSkipped or changed (%1):\n  %2\n")
                    .arg(summary.skipped.size())
                    .arg(summary.skipped.join(QStringLiteral("\n  ")));
    }
    if (!summary.ok())
        text += QObject::tr("\n%1\n").arg(summary.error);
    return text;
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

InteropActions::~InteropActions() {
    if (m_thread) {
        m_cancel->store(true); // it stops before its next file
        m_thread->wait();      // a QThread must not be destroyed while it runs; the import only writes files
        delete m_thread;
    }
}

void InteropActions::addFileActions(QMenu *file) {
    file->addAction(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &InteropActions::chooseFileToImport);
    file->addAction(tr("Import from &URL…"), this, &InteropActions::chooseUrlToImport);
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

void InteropActions::chooseFileToImport() {
    if (!m_workspace->workspace()) {
        askForWorkspace();
        return;
    }
    auto *dialog = new QFileDialog(m_window, tr("Import into %1").arg(m_workspace->workspace()->root()));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Collections, API descriptions, captures (*.json *.yaml *.yml *.har *.txt *.sh *.curl "
                               "*.protoset *.pb *.bin)"),
                            tr("All files (*)")});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &InteropActions::importFile);
    dialog->open();
}

void InteropActions::chooseUrlToImport() {
    if (!m_workspace->workspace()) {
        askForWorkspace();
        return;
    }
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("importUrl"));
    dialog->setWindowTitle(tr("Import from URL"));
    dialog->setLabelText(tr("The URL of an OpenAPI document (such as http://127.0.0.1:8080/openapi.json), a Postman "
                            "collection, a HAR capture …"));
    dialog->setTextValue(QStringLiteral("http://"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        if (interop::isImportUrl(text.trimmed()))
            importFile(text.trimmed());
        else
            Q_EMIT message(tr("Not imported: %1 is not an http:// or https:// URL").arg(text));
    });
    dialog->open();
}

void InteropActions::askForWorkspace() {
    auto *box = new QMessageBox(QMessageBox::Question, tr("Import"),
                                tr("An import goes into a workspace, and none is open. Open one or make a new one, "
                                   "then choose File ▸ Import… again."),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("importNeedsWorkspace"));
    auto *open = box->addButton(tr("Open workspace…"), QMessageBox::AcceptRole);
    auto *create = box->addButton(tr("New workspace…"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, open, create](QAbstractButton *button) {
        if (button == open)
            m_workspace->chooseWorkspaceToOpen();
        else if (button == create)
            m_workspace->chooseWorkspaceToCreate();
    });
    box->open();
}

void InteropActions::importFile(const QString &file) {
    if (!m_workspace->workspace() || m_thread)
        return;
    const QString root = m_workspace->workspace()->root();
    auto summary = std::make_shared<interop::ImportSummary>();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_busy = new QProgressDialog(tr("Reading %1…").arg(QFileInfo(file).fileName()), tr("Cancel"), 0, 0, m_window);
    interop::ImportControl control;
    control.cancel = m_cancel.get();
    // From the worker: a queued call per 1 % (and the first), so 5,000 files do not flood the event queue.
    // `this` outlives the thread (the destructor waits for it); the dialog may be gone by the time a call arrives.
    control.progress = [this, file](qsizetype done, qsizetype total) {
        if (done != 0 && done % std::max<qsizetype>(1, total / 100) != 0)
            return;
        QMetaObject::invokeMethod(this, [this, done, total, file] {
            if (!m_busy)
                return;
            m_busy->setLabelText(
                tr("Writing %1 of %2 requests from %3…").arg(done).arg(total).arg(QFileInfo(file).fileName()));
            m_busy->setMaximum(int(total));
            m_busy->setValue(int(done));
        });
    };
    // The thread holds the flag it reads, whatever happens to m_cancel.
    m_thread = QThread::create([file, root, summary, control, cancel = m_cancel] {
        *summary = interop::importIntoWorkspace(file, root, std::nullopt, interop::NewWorkspace::Refuse, control);
    });
    connect(m_thread, &QThread::finished, this, [this, summary] {
        m_thread->deleteLater();
        m_thread = nullptr;
        onImportFinished(*summary);
    });
    connect(m_busy, &QProgressDialog::canceled, this, [this] {
        m_cancel->store(true);
        Q_EMIT message(tr("Cancelling the import…"));
    });
    m_busy->setObjectName(QStringLiteral("importBusy"));
    m_busy->setWindowTitle(tr("Import"));
    m_busy->setMinimumDuration(0);
    m_busy->setAutoReset(false);
    m_busy->setAutoClose(false);
    m_busy->setAttribute(Qt::WA_DeleteOnClose);
    m_busy->show();
    Q_EMIT message(tr("Importing %1…").arg(QFileInfo(file).fileName()));
    m_thread->start();
}

void InteropActions::onImportFinished(const interop::ImportSummary &summary) {
    if (m_busy)
        m_busy->close();
    if (auto *workspace = m_workspace->workspace(); workspace && !summary.collection.isEmpty())
        workspace->rescan(); // the Collections tree shows the new folder
    Q_EMIT message(summary.ok() ? tr("Imported %n request(s) from %1 into %2", nullptr, int(summary.requests.size()))
                                      .arg(QFileInfo(summary.file).fileName(), summary.collection)
                                : summary.error);
    showSummary(summary);
    Q_EMIT importFinished(summary);
}

void InteropActions::showSummary(const interop::ImportSummary &summary) {
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("importSummary"));
    dialog->setWindowTitle(tr("Import of %1").arg(QFileInfo(summary.file).fileName()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    const QString where =
        summary.collection.isEmpty() ? tr("the workspace") : tr("the folder %1").arg(summary.collection);
    layout->addWidget(new QLabel(tr("%n request(s) and %1 environment(s) came in from %2 (%3) into %4; %5 finding(s).",
                                    nullptr, int(summary.requests.size()))
                                     .arg(summary.environments.size())
                                     .arg(QFileInfo(summary.file).fileName(), summary.format, where)
                                     .arg(summary.skipped.size()),
                                 dialog));
    auto *text = new QPlainTextEdit(summaryText(summary), dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth); // a finding names the file: a long line
    layout->addWidget(text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, dialog);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    layout->addWidget(buttons);
    dialog->resize(kSummaryWidthPx, kSummaryHeightPx);
    dialog->open();
}

} // namespace triptych::ui
