#pragma once

#include "app/workspace/diagnostic.h"
#include "app/workspace/workspacelisting.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPixmap>

namespace triptych::model {

// The Collections dock's tree over a workspace's listing (Workspace::nodes()): folders, then saved requests with a
// badge for their style, in the workspace's display order; the root folder itself is not a row. Files that failed to
// read are red with their `file:line: message` in the tooltip. Dragging rows asks for a move through moveRequested;
// the workspace does the move and the model is given the new listing.
class CollectionTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1, // the entry's path relative to the workspace root
        IsFolderRole,
        StyleRole,   // a request's workspace::RequestStyle as an int
        ProblemRole, // the errors and warnings of a request's file, one `file:line: message` per line
    };
    static constexpr auto kMimeType = "application/x-triptych-workspace-paths";

    explicit CollectionTreeModel(QObject *parent = nullptr);

    void setNodes(const QList<workspace::WorkspaceNode> &nodes);
    // The findings of Workspace::validate(); each is shown on the request whose file it is about.
    void setDiagnostics(const workspace::Diagnostics &diagnostics);
    QModelIndex indexOfPath(const QString &path) const;
    const workspace::WorkspaceNode *node(const QModelIndex &index) const;
    // The folder a new entry made at `index` goes into: the folder itself, or a request's folder; "" for the root.
    QString folderAt(const QModelIndex &index) const;

    // The order a folder's entries take after `moved` entry names are dropped before position `row` of `current`
    // (-1: at the end); names already in `current` move, others are inserted.
    static QStringList orderAfterDrop(const QStringList &current, const QStringList &moved, int row);
    // "REST", "GraphQL", "gRPC".

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    // Move `paths` into `folder` ("" is the root), placed before its entry at `row` (-1: at the end).
    void moveRequested(const QStringList &paths, const QString &folder, int row);

private:
    int nodeOf(const QModelIndex &index) const { return index.isValid() ? int(index.internalId()) : 0; }
    QPixmap badge(workspace::RequestStyle style) const;

    QList<workspace::WorkspaceNode> m_nodes;
    QList<int> m_rowOf; // each node's row under its parent
    QHash<QString, int> m_byPath;
    QHash<QString, QStringList> m_problems; // by request path
    QHash<QString, bool> m_hasErrors;
    mutable QHash<int, QPixmap> m_badges;
};

} // namespace triptych::model
