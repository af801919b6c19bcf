#pragma once

#include "app/workspace/historyentry.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QTreeView;

namespace triptych::model {
class HistoryDayModel;
}

namespace triptych::workspace {
class HistoryStore;
}

namespace triptych::ui {

// The History dock's "All calls" tab (docs/workspace.md, "History"): the persistent history grouped by day, newest
// first, and a search over it. Words are looked up by the store's SQL full-text index in URLs, methods, headers,
// request and response bodies, status and errors; `style:grpc`, `method:POST`, `status:404` (or `4xx`) and `url:piece`
// narrow it. Every search runs on the store's thread and brings the newest 500 calls; nothing waits here.
class HistorySearchView : public QWidget {
    Q_OBJECT
public:
    explicit HistorySearchView(workspace::HistoryStore *store, QWidget *parent = nullptr);

    model::HistoryDayModel *dayModel() const { return m_model; }
    QLineEdit *searchEdit() const { return m_search; }
    QTreeView *treeView() const { return m_tree; }

    // The query typed words make: the `key:value` filters above, the rest as full-text words.
    static workspace::HistoryQuery parseQuery(const QString &text);

    // Searches again with the typed text now (typing waits for a pause first).
    void refresh();
    // Opens the limits dialog; on OK the limits are kept for the next start and applied by the store at once.
    void editLimits();
    // The context menu of the selected call, as a right click opens it.
    QMenu *createContextMenu();

Q_SIGNALS:
    // A search answered and the list shows it: `calls` rows in `days` days.
    void searchFinished(int calls, int days);
    void searchFailed(const QString &error);
    // The selected call, whole (headers and bodies), read from the store.
    void callSelected(const triptych::workspace::HistoryEntry &entry);
    void saveToCollectionRequested(const triptych::workspace::HistoryEntry &entry);
    void limitsChanged(const triptych::workspace::HistoryLimits &limits);

private:
    void onSearchFinished(quint64 request, const QList<workspace::HistoryDay> &days);
    void onEntryFetched(quint64 request, const workspace::HistoryEntry &entry);
    void onCurrentChanged();
    qint64 selectedId() const;

    workspace::HistoryStore *m_store;
    model::HistoryDayModel *m_model;
    QLineEdit *m_search;
    QTreeView *m_tree;
    QLabel *m_summary;
    QTimer *m_pause;
    quint64 m_searchRequest = 0;
    quint64 m_selectFetch = 0;
    quint64 m_saveFetch = 0;
    qint64 m_selectedId = 0; // kept across a new answer, so the selection stays on the same call
};

} // namespace triptych::ui
