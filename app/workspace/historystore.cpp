#include "app/workspace/historystore.h"
#include "app/workspace/historydatabase.h"

#include <QDateTime>
#include <QDir>
#include <QMetaObject>
#include <QMutexLocker>
#include <QStandardPaths>

namespace triptych::workspace {

HistoryStore::HistoryStore(QObject *parent)
    : HistoryStore(Options{}, parent) {}

HistoryStore::HistoryStore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_database(std::make_shared<HistoryDatabase>()) {
    if (m_options.databasePath.isEmpty())
        m_options.databasePath = defaultPath();
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
    const QString path = m_options.databasePath;
    onStoreThread([this, path](HistoryDatabase &database) {
        QString error;
        const bool ok = database.open(path, &error);
        QMetaObject::invokeMethod(
            this,
            [this, ok, error] {
                if (ok)
                    Q_EMIT opened();
                else
                    Q_EMIT openFailed(error);
            },
            Qt::QueuedConnection);
    });
}

HistoryStore::~HistoryStore() {
    m_thread.waitForDone();
}

QString HistoryStore::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

template <typename Work> void HistoryStore::onStoreThread(Work work) {
    m_thread.start([database = m_database, work] {
        if (database)
            work(*database);
    });
}

void HistoryStore::append(const HistoryEntry &entry) {
    QMutexLocker lock(&m_mutex);
    m_pending.append(entry);
    if (m_drainQueued)
        return;
    m_drainQueued = true;
    lock.unlock();
    onStoreThread([this](HistoryDatabase &) { drainPending(); });
}

// Runs on the store's thread: everything appended since the last drain goes in one transaction.
void HistoryStore::drainPending() {
    QMutexLocker lock(&m_mutex);
    QList<HistoryEntry> batch = std::move(m_pending);
    m_pending.clear();
    m_drainQueued = false;
    const HistoryLimits limits = m_options.limits;
    lock.unlock();
    HistoryDatabase &database = *m_database;
    QString error;
    if (!database.isOpen() || !database.append(batch, &error)) {
        if (error.isEmpty())
            error = QStringLiteral("The history database is not open");
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT appendFailed(error); }, Qt::QueuedConnection);
        return;
    }
    database.prune(limits, QDateTime::currentMSecsSinceEpoch());
    QList<qint64> ids;
    for (const HistoryEntry &entry : batch)
        ids.append(entry.id);
    QMetaObject::invokeMethod(
        this, [this, ids] { Q_EMIT appendFinished(ids); }, Qt::QueuedConnection);
}

quint64 HistoryStore::search(const HistoryQuery &query) {
    const quint64 request = m_nextRequest++;
    onStoreThread([this, request, query](HistoryDatabase &database) {
        QString error;
        const QList<HistorySummary> rows = database.search(query, &error);
        const QList<HistoryDay> days = groupByDay(rows);
        QMetaObject::invokeMethod(
            this,
            [this, request, days, error] {
                if (error.isEmpty())
                    Q_EMIT searchFinished(request, days);
                else
                    Q_EMIT searchFailed(request, error);
            },
            Qt::QueuedConnection);
    });
    return request;
}

quint64 HistoryStore::fetch(qint64 id) {
    const quint64 request = m_nextRequest++;
    onStoreThread([this, request, id](HistoryDatabase &database) {
        const auto entry = database.entry(id);
        QMetaObject::invokeMethod(
            this,
            [this, request, entry, id] {
                if (entry)
                    Q_EMIT entryFetched(request, *entry);
                else
                    Q_EMIT fetchFailed(request, QStringLiteral("There is no call %1 in the history").arg(id));
            },
            Qt::QueuedConnection);
    });
    return request;
}

void HistoryStore::remove(qint64 id) {
    onStoreThread([this, id](HistoryDatabase &database) {
        database.remove(id);
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT removeFinished(id); }, Qt::QueuedConnection);
    });
}

void HistoryStore::clear() {
    onStoreThread([this](HistoryDatabase &database) {
        database.clear();
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT clearFinished(); }, Qt::QueuedConnection);
    });
}

void HistoryStore::setLimits(const HistoryLimits &limits) {
    {
        QMutexLocker lock(&m_mutex);
        m_options.limits = limits;
    }
    onStoreThread([limits](HistoryDatabase &database) { database.prune(limits, QDateTime::currentMSecsSinceEpoch()); });
}

HistoryLimits HistoryStore::limits() const {
    QMutexLocker lock(&m_mutex);
    return m_options.limits;
}

void HistoryStore::waitForIdle() {
    m_thread.waitForDone();
}

} // namespace triptych::workspace
