#include "app/model/historydaymodel.h"

#include <QDateTime>
#include <QLocale>

namespace triptych::model {

namespace {
// internalId of a day row; a call's is its day's row + 1.
constexpr quintptr kDayRow = 0;

} // namespace

HistoryDayModel::HistoryDayModel(QObject *parent)
    : QAbstractItemModel(parent) {}

void HistoryDayModel::setDays(const QList<workspace::HistoryDay> &days, QDate today) {
    beginResetModel();
    m_days = days;
    m_today = today;
    endResetModel();
}

void HistoryDayModel::removeCall(qint64 id) {
    const QModelIndex call = indexOfCall(id);
    if (!call.isValid())
        return;
    const int day = int(call.internalId() - 1);
    if (m_days.at(day).entries.size() == 1) {
        beginRemoveRows({}, day, day);
        m_days.removeAt(day);
        endRemoveRows();
        return;
    }
    beginRemoveRows(call.parent(), call.row(), call.row());
    m_days[day].entries.removeAt(call.row());
    endRemoveRows();
    Q_EMIT dataChanged(index(day, 0), index(day, ColumnCount - 1));
}

void HistoryDayModel::clear() {
    setDays({}, m_today);
}

int HistoryDayModel::callCount() const {
    int count = 0;
    for (const auto &day : m_days)
        count += int(day.entries.size());
    return count;
}

const workspace::HistorySummary *HistoryDayModel::summary(const QModelIndex &index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.internalId() == kDayRow)
        return nullptr;
    return &m_days.at(int(index.internalId() - 1)).entries.at(index.row());
}

QModelIndex HistoryDayModel::indexOfCall(qint64 id) const {
    for (int day = 0; day < m_days.size(); ++day) {
        const auto &entries = m_days.at(day).entries;
        for (int row = 0; row < entries.size(); ++row) {
            if (entries.at(row).id == id)
                return createIndex(row, 0, quintptr(day + 1));
        }
    }
    return {};
}

QString HistoryDayModel::dayTitle(QDate day, QDate today) {
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QModelIndex HistoryDayModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_days.size() ? createIndex(row, column, kDayRow) : QModelIndex();
    if (parent.internalId() != kDayRow || parent.column() != 0 || row >= m_days.at(parent.row()).entries.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex HistoryDayModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == kDayRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kDayRow);
}

int HistoryDayModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_days.size());
    if (parent.internalId() != kDayRow || parent.column() != 0)
        return 0;
    return int(m_days.at(parent.row()).entries.size());
}

int HistoryDayModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant HistoryDayModel::callData(const workspace::HistorySummary &call, int column, int role) const {
    if (role == IdRole)
        return call.id;
    if (role == IsDayRole)
        return false;
    if (role == Qt::ToolTipRole)
        return call.error.isEmpty() ? call.method + QLatin1Char(' ') + call.url : call.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Time:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(call.startedAtMs).time(), QLocale::ShortFormat);
    case Style:
        return styleLabel(call.style);
    case Status:
        return call.statusText.isEmpty() ? QString::number(call.status) : call.statusText;
    case Target:
        return call.style == workspace::RequestStyle::Grpc ? call.url + QLatin1Char(' ') + call.method
                                                           : call.method + QLatin1Char(' ') + call.url;
    default:
        return {};
    }
}

QVariant HistoryDayModel::dayData(const workspace::HistoryDay &day, int column, int role) const {
    if (role == IsDayRole)
        return true;
    if (role != Qt::DisplayRole)
        return {};
    if (column == Time)
        return dayTitle(day.day, m_today);
    if (column == Status)
        return day.entries.size() == 1 ? tr("1 call") : tr("%1 calls").arg(day.entries.size());
    return {};
}

QVariant HistoryDayModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kDayRow)
        return dayData(m_days.at(index.row()), index.column(), role);
    return callData(m_days.at(int(index.internalId() - 1)).entries.at(index.row()), index.column(), role);
}

QVariant HistoryDayModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {"When", "Style", "Status", "Target"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace triptych::model
