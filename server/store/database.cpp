#include "server/store/database.h"

#include "server/domain/limits.h"
#include "server/store/datasetgenerator.h"
#include "server/store/schema.h"

#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>
#include <unistd.h>

namespace triptych::store {
namespace {

DomainError sqliteError(sqlite3 *handle, std::string_view what) {
    std::string message(what);
    message += ": ";
    message += handle ? sqlite3_errmsg(handle) : "out of memory";
    return DomainError{ErrorCode::Internal, std::move(message), {}, "DATABASE_ERROR"};
}

std::string temporaryPath() {
    static std::atomic<unsigned> counter{0};
    std::random_device entropy;
    const auto name = "triptych-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                      std::to_string(entropy()) + ".sqlite";
    return (std::filesystem::temp_directory_path() / name).string();
}

void removeDatabaseFiles(const std::string &path) {
    std::error_code ignored;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix, ignored);
}

} // namespace

// ---- Statement ----

Statement::Statement(Connection &connection, sqlite3_stmt *handle, std::string prepareError)
    : m_connection(&connection)
    , m_handle(handle)
    , m_error(std::move(prepareError)) {}

Statement::Statement(Statement &&other) noexcept
    : m_connection(other.m_connection)
    , m_handle(other.m_handle)
    , m_start(other.m_start)
    , m_rows(other.m_rows)
    , m_started(other.m_started)
    , m_error(std::move(other.m_error)) {
    other.m_handle = nullptr;
}

Statement::~Statement() {
    finish();
}

void Statement::finish() {
    if (!m_handle)
        return;
    if (m_started)
        m_connection->reportFinished(m_handle, m_rows, m_start);
    sqlite3_reset(m_handle);
    sqlite3_clear_bindings(m_handle);
    m_handle = nullptr;
}

Statement &Statement::bind(int index, std::int64_t value) {
    if (m_handle)
        sqlite3_bind_int64(m_handle, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text) {
    if (m_handle)
        sqlite3_bind_text(m_handle, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index) {
    if (m_handle)
        sqlite3_bind_null(m_handle, index);
    return *this;
}

bool Statement::step() {
    if (!m_handle)
        return false;
    if (!m_started) {
        m_started = true;
        m_start = std::chrono::steady_clock::now();
        m_connection->waitLatency(); // inside the statement's span, where a networked database spends it
    }
    const int rc = sqlite3_step(m_handle);
    if (rc == SQLITE_ROW) {
        ++m_rows;
        return true;
    }
    if (rc != SQLITE_DONE)
        m_error = sqlite3_errmsg(m_connection->handle());
    finish(); // releases the statement's locks at once, before a COMMIT or another statement
    return false;
}

Status Statement::run() {
    while (step()) {
    }
    if (failed())
        return DomainError{ErrorCode::Internal, "SQL statement failed: " + m_error, {}, "DATABASE_ERROR"};
    return Done{};
}

std::int64_t Statement::int64At(int column) const {
    return sqlite3_column_int64(m_handle, column);
}

std::string Statement::textAt(int column) const {
    return std::string(textViewAt(column));
}

std::string_view Statement::textViewAt(int column) const {
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_handle, column));
    if (!text)
        return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(m_handle, column))};
}

int Statement::columnCount() const {
    return m_handle ? sqlite3_column_count(m_handle) : 0;
}

bool Statement::isNullAt(int column) const {
    return sqlite3_column_type(m_handle, column) == SQLITE_NULL;
}

// ---- Connection ----

Connection::Connection(sqlite3 *handle, const StatementObserver *observer, std::atomic<std::uint64_t> *counter,
                       const std::chrono::microseconds *latency)
    : m_handle(handle)
    , m_observer(observer)
    , m_counter(counter)
    , m_latency(latency) {}

void Connection::waitLatency() const {
    if (m_latency && m_latency->count() > 0)
        std::this_thread::sleep_for(*m_latency);
}

Connection::~Connection() {
    for (auto &[sql, statement] : m_statements)
        sqlite3_finalize(statement);
    sqlite3_close(m_handle);
}

