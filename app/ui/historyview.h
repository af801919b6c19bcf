#pragma once

#include "app/client/callrecord.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTreeView;

namespace triptych::model {
class HistoryModel;
}

namespace triptych::ui {

// The history dock: a filter line over every finished call, newest last, a comparison's calls under one expandable
// entry; a context menu re-sends, copies and deletes. One row is selected at a time.
class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(QWidget *parent = nullptr);

    model::HistoryModel *historyModel() const { return m_history; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    // A call of its own, at the top level (one already in the history is not added again).
    void append(const client::CallRecord &record);
    // Starts the entry a comparison's calls go under; appendToGroup() files them there.
    void beginGroup(const QString &title, const QString &key);
    void appendToGroup(const client::CallRecord &record);
    // The selected call; null when none is (or a group is).
    const client::CallRecord *selectedRecord() const;
    // The newest call of a style (GraphQL over HTTP or WebSocket alike); null when there is none.
    const client::CallRecord *lastRecordOf(client::CallKind style) const;
    // Selects the call with this id (expanding its group); false when it is not shown.
    bool selectRecord(quint64 id);
    // The context menu for the selected row, as a right click opens it.
    QMenu *createContextMenu();

Q_SIGNALS:
    void recordSelected(const triptych::client::CallRecord &record);
    // Double-click, Enter or the menu: send the selected call again.
    void resendRequested();
    // The menu on a comparison's entry: ask its question again (`key` is the question's id, empty for Send all).
    void askAgainRequested(const QString &key);
    void copyFinished(const QString &what);
    // The menu's "Compare with…" on one call, then "Compare with …" on another: both answers, side by side.
    void compareRequested(const triptych::client::CallRecord &left, const triptych::client::CallRecord &right);

private:
    void onRowsInserted();
    void deleteSelected();
    void copySelected(bool body);
    void addCompareActions(QMenu *menu);

    model::HistoryModel *m_history;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    std::optional<client::CallRecord> m_compareWith; // the call "Compare with…" was picked on
};

} // namespace triptych::ui
