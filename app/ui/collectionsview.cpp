#include "app/ui/collectionsview.h"

#include "app/model/collectiontreemodel.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/workspacepaths.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
enum Page { EmptyPage, TreePage };
constexpr int kExpandAllBelowNodes = 500; // a small workspace opens with every folder unfolded
constexpr int kProblemLinesShown = 5;
using workspace::RequestStyle;
} // namespace

CollectionsView::CollectionsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new model::CollectionTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_pages(new QStackedWidget(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_problems(new QListView(this))
    , m_problemLines(new QStringListModel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_pages->addWidget(createEmptyPage());
    m_pages->addWidget(createTreePage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    connect(m_model, &model::CollectionTreeModel::moveRequested, this,
            [this](const QStringList &paths, const QString &folder, int row) { moveEntries(paths, folder, row); });
}

QWidget *CollectionsView::createEmptyPage() {
    auto *page = new QWidget(this);
    auto *text = new QLabel(tr("No workspace is open. A workspace is a folder of saved requests, one plain file "
                               "each, that a team can keep in git."),
                            page);
    text->setWordWrap(true);
    auto *sample = new QPushButton(tr("Open the sample workspace"), page);
    sample->setToolTip(tr("The comparison questions as saved requests in all three styles, copied into a folder of "
                          "your own (Documents/Triptych samples)"));
    auto *create = new QPushButton(tr("New workspace…"), page);
    auto *open = new QPushButton(tr("Open workspace…"), page);
    connect(sample, &QPushButton::clicked, this, &CollectionsView::sampleRequested);
    connect(create, &QPushButton::clicked, this, &CollectionsView::newWorkspaceRequested);
    connect(open, &QPushButton::clicked, this, &CollectionsView::openWorkspaceRequested);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(text);
    layout->addWidget(sample);
    layout->addWidget(create);
    layout->addWidget(open);
    layout->addStretch();
    return page;
}

QWidget *CollectionsView::createTreePage() {
    auto *page = new QWidget(this);
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &CollectionsView::onFilterEdited);
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_tree, &QTreeView::activated, this, &CollectionsView::onActivated);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &CollectionsView::onContextMenu);
    m_problems->setModel(m_problemLines);
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->setStyleSheet(QStringLiteral("QListView { color: #c01c28; }"));
    m_problems->setMaximumHeight(m_problems->fontMetrics().height() * kProblemLinesShown + 8);
    m_problems->setToolTip(tr("Problems in the workspace's files; the rest of the workspace loaded"));
    m_problems->hide();
    connect(m_problems, &QListView::activated, this, &CollectionsView::onProblemActivated);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_problems);
    return page;
}

void CollectionsView::setWorkspace(workspace::Workspace *workspace) {
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    m_shownPaths.clear();
    setDiagnostics({});
    m_pages->setCurrentIndex(workspace ? TreePage : EmptyPage);
    if (!workspace) {
        m_model->setNodes({});
        return;
    }
    connect(workspace, &workspace::Workspace::treeChanged, this, &CollectionsView::onTreeChanged);
    onTreeChanged();
}

void CollectionsView::onTreeChanged() {
    if (!m_workspace)
        return;
    const auto &nodes = m_workspace->nodes();
    QStringList paths;
    paths.reserve(nodes.size());
    for (const auto &node : nodes)
        paths.append(node.path);
    if (paths == m_shownPaths)
        return; // a rescan that found the same tree
    const bool first = m_shownPaths.isEmpty();
    QSet<QString> expanded;
    for (const QString &path : std::as_const(m_shownPaths)) {
        const QModelIndex at = m_proxy->mapFromSource(m_model->indexOfPath(path));
        if (at.isValid() && m_tree->isExpanded(at))
            expanded.insert(path);
    }
    const QString current = currentPath();
    m_shownPaths = paths;
    m_model->setNodes(nodes);
    if (first && nodes.size() < kExpandAllBelowNodes)
        m_tree->expandAll();
    for (const QString &path : std::as_const(expanded))
        m_tree->expand(m_proxy->mapFromSource(m_model->indexOfPath(path)));
    if (!current.isEmpty())
        selectPath(current);
}

void CollectionsView::setDiagnostics(const workspace::Diagnostics &diagnostics) {
    m_model->setDiagnostics(diagnostics);
    QStringList lines;
    m_problemFiles.clear();
    for (const auto &diagnostic : diagnostics) {
        lines.append(diagnostic.text());
        m_problemFiles.append(diagnostic.file);
    }
    m_problemLines->setStringList(lines);
    m_problems->setVisible(!lines.isEmpty());
}

QString CollectionsView::currentPath() const {
    return m_model->data(sourceIndex(m_tree->currentIndex()), model::CollectionTreeModel::PathRole).toString();
}

