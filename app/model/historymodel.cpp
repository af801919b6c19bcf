#include "app/model/historymodel.h"

#include "app/model/formatting.h"

namespace triptych::model {

namespace {
// internalId of a call inside a group: its group's uid; 0 marks a top-level row.
constexpr quintptr kTopLevel = 0;

client::CallKind styleOf(client::CallKind kind) {
    return kind == client::CallKind::GraphQLWebSocket ? client::CallKind::GraphQL : kind;
}
} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractItemModel(parent) {}

void HistoryModel::append(const client::CallRecord &record) {
    if (m_ids.contains(record.id))
        return;
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({m_nextUid++, false, {}, {}, {record}});
    m_rowOfUid.insert(m_entries.last().uid, row);
    m_ids.insert(record.id);
    endInsertRows();
}

void HistoryModel::beginGroup(const QString &title, const QString &key) {
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({m_nextUid++, true, title, key, {}});
    m_rowOfUid.insert(m_entries.last().uid, row);
    endInsertRows();
    m_openGroup = row;
}

void HistoryModel::appendToGroup(const client::CallRecord &record) {
    if (m_openGroup < 0) {
        append(record);
        return;
    }
    if (!m_ids.contains(record.id))
        appendTo(m_openGroup, record);
}

void HistoryModel::appendTo(int entry, const client::CallRecord &record) {
    auto &calls = m_entries[entry].calls;
    const QModelIndex group = index(entry, 0);
    beginInsertRows(group, int(calls.size()), int(calls.size()));
    calls.append(record);
    m_ids.insert(record.id);
    endInsertRows();
    // The group's own line counts its calls.
    Q_EMIT dataChanged(group, index(entry, ColumnCount - 1));
}

void HistoryModel::remove(const QModelIndex &index) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return;
    if (index.internalId() == kTopLevel) {
        const int row = index.row();
        beginRemoveRows({}, row, row);
        for (const auto &call : std::as_const(m_entries[row].calls))
            m_ids.remove(call.id);
        m_entries.removeAt(row);
        m_openGroup = m_openGroup == row ? -1 : (m_openGroup > row ? m_openGroup - 1 : m_openGroup);
        reindex();
        endRemoveRows();
        return;
    }
    const int entry = entryOf(index);
    beginRemoveRows(index.parent(), index.row(), index.row());
    m_ids.remove(m_entries[entry].calls.at(index.row()).id);
    m_entries[entry].calls.removeAt(index.row());
    endRemoveRows();
    Q_EMIT dataChanged(this->index(entry, 0), this->index(entry, ColumnCount - 1));
}

void HistoryModel::reindex() {
    m_rowOfUid.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        m_rowOfUid.insert(m_entries.at(row).uid, row);
}

void HistoryModel::clear() {
    beginResetModel();
    m_entries.clear();
    m_ids.clear();
    m_rowOfUid.clear();
    m_openGroup = -1;
    endResetModel();
}

const client::CallRecord *HistoryModel::record(const QModelIndex &index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    if (index.internalId() == kTopLevel) {
        const auto &entry = m_entries.at(index.row());
        return entry.group ? nullptr : &entry.calls.first();
    }
    return &m_entries.at(entryOf(index)).calls.at(index.row());
}

QList<const client::CallRecord *> HistoryModel::records() const {
    QList<const client::CallRecord *> all;
    for (const auto &entry : m_entries) {
        for (const auto &call : entry.calls)
            all.append(&call);
    }
    return all;
}

const client::CallRecord *HistoryModel::lastRecordOf(client::CallKind style) const {
    for (auto entry = m_entries.crbegin(); entry != m_entries.crend(); ++entry) {
        for (auto call = entry->calls.crbegin(); call != entry->calls.crend(); ++call) {
            if (styleOf(call->kind) == styleOf(style))
                return &*call;
        }
    }
    return nullptr;
}

QModelIndex HistoryModel::index(int row, int column, const QModelIndex &parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_entries.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return {};
    const auto &entry = m_entries.at(parent.row());
    if (!entry.group || row >= entry.calls.size())
        return {};
    return createIndex(row, column, entry.uid);
}

QModelIndex HistoryModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    const int entry = entryOf(child);
    return entry < 0 ? QModelIndex() : createIndex(entry, 0, kTopLevel);
}

int HistoryModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_entries.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    const auto &entry = m_entries.at(parent.row());
    return entry.group ? int(entry.calls.size()) : 0;
}

int HistoryModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QString HistoryModel::styleName(client::CallKind kind) {
    switch (kind) {
    case client::CallKind::Rest:
        return QStringLiteral("REST");
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        return QStringLiteral("GraphQL");
    case client::CallKind::Grpc:
        return QStringLiteral("gRPC");
    }
    return {};
}

QString HistoryModel::statusText(const client::CallRecord &record) {
    if (!record.transportOk())
        return client::toString(record.error.kind);
    if (record.kind == client::CallKind::Grpc)
        return client::grpcCodeName(record.grpcCode);
    return QString::number(record.httpStatus);
}

QVariant HistoryModel::callData(const client::CallRecord &record, int column, int role) const {
    if (role == KindRole)
        return int(record.kind);
    if (role == IsGroupRole)
        return false;
    if (role == Qt::ToolTipRole)
        return record.error.kind == client::ErrorKind::None ? record.method + QLatin1Char(' ') + record.url
                                                            : record.error.text();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Style:
        return styleName(record.kind);
    case Status:
        return statusText(record);
    case Time:
        return formatDuration(record.timings.totalUs);
    case Target:
        return record.kind == client::CallKind::Grpc ? record.method : record.method + QLatin1Char(' ') + record.url;
    default:
        return {};
    }
}

QVariant HistoryModel::groupData(const Entry &entry, int column, int role) const {
    if (role == IsGroupRole)
        return true;
    if (role == GroupKeyRole)
        return entry.key;
    if (role == Qt::ToolTipRole)
        return tr("%1: %n call(s); expand to see each", nullptr, int(entry.calls.size())).arg(entry.title);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Style:
        return tr("All three");
    case Status:
        return tr("%n call(s)", nullptr, int(entry.calls.size()));
    case Target:
        return entry.title;
    default:
        return {};
    }
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() != kTopLevel)
        return callData(m_entries.at(entryOf(index)).calls.at(index.row()), index.column(), role);
    const auto &entry = m_entries.at(index.row());
    return entry.group ? groupData(entry, index.column(), role) : callData(entry.calls.first(), index.column(), role);
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {"Style", "Status", "Time", "Target"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace triptych::model
