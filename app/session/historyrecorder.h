#pragma once

#include "app/client/callrecord.h"
#include "app/workspace/historyentry.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace triptych::workspace {
class HistoryStore;
}

namespace triptych::session {

// Keeps the window's calls across restarts (docs/workspace.md, "History"): every finished call, as it was sent (after
// variables), goes into the persistent HistoryStore, and at start the newest calls come back as records the history
// list shows like fresh ones. The store does its work on its own thread; nothing here blocks.
class HistoryRecorder : public QObject {
    Q_OBJECT
public:
    // An empty path: HistoryStore::defaultPath(), in the user's data directory.
    explicit HistoryRecorder(const QString &databasePath = {}, QObject *parent = nullptr);

    workspace::HistoryStore *store() const { return m_store; }
    void record(const client::CallRecord &record);
    // Asks for the newest `count` calls; restoreFinished brings them oldest first.
    void restore(int count);

    // A stored call as the history list and the panes show it: request, status, phases, sizes, trace id and the
    // first 256 KiB of the body.
    static client::CallRecord toCallRecord(const workspace::HistoryEntry &entry);

Q_SIGNALS:
    void restoreFinished(const QList<triptych::client::CallRecord> &records);
    void restoreFailed(const QString &error);

private:
    void onSearchFinished(quint64 request, const QList<workspace::HistoryDay> &days);
    void onEntryFetched(quint64 request, const workspace::HistoryEntry &entry);
    void onFetchFailed(quint64 request);
    void finishRestore();

    workspace::HistoryStore *m_store;
    quint64 m_restoreSearch = 0;
    QSet<quint64> m_pendingFetches;
    QList<client::CallRecord> m_restored;
};

} // namespace triptych::session