void CollectionsView::selectPath(const QString &path) {
    const QModelIndex at = m_proxy->mapFromSource(m_model->indexOfPath(path));
    if (!at.isValid())
        return;
    m_tree->scrollTo(at);
    m_tree->setCurrentIndex(at);
}

QModelIndex CollectionsView::sourceIndex(const QModelIndex &viewIndex) const {
    return m_proxy->mapToSource(viewIndex);
}

void CollectionsView::onActivated(const QModelIndex &index) {
    const auto *node = m_model->node(sourceIndex(index));
    if (node && node->kind == workspace::WorkspaceNode::Kind::Request)
        Q_EMIT openRequested(node->path);
}

void CollectionsView::onFilterEdited(const QString &text) {
    m_proxy->setFilterFixedString(text.trimmed());
    if (!text.trimmed().isEmpty())
        m_tree->expandAll();
}

void CollectionsView::onProblemActivated(const QModelIndex &index) {
    if (index.row() < m_problemFiles.size())
        selectPath(m_problemFiles.at(index.row()));
}

void CollectionsView::onContextMenu(const QPoint &position) {
    if (!m_workspace)
        return;
    const QModelIndex at = m_tree->indexAt(position);
    m_tree->setCurrentIndex(at);
    const auto *node = m_model->node(sourceIndex(at));
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    auto *add = menu->addMenu(tr("New request"));
    add->addAction(tr("REST"), this, [this] { askNewRequest(RequestStyle::Rest); });
    add->addAction(tr("GraphQL"), this, [this] { askNewRequest(RequestStyle::GraphQL); });
    add->addAction(tr("gRPC"), this, [this] { askNewRequest(RequestStyle::Grpc); });
    menu->addAction(tr("New folder…"), this, &CollectionsView::askNewFolder);
    if (!node || node->kind == workspace::WorkspaceNode::Kind::Folder) {
        const QString folder = node ? node->path : QString();
        menu->addAction(tr("Run folder"), this, [this, folder] { Q_EMIT runRequested(folder); });
    }
    if (node) {
        menu->addSeparator();
        const QString path = node->path;
        if (node->kind == workspace::WorkspaceNode::Kind::Request) {
            menu->addAction(tr("Open"), this, [this, path] { Q_EMIT openRequested(path); });
            menu->addAction(tr("Duplicate"), this, [this, path] { report(duplicate(path)); });
        }
        menu->addAction(tr("Rename…"), this, &CollectionsView::askRename);
        menu->addAction(tr("Delete…"), this, &CollectionsView::askRemove);
    }
    menu->popup(m_tree->viewport()->mapToGlobal(position));
}

void CollectionsView::askText(const QString &title, const QString &label, const QString &text,
                              std::function<void(const QString &)> done) {
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(text);
    connect(dialog, &QInputDialog::textValueSelected, this, [done](const QString &value) { done(value.trimmed()); });
    dialog->open();
}

void CollectionsView::askNewRequest(RequestStyle style) {
    const QString folder = m_model->folderAt(sourceIndex(m_tree->currentIndex()));
    askText(tr("New request"), tr("Name of the new %1 request").arg(workspace::styleLabel(style)), tr("New request"),
            [this, folder, style](const QString &name) { report(createRequest(folder, name, style)); });
}

void CollectionsView::askNewFolder() {
    const QString parent = m_model->folderAt(sourceIndex(m_tree->currentIndex()));
    askText(tr("New folder"), tr("Name of the new folder"), tr("New folder"),
            [this, parent](const QString &name) { report(createFolder(parent, name)); });
}

void CollectionsView::askRename() {
    const auto *node = m_model->node(sourceIndex(m_tree->currentIndex()));
    if (!node)
        return;
    askText(tr("Rename"), tr("New name"), node->name,
            [this, path = node->path](const QString &name) { report(rename(path, name)); });
}

void CollectionsView::askRemove() {
    const auto *node = m_model->node(sourceIndex(m_tree->currentIndex()));
    if (!node)
        return;
    const bool folder = node->kind == workspace::WorkspaceNode::Kind::Folder;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete"),
                                folder ? tr("Delete the folder “%1” and everything in it?").arg(node->name)
                                       : tr("Delete the request “%1”?").arg(node->name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, path = node->path] { report(remove(path)); });
    box->open();
}

bool CollectionsView::report(const workspace::WorkspaceResult &result) {
    if (!result)
        Q_EMIT failed(result.error);
    return result.ok;
}

