#include "app/model/methodtreemodel.h"

namespace triptych::model {

// A service row has internal id 0; a method row carries its service's row + 1.
MethodTreeModel::MethodTreeModel(QObject *parent)
    : QAbstractItemModel(parent) {}

void MethodTreeModel::setServices(const QList<ServiceInfo> &services) {
    beginResetModel();
    m_services = services;
    endResetModel();
}

QModelIndex MethodTreeModel::findMethod(const QString &fullName) const {
    for (int s = 0; s < m_services.size(); ++s) {
        const auto &methods = m_services.at(s).methods;
        for (int m = 0; m < methods.size(); ++m) {
            if (methods.at(m).fullName == fullName)
                return index(m, 0, index(s, 0));
        }
    }
    return {};
}

QString MethodTreeModel::kindName(const MethodInfo &method) {
    if (method.clientStreaming && method.serverStreaming)
        return tr("bidi stream");
    if (method.clientStreaming)
        return tr("client stream");
    if (method.serverStreaming)
        return tr("server stream");
    return tr("unary");
}

QModelIndex MethodTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex MethodTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int MethodTreeModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_services.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_services.at(parent.row()).methods.size());
}

int MethodTreeModel::columnCount(const QModelIndex &) const {
    return 1;
}

QVariant MethodTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        const auto &service = m_services.at(index.row());
        const bool named = role == Qt::DisplayRole || role == Qt::ToolTipRole || role == FullNameRole;
        return named ? QVariant(service.name) : QVariant();
    }
    const auto &method = m_services.at(int(index.internalId() - 1)).methods.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  (%2)").arg(method.name, kindName(method));
    case Qt::ToolTipRole:
    case FullNameRole:
        return method.fullName;
    default:
        return {};
    }
}

} // namespace triptych::model
