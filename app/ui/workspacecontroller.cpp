#include "app/ui/workspacecontroller.h"

#include "app/model/quickopenmodel.h"
#include "app/session/activeenvironment.h"
#include "app/session/recentworkspaces.h"
#include "app/session/sampleworkspace.h"
#include "app/ui/checkstab.h"
#include "app/ui/collectionsview.h"
#include "app/ui/composerpane.h"
#include "app/ui/environmentbox.h"
#include "app/ui/environmenteditor.h"
#include "app/ui/panedocuments.h"
#include "app/ui/panerow.h"
#include "app/ui/quickopendialog.h"
#include "app/ui/secretdialog.h"
#include "app/ui/variablemarker.h"
#include "app/workspace/secretstore.h"
#include "app/workspace/workspace.h"
#include "app/workspace/workspacepaths.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>

namespace triptych::ui {

namespace {
workspace::SecretStore::Options secretOptions(const WindowOptions &options) {
    workspace::SecretStore::Options secrets;
    secrets.fallbackFile = options.secretsFile;
    secrets.useKeyring = options.useKeyring;
    return secrets;
}
} // namespace

WorkspaceController::WorkspaceController(PaneRow *panes, const WindowOptions &options, QMainWindow *window)
    : QObject(window)
    , m_panes(panes)
    , m_window(window)
    , m_options(options)
    , m_secrets(new workspace::SecretStore(secretOptions(options), this))
    , m_environment(new session::ActiveEnvironment(m_secrets, this))
    , m_marker(new VariableMarker(m_environment, this))
    , m_documents(new PaneDocuments(panes, window))
    , m_collections(new CollectionsView(window))
    , m_environmentBox(new EnvironmentBox(m_environment, window))
    , m_editEnvironments(new QAction(tr("E&dit environments…"), this)) {
    m_editEnvironments->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_editEnvironments->setToolTip(tr("Create, rename and edit the workspace's environments (Ctrl+Alt+E)"));
    connect(m_editEnvironments, &QAction::triggered, this, &WorkspaceController::editEnvironments);
    for (auto *pane : panes->panes()) {
        pane->setVariableResolver(&m_environment->resolver());
        m_marker->watchPane(pane);
        connect(pane->checksTab(), &ChecksTab::variablesCaptured, m_environment,
                &session::ActiveEnvironment::setRunValues);
    }
    connect(m_environment, &session::ActiveEnvironment::environmentChanged, this,
            &WorkspaceController::onEnvironmentChanged);
    connect(m_environment, &session::ActiveEnvironment::environmentFailed, this,
            [this](const QString &name, const QString &error) {
                Q_EMIT message(tr("Environment %1 has problems: %2").arg(name, error));
            });
    connect(m_documents, &PaneDocuments::message, this, &WorkspaceController::message);
    connect(m_documents, &PaneDocuments::openPathsChanged, this, [this] {
        if (m_workspace && !m_restoringRequests)
            session::recentworkspaces::setOpenRequests(m_workspace->root(), m_documents->openPaths());
    });
    connect(m_collections, &CollectionsView::openRequested, m_documents, &PaneDocuments::openRequest);
    connect(m_collections, &CollectionsView::requestCreated, m_documents, &PaneDocuments::openRequest);
    connect(m_collections, &CollectionsView::pathChanged, m_documents, &PaneDocuments::onPathChanged);
    connect(m_collections, &CollectionsView::pathRemoved, m_documents, &PaneDocuments::onPathRemoved);
    connect(m_collections, &CollectionsView::failed, this, &WorkspaceController::message);
    connect(m_collections, &CollectionsView::sampleRequested, this, &WorkspaceController::openSample);
    connect(m_collections, &CollectionsView::newWorkspaceRequested, this,
            &WorkspaceController::chooseWorkspaceToCreate);
    connect(m_collections, &CollectionsView::openWorkspaceRequested, this, &WorkspaceController::chooseWorkspaceToOpen);
}

WorkspaceController::~WorkspaceController() = default;

void WorkspaceController::addFileActions(QMenu *file) {
    file->addAction(tr("&New workspace…"), this, &WorkspaceController::chooseWorkspaceToCreate);
    file->addAction(tr("&Open workspace…"), QKeySequence::Open, this, &WorkspaceController::chooseWorkspaceToOpen);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addAction(tr("Open the sa&mple workspace"), this, &WorkspaceController::openSample);
    file->addAction(tr("&Close workspace"), this,
                    [this] { m_documents->confirmDiscard(tr("Close the workspace"), [this] { closeWorkspace(); }); });
    file->addSeparator();
    file->addAction(tr("&Save request"), QKeySequence::Save, this, &WorkspaceController::saveFocused);
    file->addAction(tr("Save request &as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                    &WorkspaceController::saveFocusedAs);
    file->addAction(tr("Open saved re&quest…"), QKeySequence(Qt::CTRL | Qt::Key_P), this,
                    &WorkspaceController::quickOpen);
    file->addAction(tr("Switch &environment"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    &WorkspaceController::switchEnvironment);
    file->addAction(m_editEnvironments);
    file->addAction(tr("Enter secre&t values…"), this, &WorkspaceController::enterSecrets);
}

void WorkspaceController::rebuildRecentMenu() {
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = session::recentworkspaces::list();
    for (const QString &folder : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(folder), this,
                                [this, folder] { openWorkspaceAfterAsking(folder); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear the list"), this, [this] {
        session::recentworkspaces::clear();
        rebuildRecentMenu();
    });
}

void WorkspaceController::openWorkspaceAfterAsking(const QString &folder) {
    m_documents->confirmDiscard(tr("Open %1").arg(QDir::toNativeSeparators(folder)),
                                [this, folder] { openWorkspace(folder); });
}

bool WorkspaceController::openWorkspace(const QString &folder) {
    auto *opened = new workspace::Workspace(this);
    QString error;
    if (!opened->open(folder, &error)) {
        delete opened;
        Q_EMIT message(tr("Cannot open the workspace: %1").arg(error));
        return false;
    }
    closeWorkspace();
    m_workspace = opened;
    const QString root = opened->root();
    connect(opened, &workspace::Workspace::validationFinished, this, &WorkspaceController::onValidationFinished);
    connect(opened, &workspace::Workspace::changesDetected, this, &WorkspaceController::onChangesDetected);
    m_documents->setWorkspace(opened);
    m_collections->setWorkspace(opened);
    for (auto *pane : m_panes->panes())
        pane->setWorkspaceFolder(root);
    m_environment->setWorkspace(opened, session::recentworkspaces::environment(root));
    opened->setWatching(true);
    opened->validateInBackground();
    session::recentworkspaces::add(root);
    // The requests the panes showed when this workspace was last used.
    const QStringList wereOpen = session::recentworkspaces::openRequests(root);
    m_restoringRequests = true;
    for (const QString &path : wereOpen) {
        if (opened->indexOf(path) >= 0)
            m_documents->openRequest(path);
    }
    m_restoringRequests = false;
    rebuildRecentMenu();
    const QString name = opened->settings().value.name;
    m_window->setWindowTitle(tr("%1 — Triptych").arg(name.isEmpty() ? QFileInfo(root).fileName() : name));
    Q_EMIT message(tr("Opened the workspace %1").arg(QDir::toNativeSeparators(root)));
    Q_EMIT workspaceOpened(root);
    return true;
}

bool WorkspaceController::createWorkspace(const QString &folder) {
    const auto created = workspace::Workspace::create(folder, QFileInfo(folder).fileName());
    if (!created) {
        Q_EMIT message(tr("Cannot create the workspace: %1").arg(created.error));
        return false;
    }
    return openWorkspace(folder);
}

void WorkspaceController::closeWorkspace() {
    if (!m_workspace)
        return;
    m_documents->setWorkspace(nullptr);
    m_collections->setWorkspace(nullptr);
    m_environment->setWorkspace(nullptr);
    for (auto *pane : m_panes->panes())
        pane->setWorkspaceFolder({});
    m_workspace->close();
    m_workspace->deleteLater();
    m_workspace = nullptr;
    m_window->setWindowTitle(tr("Triptych"));
}

void WorkspaceController::openSample() {
    const QString preferred =
        m_options.sampleFolder.isEmpty() ? session::sampleworkspace::defaultFolder() : m_options.sampleFolder;
    QString error;
    const QString folder = session::sampleworkspace::openOrCopy(preferred, &error);
    if (folder.isEmpty()) {
        Q_EMIT message(tr("Cannot copy the sample workspace: %1").arg(error));
        return;
    }
    openWorkspaceAfterAsking(folder);
}

void WorkspaceController::reopenLast() {
    if (!m_options.reopenLastWorkspace || m_workspace)
        return;
    const QString last = session::recentworkspaces::last();
    if (!last.isEmpty())
        openWorkspace(last);
}

void WorkspaceController::setServer(const session::ServerState &state) {
    m_environment->setServer(state);
    m_marker->refresh();
}

void WorkspaceController::chooseWorkspaceToOpen() {
    auto *dialog = new QFileDialog(m_window, tr("Open a workspace folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, &WorkspaceController::openWorkspaceAfterAsking);
    dialog->open();
}

void WorkspaceController::chooseWorkspaceToCreate() {
    auto *dialog = new QFileDialog(m_window, tr("New workspace: choose or make an empty folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &folder) {
        m_documents->confirmDiscard(tr("Create a workspace"), [this, folder] { createWorkspace(folder); });
    });
    dialog->open();
}

void WorkspaceController::quickOpen() {
    if (!m_workspace) {
        Q_EMIT message(tr("Open a workspace to open its saved requests (File ▸ Open workspace…)"));
        return;
    }
    QList<model::QuickOpenItem> items;
    for (const auto &node : m_workspace->nodes()) {
        if (node.kind == workspace::WorkspaceNode::Kind::Request)
            items.append({node.path, node.name, workspace::paths::parentOf(node.path), node.style});
    }
    auto *dialog = new QuickOpenDialog(items, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QuickOpenDialog::requestChosen, m_documents, &PaneDocuments::openRequest);
    dialog->open();
}

void WorkspaceController::switchEnvironment() {
    m_environmentBox->openList();
}

void WorkspaceController::editEnvironments() {
    if (!m_workspace) {
        Q_EMIT message(tr("Open a workspace first: environments are files in it"));
        return;
    }
    auto *editor = new EnvironmentEditor(m_workspace, m_secrets, m_environment->current(), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    // The workspace does not report its own writes as outside changes: the switcher is told here.
    connect(editor, &EnvironmentEditor::environmentsChanged, m_environment, &session::ActiveEnvironment::reload);
    connect(editor, &EnvironmentEditor::secretsStored, m_environment, &session::ActiveEnvironment::reload);
    connect(editor, &EnvironmentEditor::secretsFailed, this, [this](const QString &name, const QString &error) {
        Q_EMIT message(tr("The secrets of %1 were not stored: %2").arg(name, error));
    });
    connect(editor, &EnvironmentEditor::environmentRenamed, this, [this](const QString &from, const QString &to) {
        if (m_environment->current() == from)
            m_environment->select(to);
    });
    editor->open();
}

void WorkspaceController::enterSecrets() {
    if (!m_workspace) {
        Q_EMIT message(tr("Open a workspace first: secrets belong to its environments"));
        return;
    }
    QList<SecretDialog::Secret> secrets;
    const QString environment = m_environment->current();
    if (environment != session::ActiveEnvironment::builtInName()) {
        for (const auto &variable : m_workspace->loadEnvironment(environment).value.variables) {
            if (variable.secret)
                secrets.append({tr("%1 — environment %2").arg(variable.name, environment), environment, variable.name});
        }
    }
    for (const auto &variable : m_workspace->settings().value.variables) {
        if (variable.secret)
            secrets.append({tr("%1 — workspace").arg(variable.name), QString(), variable.name});
    }
    if (secrets.isEmpty()) {
        Q_EMIT message(
            tr("Environment %1 and the workspace have no secret variables (mark one `secret: true`)").arg(environment));
        return;
    }
    auto *dialog = new SecretDialog(secrets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto secret = dialog->secret();
        const QString key = workspace::SecretStore::key(m_workspace->root(), secret.environment, secret.name);
        connect(
            m_secrets, &workspace::SecretStore::writeFinished, this,
            [this, secret](const QString &, workspace::SecretStore::Backend backend) {
                m_environment->reload();
                Q_EMIT message(
                    backend == workspace::SecretStore::Backend::Keyring
                        ? tr("Stored %1 in the system keyring").arg(secret.name)
                        : tr("Stored %1 in your owner-only secrets file (no keyring runs)").arg(secret.name));
            },
            Qt::SingleShotConnection);
        m_secrets->write(key, dialog->value());
    });
    dialog->open();
}

void WorkspaceController::saveFocused() {
    m_documents->save(m_panes->focusedPane());
}

void WorkspaceController::saveFocusedAs() {
    m_documents->saveAs(m_panes->focusedPane());
}

void WorkspaceController::onEnvironmentChanged(const QString &name) {
    m_marker->refresh();
    if (m_workspace)
        session::recentworkspaces::setEnvironment(m_workspace->root(), name);
}

void WorkspaceController::onValidationFinished(const workspace::Diagnostics &diagnostics) {
    if (m_workspace)
        m_collections->setDiagnostics(m_workspace->listingDiagnostics() + diagnostics);
}

void WorkspaceController::onChangesDetected(const workspace::WorkspaceChanges &changes) {
    if (!m_workspace)
        return;
    // A new or edited environment, or workspace.yaml's variables: the resolver reads them again.
    const QString environments = workspace::paths::environmentsFolder() + QLatin1Char('/');
    const QString settings = QString::fromUtf16(workspace::workspacefiles::kSettings);
    for (const QString &path : changes.added + changes.changed + changes.removed) {
        if (path.startsWith(environments) || path == settings) {
            m_environment->reload();
            break;
        }
    }
    m_workspace->validateInBackground();
}

} // namespace triptych::ui