workspace::RequestDocument CollectionsView::starterDocument(RequestStyle style, const QString &name) {
    workspace::RequestDocument document;
    document.style = style;
    document.name = name;
    switch (style) {
    case RequestStyle::Rest:
        document.http.url = QStringLiteral("{{baseUrl}}/v1/users/42");
        break;
    case RequestStyle::GraphQL:
        document.http.url = QStringLiteral("{{baseUrl}}/graphql");
        document.graphql.document = QStringLiteral("{\n  user(id: 42) {\n    name\n  }\n}\n");
        break;
    case RequestStyle::Grpc:
        document.grpc.target = QStringLiteral("{{grpcTarget}}");
        document.grpc.method = QStringLiteral("orders.v1.OrderService/GetUser");
        document.grpc.message = QStringLiteral("{\n  \"user_id\": 42\n}\n");
        break;
    }
    return document;
}

workspace::WorkspaceResult CollectionsView::createRequest(const QString &folder, const QString &name,
                                                          RequestStyle style) {
    if (!m_workspace)
        return workspace::WorkspaceResult::failed(tr("No workspace is open"));
    const auto result = m_workspace->createRequest(folder, starterDocument(style, name));
    if (result) {
        selectPath(result.path);
        Q_EMIT requestCreated(result.path);
    }
    return result;
}

workspace::WorkspaceResult CollectionsView::createFolder(const QString &parent, const QString &name) {
    if (!m_workspace)
        return workspace::WorkspaceResult::failed(tr("No workspace is open"));
    const auto result = m_workspace->createFolder(parent, name);
    if (result)
        selectPath(result.path);
    return result;
}

workspace::WorkspaceResult CollectionsView::rename(const QString &path, const QString &newName) {
    if (!m_workspace)
        return workspace::WorkspaceResult::failed(tr("No workspace is open"));
    const int index = m_workspace->indexOf(path);
    if (index < 0)
        return workspace::WorkspaceResult::failed(tr("%1 is not in the workspace any more").arg(path));
    const bool folder = m_workspace->nodes().at(index).kind == workspace::WorkspaceNode::Kind::Folder;
    const auto result = folder ? m_workspace->renameFolder(path, newName) : m_workspace->renameRequest(path, newName);
    if (result && result.path != path) {
        Q_EMIT pathChanged(path, result.path);
        selectPath(result.path);
    }
    return result;
}

workspace::WorkspaceResult CollectionsView::duplicate(const QString &path) {
    if (!m_workspace)
        return workspace::WorkspaceResult::failed(tr("No workspace is open"));
    const auto result = m_workspace->duplicateRequest(path);
    if (result)
        selectPath(result.path);
    return result;
}

workspace::WorkspaceResult CollectionsView::remove(const QString &path) {
    if (!m_workspace)
        return workspace::WorkspaceResult::failed(tr("No workspace is open"));
    const int index = m_workspace->indexOf(path);
    if (index < 0)
        return workspace::WorkspaceResult::failed(tr("%1 is not in the workspace any more").arg(path));
    const bool folder = m_workspace->nodes().at(index).kind == workspace::WorkspaceNode::Kind::Folder;
    const auto result = folder ? m_workspace->removeFolder(path) : m_workspace->removeRequest(path);
    if (result)
        Q_EMIT pathRemoved(path);
    return result;
}

QStringList CollectionsView::entryNames(const QString &folder) const {
    QStringList names;
    const int index = m_workspace->indexOf(folder);
    if (index < 0)
        return names;
    for (const int child : m_workspace->nodes().at(index).children)
        names.append(workspace::paths::lastPart(m_workspace->nodes().at(child).path));
    return names;
}

workspace::WorkspaceResult CollectionsView::moveEntries(const QStringList &paths, const QString &folder, int row) {
    if (!m_workspace)
        return workspace::WorkspaceResult::failed(tr("No workspace is open"));
    QStringList moved;
    for (const QString &path : paths) {
        const int index = m_workspace->indexOf(path);
        if (index < 0)
            continue;
        QString now = path;
        if (workspace::paths::parentOf(path) != folder) {
            const bool isFolder = m_workspace->nodes().at(index).kind == workspace::WorkspaceNode::Kind::Folder;
            const auto result =
                isFolder ? m_workspace->moveFolder(path, folder) : m_workspace->moveRequest(path, folder);
            if (!report(result))
                return result;
            now = result.path;
            Q_EMIT pathChanged(path, now);
        }
        moved.append(workspace::paths::lastPart(now));
    }
    const auto result =
        m_workspace->setOrder(folder, model::CollectionTreeModel::orderAfterDrop(entryNames(folder), moved, row));
    report(result);
    if (!moved.isEmpty())
        selectPath(workspace::paths::join(folder, moved.first()));
    return result;
}

} // namespace triptych::ui
