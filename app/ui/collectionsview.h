#pragma once

#include "app/workspace/diagnostic.h"
#include "app/workspace/requestdocument.h"
#include "app/workspace/workspace.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStackedWidget;
class QStringListModel;
class QTreeView;

namespace triptych::model {
class CollectionTreeModel;
}

namespace triptych::ui {

// The Collections dock: the open workspace's folders and saved requests as a tree (new, rename, duplicate, delete
// from the context menu, drag to move or reorder, filter by name), the problems found in its files below it, and
// when no workspace is open the way to one (the sample, a new one, an existing one). Changes go straight to the
// Workspace; what they mean for open panes is said through the signals.
class CollectionsView : public QWidget {
    Q_OBJECT
public:
    explicit CollectionsView(QWidget *parent = nullptr);

    // Null: the empty state.
    void setWorkspace(workspace::Workspace *workspace);
    void setDiagnostics(const workspace::Diagnostics &diagnostics);

    model::CollectionTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    QListView *problemsView() const { return m_problems; }
    QString currentPath() const;
    void selectPath(const QString &path);

    // What the context menu does, without its dialogs.
    workspace::WorkspaceResult createRequest(const QString &folder, const QString &name, workspace::RequestStyle style);
    workspace::WorkspaceResult createFolder(const QString &parent, const QString &name);
    workspace::WorkspaceResult rename(const QString &path, const QString &newName);
    workspace::WorkspaceResult duplicate(const QString &path);
    workspace::WorkspaceResult remove(const QString &path);
    // Moves entries into `folder` and puts them before its entry at `row` (-1: at the end), as a drop does.
    workspace::WorkspaceResult moveEntries(const QStringList &paths, const QString &folder, int row);

    // A new request's starting point: the embedded server's users, through the built-in environment's variables.
    static workspace::RequestDocument starterDocument(workspace::RequestStyle style, const QString &name);

Q_SIGNALS:
    void openRequested(const QString &path);
    void requestCreated(const QString &path);
    // An entry was renamed or moved (a folder: everything under it moved with it).
    void pathChanged(const QString &from, const QString &to);
    void pathRemoved(const QString &path);
    void failed(const QString &message);
    void sampleRequested();
    void newWorkspaceRequested();
    void openWorkspaceRequested();
    // "Run folder" on a folder, or on the tree's empty space for the whole workspace (docs/checks.md).
    void runRequested(const QString &folder);

private:
    QWidget *createEmptyPage();
    QWidget *createTreePage();
    void onTreeChanged();
    void onContextMenu(const QPoint &position);
    void onActivated(const QModelIndex &index);
    void onFilterEdited(const QString &text);
    void onProblemActivated(const QModelIndex &index);
    void askNewRequest(workspace::RequestStyle style);
    void askNewFolder();
    void askRename();
    void askRemove();
    // A line of text from the person, without a nested event loop; `done` gets it when they accept.
    void askText(const QString &title, const QString &label, const QString &text,
                 std::function<void(const QString &)> done);
    QModelIndex sourceIndex(const QModelIndex &viewIndex) const;
    QStringList entryNames(const QString &folder) const;
    bool report(const workspace::WorkspaceResult &result);

    QPointer<workspace::Workspace> m_workspace;
    model::CollectionTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_pages;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QListView *m_problems;
    QStringListModel *m_problemLines;
    QStringList m_problemFiles; // the file of each problem line
    QStringList m_shownPaths;   // the listing the tree shows, to skip a reload that changes nothing
};

} // namespace triptych::ui
