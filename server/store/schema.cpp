#include "server/store/schema.h"

#include "server/store/database.h"

#include <string>

namespace triptych::store {
namespace {

// orders_by_user covers every column of an order, so a user's orders are one range scan of the index with no seek
// into the table per order (docs/speed.md, "Server, wave 2").
constexpr const char *kCreateSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE users (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, avatar_url TEXT NOT NULL, bio TEXT NOT NULL,
    phone TEXT NOT NULL, locale TEXT NOT NULL, timezone TEXT NOT NULL, company TEXT NOT NULL,
    job_title TEXT NOT NULL, website TEXT NOT NULL, street TEXT NOT NULL, city TEXT NOT NULL,
    postal_code TEXT NOT NULL, country TEXT NOT NULL, date_of_birth TEXT NOT NULL, created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL, last_login_at INTEGER NOT NULL, is_active INTEGER NOT NULL,
    is_verified INTEGER NOT NULL, two_factor_enabled INTEGER NOT NULL, loyalty_tier TEXT NOT NULL,
    loyalty_points INTEGER NOT NULL, marketing_opt_in INTEGER NOT NULL, preferred_currency TEXT NOT NULL,
    preferred_language TEXT NOT NULL, notes TEXT NOT NULL,
    orders_count INTEGER NOT NULL DEFAULT 0, lifetime_value_cents INTEGER NOT NULL DEFAULT 0);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), product TEXT NOT NULL,
    quantity INTEGER NOT NULL, total_cents INTEGER NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX orders_by_user ON orders (user_id, id, product, quantity, total_cents, status, created_at);
CREATE TABLE friends (
    user_id INTEGER NOT NULL REFERENCES users(id), friend_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (user_id, friend_id)) WITHOUT ROWID;
)sql";

} // namespace

Result<SchemaState> inspectSchema(Connection &connection) {
    auto tables = connection.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
    if (!tables.step())
        return DomainError{ErrorCode::Internal, "not a readable SQLite database (" + tables.error() + ")"};
    if (tables.int64At(0) == 0)
        return SchemaState::Empty;

    auto version = connection.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version.step())
        return DomainError{ErrorCode::FailedPrecondition,
                           "not a Triptych database (no schema version); pass a new file to --db"};
    const std::string found = version.textAt(0);
    if (found != std::to_string(kSchemaVersion))
        return DomainError{ErrorCode::FailedPrecondition,
                           "schema version " + found + ", but this Triptych needs version " +
                               std::to_string(kSchemaVersion) + "; delete the file or pass a new one to --db"};
    return SchemaState::Current;
}

Status createSchema(Connection &connection) {
    Transaction transaction(connection);
    if (auto ok = connection.exec(kCreateSchema); !ok)
        return ok;
    auto version = connection.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?)");
    version.bind(1, std::to_string(kSchemaVersion));
    if (auto ok = version.run(); !ok)
        return ok;
    return transaction.commit();
}

} // namespace triptych::store
