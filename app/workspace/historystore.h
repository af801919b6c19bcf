#pragma once

#include "app/workspace/historyentry.h"

#include <QMutex>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace triptych::workspace {

class HistoryDatabase;

// The persistent call history for the GUI thread: every call returns at once and the work runs on the store's own
// thread, with its own SQLite connection (historydatabase.h); answers come back as signals on this object's thread.
// Appends are batched into one transaction per burst, then the limits are applied.
class HistoryStore : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString databasePath; // empty: defaultPath()
        HistoryLimits limits;
    };

    explicit HistoryStore(QObject *parent = nullptr);
    explicit HistoryStore(Options options, QObject *parent = nullptr);
    // Finishes every write asked for so far.
    ~HistoryStore() override;

    // <XDG data dir>/triptych/history.sqlite (QStandardPaths::AppDataLocation).
    static QString defaultPath();
    QString databasePath() const { return m_options.databasePath; }

    void append(const HistoryEntry &entry);
    // Ids let a caller match an answer to its question; a search answers searchFinished, a fetch entryFetched.
    quint64 search(const HistoryQuery &query);
    quint64 fetch(qint64 id);
    void remove(qint64 id);
    void clear();
    void setLimits(const HistoryLimits &limits);
    HistoryLimits limits() const;

    // Blocks until everything asked so far is done and its signals are queued: for quitting, the CLI and tests.
    void waitForIdle();

Q_SIGNALS:
    void opened();
    void openFailed(const QString &error);
    void appendFinished(const QList<qint64> &ids);
    void appendFailed(const QString &error);
    void searchFinished(quint64 request, const QList<triptych::workspace::HistoryDay> &days);
    void searchFailed(quint64 request, const QString &error);
    void entryFetched(quint64 request, const triptych::workspace::HistoryEntry &entry);
    void fetchFailed(quint64 request, const QString &error);
    void removeFinished(qint64 id);
    void clearFinished();

private:
    // Runs `work` with the database on the store's thread.
    template <typename Work> void onStoreThread(Work work);
    void drainPending();

    Options m_options;
    std::shared_ptr<HistoryDatabase> m_database;
    QThreadPool m_thread;
    mutable QMutex m_mutex; // guards m_pending, m_drainQueued and m_options.limits
    QList<HistoryEntry> m_pending;
    bool m_drainQueued = false;
    quint64 m_nextRequest = 1;
};

} // namespace triptych::workspace
