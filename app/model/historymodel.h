#pragma once

#include "app/client/callrecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace triptych::model {

// Every call since the app started, newest last: style, target, status and total time.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Style, Status, Time, Target, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1 };

    explicit HistoryModel(QObject *parent = nullptr);

    void append(const client::CallRecord &record);
    const client::CallRecord &record(int row) const { return m_records.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString styleName(client::CallKind kind);
    // "200 OK", "NOT_FOUND", "refused"...: what a person reads in a list.
    static QString statusText(const client::CallRecord &record);

private:
    QList<client::CallRecord> m_records;
};

} // namespace triptych::model
