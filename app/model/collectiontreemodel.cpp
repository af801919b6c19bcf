#include "app/model/collectiontreemodel.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QMimeData>
#include <QPainter>
#include <QPalette>

namespace triptych::model {

namespace {
constexpr int kBadgeHeightPx = 14;
constexpr int kBadgePaddingPx = 3;

QColor styleColor(workspace::RequestStyle style) {
    switch (style) {
    case workspace::RequestStyle::Rest:
        return QColor(0x2f, 0x6f, 0xdf);
    case workspace::RequestStyle::GraphQL:
        return QColor(0xd6, 0x33, 0x84);
    case workspace::RequestStyle::Grpc:
        return QColor(0x12, 0x9c, 0x8a);
    }
    return Qt::gray;
}
} // namespace

CollectionTreeModel::CollectionTreeModel(QObject *parent)
    : QAbstractItemModel(parent) {}

void CollectionTreeModel::setNodes(const QList<workspace::WorkspaceNode> &nodes) {
    beginResetModel();
    m_nodes = nodes;
    m_rowOf.fill(0, m_nodes.size());
    m_byPath.clear();
    m_byPath.reserve(m_nodes.size());
    for (int i = 0; i < m_nodes.size(); ++i) {
        const auto &children = m_nodes.at(i).children;
        for (int row = 0; row < children.size(); ++row)
            m_rowOf[children.at(row)] = row;
        m_byPath.insert(m_nodes.at(i).path, i);
    }
    endResetModel();
}

void CollectionTreeModel::setDiagnostics(const workspace::Diagnostics &diagnostics) {
    QStringList touched = m_problems.keys();
    m_problems.clear();
    m_hasErrors.clear();
    for (const auto &diagnostic : diagnostics) {
        m_problems[diagnostic.file].append(diagnostic.text());
        m_hasErrors[diagnostic.file] = m_hasErrors.value(diagnostic.file) || diagnostic.isError();
    }
    touched += m_problems.keys();
    for (const QString &path : std::as_const(touched)) {
        if (const QModelIndex at = indexOfPath(path); at.isValid())
            Q_EMIT dataChanged(at, at, {Qt::ToolTipRole, Qt::ForegroundRole, ProblemRole});
    }
}

QModelIndex CollectionTreeModel::indexOfPath(const QString &path) const {
    const int node = m_byPath.value(path, -1);
    if (node <= 0)
        return {};
    return createIndex(m_rowOf.at(node), 0, quintptr(node));
}

const workspace::WorkspaceNode *CollectionTreeModel::node(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_nodes.at(nodeOf(index));
}

QString CollectionTreeModel::folderAt(const QModelIndex &index) const {
    const auto *entry = node(index);
    if (!entry)
        return {};
    if (entry->kind == workspace::WorkspaceNode::Kind::Folder)
        return entry->path;
    return entry->parent >= 0 ? m_nodes.at(entry->parent).path : QString();
}

QStringList CollectionTreeModel::orderAfterDrop(const QStringList &current, const QStringList &moved, int row) {
    QStringList order = current;
    int insertAt = row < 0 || row > order.size() ? int(order.size()) : row;
    for (const QString &name : moved) {
        const int at = int(order.indexOf(name));
        if (at < 0)
            continue;
        order.removeAt(at);
        if (at < insertAt)
            --insertAt;
    }
    for (int i = 0; i < moved.size(); ++i)
        order.insert(insertAt + i, moved.at(i));
    return order;
}

QModelIndex CollectionTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (m_nodes.isEmpty() || column != 0 || row < 0)
        return {};
    const auto &children = m_nodes.at(nodeOf(parent)).children;
    if (row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex CollectionTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes.at(nodeOf(child)).parent;
    if (parentNode <= 0)
        return {};
    return createIndex(m_rowOf.at(parentNode), 0, quintptr(parentNode));
}

int CollectionTreeModel::rowCount(const QModelIndex &parent) const {
    if (m_nodes.isEmpty() || parent.column() > 0)
        return 0;
    return int(m_nodes.at(nodeOf(parent)).children.size());
}

int CollectionTreeModel::columnCount(const QModelIndex &) const {
    return 1;
}

QPixmap CollectionTreeModel::badge(workspace::RequestStyle style) const {
    const auto found = m_badges.constFind(int(style));
    if (found != m_badges.constEnd())
        return *found;
    QFont font = QGuiApplication::font();
    font.setPixelSize(kBadgeHeightPx - 4);
    font.setBold(true);
    const QString label = styleLabel(style);
    // As wide as the widest label, so the names line up.
    const int width = QFontMetrics(font).horizontalAdvance(QStringLiteral("GraphQL")) + 2 * kBadgePaddingPx;
    QPixmap pixmap(width, kBadgeHeightPx);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(styleColor(style));
    painter.drawRoundedRect(QRectF(0, 0, width, kBadgeHeightPx), 3, 3);
    painter.setPen(Qt::white);
    painter.setFont(font);
    painter.drawText(QRect(0, 0, width, kBadgeHeightPx), Qt::AlignCenter, label);
    painter.end();
    m_badges.insert(int(style), pixmap);
    return pixmap;
}

QVariant CollectionTreeModel::data(const QModelIndex &index, int role) const {
    const auto *entry = node(index);
    if (!entry)
        return {};
    const bool folder = entry->kind == workspace::WorkspaceNode::Kind::Folder;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return entry->name;
    case Qt::DecorationRole:
        return folder ? QVariant() : QVariant(badge(entry->style));
    case Qt::ToolTipRole: {
        const QStringList problems = m_problems.value(entry->path);
        const QString what = folder ? tr("Folder %1").arg(entry->path)
                                    : tr("%1 request · %2").arg(styleLabel(entry->style), entry->path);
        return problems.isEmpty() ? what : what + QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole:
        if (m_hasErrors.value(entry->path))
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        return {};
    case PathRole:
        return entry->path;
    case IsFolderRole:
        return folder;
    case StyleRole:
        return folder ? QVariant() : QVariant(int(entry->style));
    case ProblemRole:
        return m_problems.value(entry->path).join(QLatin1Char('\n'));
    default:
        return {};
    }
}

Qt::ItemFlags CollectionTreeModel::flags(const QModelIndex &index) const {
    const auto *entry = node(index);
    if (!entry)
        return Qt::ItemIsDropEnabled; // the root: drop at the top level
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (entry->kind == workspace::WorkspaceNode::Kind::Folder)
        flags |= Qt::ItemIsDropEnabled;
    else
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

Qt::DropActions CollectionTreeModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QStringList CollectionTreeModel::mimeTypes() const {
    return {QLatin1String(kMimeType)};
}

QMimeData *CollectionTreeModel::mimeData(const QModelIndexList &indexes) const {
    QStringList paths;
    for (const auto &index : indexes) {
        if (const auto *entry = node(index); entry && !paths.contains(entry->path))
            paths.append(entry->path);
    }
    auto *data = new QMimeData;
    data->setData(QLatin1String(kMimeType), paths.join(QLatin1Char('\n')).toUtf8());
    return data;
}

bool CollectionTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                          const QModelIndex &parent) const {
    if (action != Qt::MoveAction || !data->hasFormat(QLatin1String(kMimeType)))
        return false;
    const QString folder = node(parent) ? node(parent)->path : QString();
    // A folder cannot go into itself or below itself.
    const QStringList paths = QString::fromUtf8(data->data(QLatin1String(kMimeType))).split(QLatin1Char('\n'));
    for (const QString &path : paths) {
        if (folder == path || folder.startsWith(path + QLatin1Char('/')))
            return false;
    }
    return true;
}

bool CollectionTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                       const QModelIndex &parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const auto *target = node(parent);
    if (target && target->kind != workspace::WorkspaceNode::Kind::Folder)
        return false;
    const QStringList paths = QString::fromUtf8(data->data(QLatin1String(kMimeType))).split(QLatin1Char('\n'));
    Q_EMIT moveRequested(paths, target ? target->path : QString(), row);
    return true;
}

} // namespace triptych::model
