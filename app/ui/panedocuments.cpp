#include "app/ui/panedocuments.h"

#include "app/ui/composerpane.h"
#include "app/ui/panefile.h"
#include "app/ui/panerow.h"
#include "app/ui/saveasdialog.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/historyentry.h"
#include "app/workspace/workspacepaths.h"

#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace triptych::ui {

namespace {
using workspace::RequestStyle;

client::CallKind kindOf(RequestStyle style) {
    switch (style) {
    case RequestStyle::Rest:
        return client::CallKind::Rest;
    case RequestStyle::GraphQL:
        return client::CallKind::GraphQL;
    case RequestStyle::Grpc:
        return client::CallKind::Grpc;
    }
    return client::CallKind::Rest;
}

// A question with its own buttons, answered later through `answered` (the button's index); no nested event loop.
// The last button is the careful one: Enter and Esc both take it.
void ask(QWidget *parent, const QString &title, const QString &text, const QStringList &buttons,
         std::function<void(int)> answered) {
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QList<QAbstractButton *> added;
    for (int i = 0; i < buttons.size(); ++i)
        added.append(
            box->addButton(buttons.at(i), i + 1 == buttons.size() ? QMessageBox::RejectRole : QMessageBox::AcceptRole));
    box->setDefaultButton(static_cast<QPushButton *>(added.last()));
    box->setEscapeButton(added.last());
    QObject::connect(box, &QMessageBox::buttonClicked, box,
                     [added, answered](QAbstractButton *button) { answered(int(added.indexOf(button))); });
    box->open();
}
} // namespace

PaneDocuments::PaneDocuments(PaneRow *panes, QWidget *window)
    : QObject(window)
    , m_panes(panes)
    , m_window(window) {
    for (auto *pane : panes->panes())
        m_files.append(new PaneFile(pane));
}

void PaneDocuments::setWorkspace(workspace::Workspace *workspace) {
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    for (auto *file : std::as_const(m_files))
        file->detach();
    m_saving.clear();
    m_workspace = workspace;
    if (!workspace)
        return;
    connect(workspace, &workspace::Workspace::saveFinished, this, &PaneDocuments::onSaveFinished);
    connect(workspace, &workspace::Workspace::saveFailed, this, &PaneDocuments::onSaveFailed);
    connect(workspace, &workspace::Workspace::changesDetected, this, &PaneDocuments::onChangesDetected);
}

PaneFile *PaneDocuments::fileOf(const ComposerPane *pane) const {
    for (auto *file : m_files) {
        if (file->pane() == pane)
            return file;
    }
    return nullptr;
}

PaneFile *PaneDocuments::fileShowing(const QString &path) const {
    for (auto *file : m_files) {
        if (file->isAttached() && !path.isEmpty() && file->path() == path)
            return file;
    }
    return nullptr;
}

QStringList PaneDocuments::unsavedNames() const {
    QStringList names;
    for (const auto *file : m_files) {
        if (file->isAttached() && file->isDirty())
            names.append(file->name().isEmpty() ? tr("a new request") : file->name());
    }
    return names;
}

QStringList PaneDocuments::openPaths() const {
    QStringList paths;
    for (const auto *file : m_files) {
        if (file->isAttached() && !file->path().isEmpty())
            paths.append(file->path());
    }
    return paths;
}

void PaneDocuments::markOpen(const QString &path, bool open) {
    if (m_workspace && !path.isEmpty())
        m_workspace->setFileOpen(path, open);
    Q_EMIT openPathsChanged();
}

void PaneDocuments::openRequest(const QString &path) {
    const auto style = workspace::styleOfFileName(path);
    if (!m_workspace || !style)
        return;
    auto *pane = m_panes->paneFor(kindOf(*style));
    auto *file = fileOf(pane);
    m_panes->setCurrentPane(pane);
    pane->focusComposer(); // Ctrl+Return then sends what was opened
    if (file->path() == path)
        return; // already there, with whatever the person changed
    if (!file->isDirty()) {
        openInto(file, path);
        return;
    }
    ask(m_window, tr("Unsaved changes"),
        tr("The %1 pane has unsaved changes to “%2”. Discard them and open “%3”?")
            .arg(pane->title()->text().section(QLatin1Char(' '), 0, 0), file->name(),
                 workspace::requestNameOfFileName(workspace::paths::lastPart(path))),
        {tr("Discard and open"), tr("Cancel")}, [this, file, path](int answer) {
            if (answer == 0)
                openInto(file, path);
        });
}

void PaneDocuments::openInto(PaneFile *file, const QString &path) {
    const auto loaded = m_workspace->load(path);
    if (!loaded.ok()) {
        QStringList problems;
        for (const auto &diagnostic : loaded.diagnostics)
            problems.append(diagnostic.text());
        Q_EMIT message(tr("Cannot open %1: %2").arg(path, problems.join(QStringLiteral("; "))));
        return;
    }
    file->pane()->cancel();
    markOpen(file->path(), false);
    file->open(path, loaded.document, loaded.hash);
    markOpen(path, true);
    Q_EMIT message(tr("Opened %1").arg(path));
}

