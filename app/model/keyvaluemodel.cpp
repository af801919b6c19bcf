#include "app/model/keyvaluemodel.h"

namespace triptych::model {

KeyValueModel::KeyValueModel(QStringList headers, bool editable, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
    , m_editable(editable) {}

void KeyValueModel::setPairs(const Pairs &pairs) {
    beginResetModel();
    m_rows = pairs;
    endResetModel();
}

KeyValueModel::Pairs KeyValueModel::pairs() const {
    Pairs result;
    for (const auto &row : m_rows) {
        if (!row.first.trimmed().isEmpty())
            result.append({row.first.trimmed(), row.second});
    }
    return result;
}

int KeyValueModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return int(m_rows.size()) + (m_editable ? 1 : 0);
}

int KeyValueModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : 2;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const auto &row = m_rows.at(index.row());
    return index.column() == 0 ? row.first : row.second;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_headers.size())
        return {};
    return m_headers.at(section);
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    auto flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return m_editable ? flags | Qt::ItemIsEditable : flags;
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!m_editable || role != Qt::EditRole || !index.isValid())
        return false;
    if (index.row() == m_rows.size()) {
        if (value.toString().isEmpty())
            return false;
        // A real row goes in before the blank one, which stays last for the next entry.
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(QPair<QString, QString>());
        endInsertRows();
    }
    auto &row = m_rows[index.row()];
    (index.column() == 0 ? row.first : row.second) = value.toString();
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

} // namespace triptych::model
