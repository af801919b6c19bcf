#include "app/editor/explorermodel.h"

namespace triptych::editor {

ExplorerModel::ExplorerModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ExplorerModel::setRows(QList<ExplorerRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ExplorerModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExplorerModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExplorerModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExplorerRow &row = m_rows.at(index.row());
    const bool deprecated = !row.deprecationReason.isEmpty();
    if (role == Qt::DisplayRole) {
        if (index.column() == TypeColumn)
            return row.type;
        return deprecated ? row.signature + tr(" (deprecated)") : row.signature;
    }
    if (role == Qt::ToolTipRole) {
        QString tip = row.owner.isEmpty() ? row.description : row.owner + QLatin1Char('.') + row.name;
        if (!row.owner.isEmpty() && !row.description.isEmpty())
            tip += QStringLiteral("\n") + row.description;
        if (deprecated)
            tip += QStringLiteral("\n") + tr("Deprecated: %1").arg(row.deprecationReason);
        return tip;
    }
    return {};
}

QVariant ExplorerModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Type");
}

} // namespace triptych::editor