void PaneDocuments::save(ComposerPane *pane) {
    auto *file = fileOf(pane);
    if (!m_workspace) {
        Q_EMIT message(tr("Open or create a workspace first (File ▸ New workspace… or Open workspace…)"));
        return;
    }
    if (!file->isAttached() || file->path().isEmpty()) {
        saveAs(pane);
        return;
    }
    workspace::RequestDocument document = pane->toDocument();
    document.name = file->name();
    pane->prepareSave(document);
    startSave(file, file->path(), document, file->hash());
}

void PaneDocuments::startSave(PaneFile *file, const QString &path, const workspace::RequestDocument &document,
                              const QByteArray &expectedHash) {
    m_saving.insert(path, {file, document});
    m_workspace->saveInBackground(path, document, expectedHash);
}

void PaneDocuments::onSaveFinished(const QString &path, const QByteArray &hash) {
    const auto pending = m_saving.take(path);
    if (!pending.file)
        return;
    pending.file->saved(path, pending.document, hash);
    Q_EMIT message(tr("Saved %1").arg(path));
    Q_EMIT saveFinished(path);
    if (m_closeSaves > 0 && --m_closeSaves == 0)
        finishCloseSave(true);
}

void PaneDocuments::onSaveFailed(const QString &path, const QString &error, bool conflict) {
    const auto pending = m_saving.take(path);
    if (!pending.file)
        return;
    if (m_closeSaves > 0) {
        m_closeSaves = 0;
        finishCloseSave(false);
    }
    if (conflict) {
        askAboutConflict(path, pending);
        return;
    }
    Q_EMIT message(tr("Could not save %1: %2").arg(path, error));
}

void PaneDocuments::askAboutConflict(const QString &path, const PendingSave &save) {
    m_asking.insert(path);
    ask(m_window, tr("Changed on disk"),
        tr("“%1” changed on disk since you opened it (a git pull, an editor). Overwrite it with your version, or take "
           "the version on disk and lose your changes?")
            .arg(path),
        {tr("Take the file on disk"), tr("Overwrite with mine"), tr("Cancel")}, [this, path, save](int answer) {
            m_asking.remove(path);
            if (answer == 0)
                reload(save.file);
            else if (answer == 1)
                startSave(save.file, path, save.document, {});
        });
}

void PaneDocuments::saveAs(ComposerPane *pane) {
    if (!m_workspace) {
        Q_EMIT message(tr("Open or create a workspace first (File ▸ New workspace… or Open workspace…)"));
        return;
    }
    auto *file = fileOf(pane);
    const QString name = file->isAttached() && !file->name().isEmpty() ? file->name() : tr("New request");
    auto *dialog = new SaveAsDialog(name, folders(), workspace::paths::parentOf(file->path()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, file] {
        if (!m_workspace)
            return;
        workspace::RequestDocument document = file->pane()->toDocument();
        document.name = dialog->name();
        file->pane()->prepareSave(document);
        const auto result = m_workspace->createRequest(dialog->folder(), document);
        if (!result) {
            Q_EMIT message(tr("Could not save: %1").arg(result.error));
            return;
        }
        markOpen(file->path(), false);
        file->saved(result.path, document, result.hash);
        markOpen(result.path, true);
        Q_EMIT message(tr("Saved %1").arg(result.path));
        Q_EMIT saveFinished(result.path);
    });
    dialog->open();
}

QStringList PaneDocuments::folders() const {
    QStringList paths;
    for (const auto &node : m_workspace->nodes()) {
        if (node.kind == workspace::WorkspaceNode::Kind::Folder)
            paths.append(node.path);
    }
    return paths;
}

void PaneDocuments::saveCallToCollection(const client::CallRecord &record) {
    if (!m_workspace) {
        Q_EMIT message(tr("Open or create a workspace first (File ▸ New workspace… or Open workspace…)"));
        return;
    }
    const auto document = workspace::toRequestDocument(workspace::historyEntryFromCall(record));
    auto *pane = m_panes->paneFor(kindOf(document.style));
    auto *file = fileOf(pane);
    const auto proceed = [this, file, pane, document] {
        markOpen(file->path(), false);
        file->pane()->cancel();
        file->open(QString(), document, {});
        m_panes->setCurrentPane(pane);
        saveAs(pane);
    };
    if (file->isDirty())
        ask(m_window, tr("Unsaved changes"),
            tr("The pane has unsaved changes to “%1”. Discard them for the call from the history?").arg(file->name()),
            {tr("Discard"), tr("Cancel")}, [proceed](int answer) {
                if (answer == 0)
                    proceed();
            });
    else
        proceed();
}

