#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

// A prepared SQLite statement with Qt types, finalized when it goes out of scope; for the history database only.
namespace triptych::workspace {

class SqliteStatement {
public:
    SqliteStatement(sqlite3 *db, const char *sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_handle, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
            sqlite3_finalize(m_handle);
            m_handle = nullptr;
        }
    }
    ~SqliteStatement() { sqlite3_finalize(m_handle); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool ok() const { return m_handle != nullptr && m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    SqliteStatement &bind(int index, qint64 value) {
        sqlite3_bind_int64(m_handle, index, value);
        return *this;
    }
    SqliteStatement &bind(int index, const QString &text) {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_handle, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    SqliteStatement &bindBlob(int index, const QByteArray &bytes) {
        sqlite3_bind_blob(m_handle, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        return *this;
    }
    SqliteStatement &bindNull(int index) {
        sqlite3_bind_null(m_handle, index);
        return *this;
    }

    // The next row; false at the end or on an error (error() then says which).
    bool step() {
        if (!m_handle)
            return false;
        const int rc = sqlite3_step(m_handle);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_handle)));
        return false;
    }
    // Runs a statement without rows; false on an error.
    bool run() {
        step();
        return ok();
    }

    qint64 int64At(int column) const { return sqlite3_column_int64(m_handle, column); }
    bool isNullAt(int column) const { return sqlite3_column_type(m_handle, column) == SQLITE_NULL; }
    QString textAt(int column) const {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_handle, column));
        return QString::fromUtf8(text, sqlite3_column_bytes(m_handle, column));
    }
    QByteArray blobAt(int column) const {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_handle, column));
        return QByteArray(data, sqlite3_column_bytes(m_handle, column));
    }

private:
    sqlite3_stmt *m_handle = nullptr;
    QString m_error;
};

} // namespace triptych::workspace
