#include "app/model/historymodel.h"

#include "app/model/formatting.h"

namespace triptych::model {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void HistoryModel::append(const client::CallRecord &record) {
    const int row = int(m_records.size());
    beginInsertRows({}, row, row);
    m_records.append(record);
    endInsertRows();
}

int HistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_records.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
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

QVariant HistoryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const auto &record = m_records.at(index.row());
    if (role == KindRole)
        return int(record.kind);
    if (role == Qt::ToolTipRole)
        return record.error.kind == client::ErrorKind::None ? record.method + QLatin1Char(' ') + record.url
                                                            : record.error.text();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
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

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {"Style", "Status", "Time", "Target"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace triptych::model
