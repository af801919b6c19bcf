#pragma once

#include "app/workspace/historyentry.h"

#include <QList>
#include <QString>

struct sqlite3;

namespace triptych::workspace {

// The history's SQLite database, used from one thread at a time (HistoryStore gives it a thread of its own). WAL
// journal, one transaction per batch of calls: a crash loses at most the calls not yet committed, never the file.
// Full-text search through an FTS5 index; response bodies over historylimits::kInlineBodyBytes go to files in
// "<database>.bodies/" beside it.
class HistoryDatabase {
public:
    HistoryDatabase() = default;
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }

    // Stores the calls in one transaction and gives each its id; false (nothing stored) on an error.
    bool append(QList<HistoryEntry> &entries, QString *error);
    QList<HistorySummary> search(const HistoryQuery &query, QString *error) const;
    std::optional<HistoryEntry> entry(qint64 id) const;
    bool remove(qint64 id);
    bool clear();
    // Drops the oldest calls beyond the limits; the number dropped.
    int prune(const HistoryLimits &limits, qint64 nowMs);

    int count() const;
    qint64 totalBytes() const;

private:
    bool exec(const char *sql, QString *error = nullptr) const;
    QString bodiesFolder() const;
    bool insert(HistoryEntry &entry, QString *error);
    // Deletes the rows matching `where` (SQL after WHERE, with one ?1 bound to `value`) and their body files.
    int deleteWhere(const char *where, qint64 value);

    sqlite3 *m_db = nullptr;
    QString m_path;
};

} // namespace triptych::workspace