Statement Connection::prepare(const char *sql) {
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        sqlite3_stmt *handle = nullptr;
        if (sqlite3_prepare_v3(m_handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &handle, nullptr) != SQLITE_OK) {
            sqlite3_finalize(handle);
            return Statement(*this, nullptr, sqlite3_errmsg(m_handle));
        }
        found = m_statements.emplace(sql, handle).first;
    }
    return Statement(*this, found->second);
}

Status Connection::exec(const char *sql) {
    char *message = nullptr;
    if (sqlite3_exec(m_handle, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        DomainError error{ErrorCode::Internal,
                          std::string("SQL failed: ") + (message ? message : "unknown error"),
                          {},
                          "DATABASE_ERROR"};
        sqlite3_free(message);
        return error;
    }
    return Done{};
}

std::int64_t Connection::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_handle);
}

void Connection::reportFinished(sqlite3_stmt *handle, std::int64_t rows, std::chrono::steady_clock::time_point start) {
    m_counter->fetch_add(1, std::memory_order_relaxed);
    if (m_observer && *m_observer) {
        const char *sql = sqlite3_sql(handle);
        (*m_observer)(StatementEvent{sql ? std::string_view(sql) : std::string_view(), start,
                                     std::chrono::steady_clock::now() - start, rows});
    }
}

// ---- Transaction ----

Transaction::Transaction(Connection &connection, bool immediate)
    : m_connection(connection)
    , m_begun(connection.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN")) {
    m_open = m_begun.ok();
}

Transaction::~Transaction() {
    if (m_open)
        m_connection.exec("ROLLBACK");
}

Status Transaction::commit() {
    if (!m_open)
        return m_begun;
    m_open = false;
    return m_connection.exec("COMMIT");
}

// ---- Database ----

Database::Database(std::string path, bool temporary)
    : m_path(std::move(path))
    , m_temporary(temporary) {}

Database::~Database() {
    {
        std::lock_guard lock(m_poolMutex);
        m_idle.clear();
    }
    if (m_temporary)
        removeDatabaseFiles(m_path);
}

Result<std::unique_ptr<Database>> Database::open(const Options &options) {
    const bool temporary = options.path.empty();
    std::unique_ptr<Database> database(new Database(temporary ? temporaryPath() : options.path, temporary));
    auto first = database->openConnection();
    if (!first)
        return first.error();
    Connection &connection = **first;
    auto state = inspectSchema(connection);
    if (!state)
        return DomainError{state.error().code, "database " + database->m_path + ": " + state.error().message};
    if (*state == SchemaState::Empty) {
        if (auto created = createSchema(connection); !created)
            return created.error();
        if (auto generated = generateDataset(connection, options.users, options.seed); !generated)
            return generated.error();
        database->m_generated = true;
    }
    database->giveBack(std::move(*first));
    return database;
}

Result<std::unique_ptr<Connection>> Database::openConnection() {
    sqlite3 *handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(m_path.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
        auto error = sqliteError(handle, "cannot open " + m_path);
        sqlite3_close(handle);
        return error;
    }
    sqlite3_busy_timeout(handle, static_cast<int>(limits::kSqliteBusyTimeout.count()));
    auto connection = std::make_unique<Connection>(handle, &m_observer, &m_statementCount, &m_latency);
    // A temporary database needs no durability; a kept one keeps WAL's crash safety.
    const char *pragmas = m_temporary ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;"
                                      : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
    if (auto ok = connection->exec(pragmas); !ok)
        return DomainError{ErrorCode::Internal, m_path + " is not a usable SQLite database (" + ok.error().message +
                                                    "); pass another --db file"};
    return connection;
}

Result<Database::Lease> Database::connection() {
    {
        std::lock_guard lock(m_poolMutex);
        if (!m_idle.empty()) {
            auto connection = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(*this, std::move(connection));
        }
    }
    auto opened = openConnection();
    if (!opened)
        return opened.error();
    return Lease(*this, std::move(*opened));
}

void Database::giveBack(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(m_poolMutex);
    m_idle.push_back(std::move(connection));
}

Database::Lease::Lease(Database &database, std::unique_ptr<Connection> connection)
    : m_database(&database)
    , m_connection(std::move(connection)) {}

Database::Lease::~Lease() {
    if (m_connection)
        m_database->giveBack(std::move(m_connection));
}

} // namespace triptych::store