void PaneDocuments::confirmDiscard(const QString &action, std::function<void()> proceed) {
    const QStringList names = unsavedNames();
    if (names.isEmpty()) {
        proceed();
        return;
    }
    ask(m_window, tr("Unsaved changes"),
        tr("%1 — unsaved changes to %2 will be lost.").arg(action, names.join(QStringLiteral(", "))),
        {tr("Discard them"), tr("Cancel")}, [proceed](int answer) {
            if (answer == 0)
                proceed();
        });
}

bool PaneDocuments::readyToClose(std::function<void()> close) {
    const QStringList names = unsavedNames();
    if (names.isEmpty() || m_closeApproved)
        return true;
    const bool anyNew = std::any_of(m_files.cbegin(), m_files.cend(),
                                    [](const PaneFile *file) { return file->isDirty() && file->path().isEmpty(); });
    ask(m_window, tr("Unsaved changes"),
        tr("Save the changes to %1 before closing?").arg(names.join(QStringLiteral(", "))) +
            (anyNew ? tr(" A new request that was never saved needs Save as… first: Save keeps it open.") : QString()),
        {tr("Save"), tr("Discard"), tr("Cancel")}, [this, close](int answer) {
            if (answer == 1) {
                m_closeApproved = true;
                close();
            } else if (answer == 0) {
                m_closeAfterSaves = close;
                m_closeSaves = 0;
                for (auto *file : std::as_const(m_files)) {
                    if (file->isDirty() && !file->path().isEmpty()) {
                        ++m_closeSaves;
                        save(file->pane());
                    }
                }
                if (m_closeSaves == 0)
                    finishCloseSave(true);
            }
        });
    return false;
}

void PaneDocuments::finishCloseSave(bool ok) {
    auto close = std::exchange(m_closeAfterSaves, nullptr);
    if (!ok || !close)
        return;
    if (!unsavedNames().isEmpty()) {
        Q_EMIT message(tr("Not closed: %1 still unsaved").arg(unsavedNames().join(QStringLiteral(", "))));
        return;
    }
    close();
}

void PaneDocuments::onChangesDetected(const workspace::WorkspaceChanges &changes) {
    for (const QString &path : changes.changed) {
        auto *file = fileShowing(path);
        const QByteArray hash = changes.hashes.value(path);
        if (!file || hash == file->hash() || m_asking.contains(path) || m_saving.contains(path))
            continue;
        if (file->isDirty())
            askAboutOutsideChange(file, hash);
        else if (reload(file))
            Q_EMIT message(tr("Reloaded %1: it changed on disk").arg(path));
    }
    for (const QString &path : changes.removed) {
        if (auto *file = fileShowing(path)) {
            file->setPath(QString());
            Q_EMIT openPathsChanged();
            Q_EMIT message(tr("%1 was deleted on disk; the pane keeps it, Save as… writes it again").arg(path));
        }
    }
}

bool PaneDocuments::reload(PaneFile *file) {
    const QString path = file->path();
    const auto loaded = m_workspace ? m_workspace->load(path) : workspace::LoadedRequest{};
    if (!m_workspace || !loaded.ok()) {
        QStringList problems;
        for (const auto &diagnostic : loaded.diagnostics)
            problems.append(diagnostic.text());
        Q_EMIT message(tr("%1 changed on disk and cannot be read: %2").arg(path, problems.join(QStringLiteral("; "))));
        return false;
    }
    file->open(path, loaded.document, loaded.hash);
    return true;
}

void PaneDocuments::askAboutOutsideChange(PaneFile *file, const QByteArray &hash) {
    const QString path = file->path();
    m_asking.insert(path);
    ask(m_window, tr("Changed on disk"),
        tr("“%1” changed on disk, and the pane has unsaved changes to it. Take the version on disk, or keep yours (the "
           "next save overwrites the file)?")
            .arg(path),
        {tr("Take the file on disk"), tr("Keep mine")}, [this, file, path, hash](int answer) {
            m_asking.remove(path);
            if (file->path() != path)
                return;
            if (answer == 0)
                reload(file);
            else
                file->setHash(hash);
        });
}

void PaneDocuments::onPathChanged(const QString &from, const QString &to) {
    for (auto *file : std::as_const(m_files)) {
        if (!file->isAttached() || file->path().isEmpty() || !workspace::paths::isInside(file->path(), from))
            continue;
        const QString moved = to + file->path().mid(from.size());
        markOpen(file->path(), false);
        file->setPath(moved);
        markOpen(moved, true);
    }
}

void PaneDocuments::onPathRemoved(const QString &path) {
    for (auto *file : std::as_const(m_files)) {
        if (file->isAttached() && !file->path().isEmpty() && workspace::paths::isInside(file->path(), path)) {
            file->setPath(QString());
            Q_EMIT openPathsChanged();
        }
    }
}

} // namespace triptych::ui
