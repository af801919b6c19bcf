#pragma once

#include "app/client/callrecord.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace triptych::model {

// Every call since the app started, newest last: style, target, status and total time. A comparison's calls (a
// question's three, its N+1 follow-ups, its event writes) sit under one expandable entry, so one question is one
// line of history, not a hundred.
class HistoryModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Style, Status, Time, Target, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(CallKind) of a call; none for a group
        IsGroupRole,
        GroupKeyRole, // a group's key, e.g. the question's id
    };

    explicit HistoryModel(QObject *parent = nullptr);

    // A call of its own, at the top level; a call already in the history (by id) is not added twice.
    void append(const client::CallRecord &record);
    // Starts a group: appendToGroup() files calls under it until the next group starts.
    void beginGroup(const QString &title, const QString &key);
    // A call of the current group; at the top level when there is none (or it was deleted).
    void appendToGroup(const client::CallRecord &record);
    // Removes a call or a whole group.
    void remove(const QModelIndex &index);
    void clear();

    // The call at `index`; null for a group.
    const client::CallRecord *record(const QModelIndex &index) const;
    // Every call, grouped ones included.
    int callCount() const { return int(m_ids.size()); }
    // Every call in the order it was added (a group's calls where the group is).
    QList<const client::CallRecord *> records() const;
    bool contains(quint64 id) const { return m_ids.contains(id); }
    // The newest call of a style (GraphQL over HTTP or WebSocket alike), grouped ones included; null when none.
    const client::CallRecord *lastRecordOf(client::CallKind style) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString styleName(client::CallKind kind);
    // "200 OK", "NOT_FOUND", "refused"...: what a person reads in a list.
    static QString statusText(const client::CallRecord &record);

private:
    // A top-level row: one call, or a group of calls.
    struct Entry {
        quintptr uid = 0; // a group's children carry it as internalId: it stays when rows above are removed
        bool group = false;
        QString title; // a group's
        QString key;
        QList<client::CallRecord> calls;
    };
    void appendTo(int entry, const client::CallRecord &record);
    int entryOf(const QModelIndex &child) const { return m_rowOfUid.value(child.internalId(), -1); }
    void reindex();
    QVariant callData(const client::CallRecord &record, int column, int role) const;
    QVariant groupData(const Entry &entry, int column, int role) const;

    QList<Entry> m_entries;
    QSet<quint64> m_ids;
    QHash<quintptr, int> m_rowOfUid;
    quintptr m_nextUid = 1;
    int m_openGroup = -1; // index into m_entries, or -1
};

} // namespace triptych::model
