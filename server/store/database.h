#pragma once

#include "server/domain/result.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace triptych::store {

// One finished SQL statement, for tracing and for counting queries (the N+1 lesson).
struct StatementEvent {
    std::string_view sql; // the statement as prepared, with ? placeholders
    std::chrono::steady_clock::time_point start;
    std::chrono::nanoseconds duration{};
    std::int64_t rows = 0;
};
using StatementObserver = std::function<void(const StatementEvent &)>;

class Connection;

// A prepared statement borrowed from its connection's cache; resets and reports itself when it goes out of scope.
class Statement {
public:
    Statement(Connection &connection, sqlite3_stmt *handle, std::string prepareError = {});
    Statement(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement &operator=(Statement &&) = delete;
    ~Statement();

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, std::string_view text);
    Statement &bindNull(int index);

    // Advances to the next row; false at the end or on error (then error() says which).
    bool step();
    // Runs a statement that returns no rows.
    Status run();
    const std::string &error() const { return m_error; }
    bool failed() const { return !m_error.empty(); }

    std::int64_t int64At(int column) const;
    std::int32_t int32At(int column) const { return static_cast<std::int32_t>(int64At(column)); }
    bool boolAt(int column) const { return int64At(column) != 0; }
    std::string textAt(int column) const;
    std::string_view textViewAt(int column) const;
    bool isNullAt(int column) const;
    int columnCount() const;

private:
    // Reports the statement to the observer, resets it and gives it back to the cache.
    void finish();

    Connection *m_connection;
    sqlite3_stmt *m_handle;
    std::chrono::steady_clock::time_point m_start;
    std::int64_t m_rows = 0;
    bool m_started = false;
    std::string m_error;
};

// One SQLite connection with a cache of prepared statements keyed by the SQL text's address (always a literal).
class Connection {
public:
    Connection(sqlite3 *handle, const StatementObserver *observer, std::atomic<std::uint64_t> *counter,
               const std::chrono::microseconds *latency = nullptr);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Statement prepare(const char *sql);
    // Runs one or more statements without results (schema, pragmas, BEGIN/COMMIT).
    Status exec(const char *sql);
    sqlite3 *handle() const { return m_handle; }
    std::int64_t lastInsertId() const;

private:
    friend class Statement;
    void reportFinished(sqlite3_stmt *handle, std::int64_t rows, std::chrono::steady_clock::time_point start);
    void waitLatency() const;

    sqlite3 *m_handle;
    const StatementObserver *m_observer;
    std::atomic<std::uint64_t> *m_counter;
    const std::chrono::microseconds *m_latency;
    std::unordered_map<const char *, sqlite3_stmt *> m_statements;
};

// A transaction on one connection: rolled back unless committed.
class Transaction {
public:
    explicit Transaction(Connection &connection, bool immediate = false);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    Status begun() const { return m_begun; }
    Status commit();

private:
    Connection &m_connection;
    Status m_begun;
    bool m_open = false;
};

// The SQLite database: a file (kept, or temporary and removed on close) shared by a pool of connections,
// one per thread that uses it at a time, so that reads run in parallel (WAL) and writes serialize.
class Database {
public:
    struct Options {
        std::string path;                           // empty: a fresh temporary file removed when the database closes
        int users = 0;                              // size of the data set generated into a new database
        std::uint64_t seed = 0x5472697074796368ULL; // "Triptych"
    };

    // Opens or creates the database; a new one receives the deterministic data set.
    static Result<std::unique_ptr<Database>> open(const Options &options);
    ~Database();

    class Lease {
    public:
        Lease(Database &database, std::unique_ptr<Connection> connection);
        Lease(Lease &&) noexcept = default;
        ~Lease();
        Connection &operator*() const { return *m_connection; }
        Connection *operator->() const { return m_connection.get(); }

    private:
        Database *m_database;
        std::unique_ptr<Connection> m_connection;
    };

    // A connection for this thread's work; returned to the pool when the lease ends.
    Result<Lease> connection();

    // Set before the database is shared between threads; called on the thread that ran the statement.
    void setStatementObserver(StatementObserver observer) { m_observer = std::move(observer); }
    // Each statement waits this long before it runs, as a round trip to a database on the network does (the N+1
    // lesson: in-process SQLite makes many small queries cheap). Set before the database is shared; 0: none.
    void setStatementLatency(std::chrono::microseconds latency) { m_latency = latency; }
    std::uint64_t statementCount() const { return m_statementCount.load(std::memory_order_relaxed); }
    const std::string &path() const { return m_path; }
    bool generatedAtOpen() const { return m_generated; }

private:
    explicit Database(std::string path, bool temporary);
    Result<std::unique_ptr<Connection>> openConnection();
    void giveBack(std::unique_ptr<Connection> connection);

    std::string m_path;
    bool m_temporary;
    bool m_generated = false;
    StatementObserver m_observer;
    std::chrono::microseconds m_latency{0};
    std::atomic<std::uint64_t> m_statementCount{0};
    std::mutex m_poolMutex;
    std::vector<std::unique_ptr<Connection>> m_idle;
};

} // namespace triptych::store
