#pragma once

#include "app/workspace/historyentry.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QList>

namespace triptych::model {

// The persistent history as the History dock's "All calls" list shows it (docs/workspace.md, "History"): one row per
// day, "Today", "Yesterday" or the date, newest first, and under it that day's calls, newest first. It only holds
// what a search of the store answered (summaries, no bodies).
class HistoryDayModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Time, Style, Status, Target, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // a call's id in the store; none for a day
        IsDayRole,
    };

    explicit HistoryDayModel(QObject *parent = nullptr);

    // Replaces the list; `today` decides which day reads "Today" (a test gives its own).
    void setDays(const QList<workspace::HistoryDay> &days, QDate today = QDate::currentDate());
    // Takes one call out, and its day when it was the day's last.
    void removeCall(qint64 id);
    void clear();

    const QList<workspace::HistoryDay> &days() const { return m_days; }
    int callCount() const;
    // The call at `index`; null for a day.
    const workspace::HistorySummary *summary(const QModelIndex &index) const;
    QModelIndex indexOfCall(qint64 id) const;

    // "Today", "Yesterday", else the day in the locale's long format ("Monday, 30 November 2026").
    static QString dayTitle(QDate day, QDate today);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant callData(const workspace::HistorySummary &call, int column, int role) const;
    QVariant dayData(const workspace::HistoryDay &day, int column, int role) const;

    QList<workspace::HistoryDay> m_days;
    QDate m_today;
};

} // namespace triptych::model
