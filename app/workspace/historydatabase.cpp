#include "app/workspace/historydatabase.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/sqlitestatement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace triptych::workspace {

namespace {

constexpr auto kSchema = R"sql(
CREATE TABLE IF NOT EXISTS calls(
    id INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL,
    style TEXT NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    status_text TEXT NOT NULL,
    error TEXT NOT NULL,
    duration_us INTEGER NOT NULL,
    dns_us INTEGER NOT NULL,
    connect_us INTEGER NOT NULL,
    tls_us INTEGER NOT NULL,
    first_byte_us INTEGER NOT NULL,
    request_bytes INTEGER NOT NULL,
    response_bytes INTEGER NOT NULL,
    request_headers TEXT NOT NULL,
    request_body BLOB NOT NULL,
    request_body_truncated INTEGER NOT NULL,
    response_headers TEXT NOT NULL,
    response_body BLOB NOT NULL,
    response_body_file TEXT,
    response_body_bytes INTEGER NOT NULL,
    response_body_truncated INTEGER NOT NULL,
    trace_id TEXT NOT NULL,
    size_bytes INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS calls_started ON calls(started_at);
CREATE INDEX IF NOT EXISTS calls_status ON calls(status);
CREATE VIRTUAL TABLE IF NOT EXISTS calls_text USING fts5(url, method, headers, request, response, status);
CREATE TRIGGER IF NOT EXISTS calls_deleted AFTER DELETE ON calls BEGIN
    DELETE FROM calls_text WHERE rowid = old.id;
END;
PRAGMA user_version = 1;
)sql";

constexpr auto kSummaryColumns = "c.id, c.started_at, c.style, c.method, c.url, c.status, c.status_text, c.error, "
                                 "c.duration_us, c.response_bytes";

QString headerLines(const TextPairs &headers) {
    QString lines;
    for (const auto &[name, value] : headers)
        lines += name + QStringLiteral(": ") + value + QLatin1Char('\n');
    return lines;
}

TextPairs parseHeaderLines(const QString &lines) {
    TextPairs headers;
    for (const QString &line : lines.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QStringLiteral(": "));
        headers.append({line.left(colon), colon < 0 ? QString() : line.mid(colon + 2)});
    }
    return headers;
}

// Words a person typed, as an FTS5 query: every word must appear, the last as a prefix; quoted, so no character of
// the input is FTS syntax.
QString ftsQuery(const QString &text) {
    QStringList terms;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        terms.append(QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                     QLatin1Char('"'));
    if (!terms.isEmpty())
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

QString likePattern(const QString &piece) {
    QString escaped = piece;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

HistorySummary summaryAt(const SqliteStatement &row) {
    HistorySummary summary;
    summary.id = row.int64At(0);
    summary.startedAtMs = row.int64At(1);
    summary.style = styleFromName(row.textAt(2)).value_or(RequestStyle::Rest);
    summary.method = row.textAt(3);
    summary.url = row.textAt(4);
    summary.status = int(row.int64At(5));
    summary.statusText = row.textAt(6);
    summary.error = row.textAt(7);
    summary.durationUs = row.int64At(8);
    summary.responseBytes = row.int64At(9);
    return summary;
}

} // namespace

HistoryDatabase::~HistoryDatabase() {
    sqlite3_close(m_db);
}

bool HistoryDatabase::exec(const char *sql, QString *error) const {
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message);
    sqlite3_free(message);
    return false;
}

bool HistoryDatabase::open(const QString &path, QString *error) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        if (error)
            *error =
                QStringLiteral("Could not open the history %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return false;
    }
    m_db = db;
    m_path = path;
    QString why;
    if (!exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;", &why) ||
        !exec(kSchema, &why)) {
        if (error)
            *error = QStringLiteral("Could not prepare the history %1: %2").arg(path, why);
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    return true;
}

QString HistoryDatabase::bodiesFolder() const {
    return m_path + QStringLiteral(".bodies");
}

bool HistoryDatabase::append(QList<HistoryEntry> &entries, QString *error) {
    if (!m_db) {
        if (error)
            *error = QStringLiteral("The history database is not open");
        return false;
    }
    if (!exec("BEGIN IMMEDIATE", error))
        return false;
    for (HistoryEntry &entry : entries) {
        if (!insert(entry, error)) {
            exec("ROLLBACK");
            return false;
        }
    }
    return exec("COMMIT", error);
}

bool HistoryDatabase::insert(HistoryEntry &entry, QString *error) {
    if (entry.requestBody.size() > historylimits::kRequestBodyBytes) {
        entry.requestBody.truncate(historylimits::kRequestBodyBytes);
        entry.requestBodyTruncated = true;
    }
    entry.responseBodyBytes = std::max<qint64>(entry.responseBodyBytes, entry.responseBody.size());
    if (entry.responseBody.size() > historylimits::kFileBodyBytes) {
        entry.responseBody.truncate(historylimits::kFileBodyBytes);
        entry.responseBodyTruncated = true;
    }
    const bool inFile = entry.responseBody.size() > historylimits::kInlineBodyBytes;
    const QString requestHeaders = headerLines(entry.requestHeaders);
    const QString responseHeaders = headerLines(entry.responseHeaders);
    const qint64 size = requestHeaders.size() + entry.requestBody.size() + responseHeaders.size() +
                        entry.responseBody.size() + entry.url.size() + 256;
    SqliteStatement insert(m_db,
                           "INSERT INTO calls(started_at, style, method, url, status, status_text, error, "
                           "duration_us, dns_us, connect_us, tls_us, first_byte_us, request_bytes, response_bytes, "
                           "request_headers, request_body, request_body_truncated, response_headers, response_body, "
                           "response_body_file, response_body_bytes, response_body_truncated, trace_id, size_bytes) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                           "?18, ?19, NULL, ?20, ?21, ?22, ?23)");
    insert.bind(1, entry.startedAtMs).bind(2, styleName(entry.style)).bind(3, entry.method).bind(4, entry.url);
    insert.bind(5, entry.status).bind(6, entry.statusText).bind(7, entry.error).bind(8, entry.durationUs);
    insert.bind(9, entry.dnsUs).bind(10, entry.connectUs).bind(11, entry.tlsUs).bind(12, entry.firstByteUs);
    insert.bind(13, entry.requestBytes).bind(14, entry.responseBytes).bind(15, requestHeaders);
    insert.bindBlob(16, entry.requestBody).bind(17, entry.requestBodyTruncated ? 1 : 0).bind(18, responseHeaders);
    insert.bindBlob(19, inFile ? QByteArray("") : entry.responseBody).bind(20, entry.responseBodyBytes);
    insert.bind(21, entry.responseBodyTruncated ? 1 : 0).bind(22, entry.traceId).bind(23, size);
    if (!insert.run()) {
        if (error)
            *error = insert.error();
        return false;
    }
    entry.id = sqlite3_last_insert_rowid(m_db);
    if (inFile) {
        const QString name = QStringLiteral("%1.body").arg(entry.id);
        if (!writeFileAtomically(QDir(bodiesFolder()).filePath(name), entry.responseBody, error))
            return false;
        SqliteStatement file(m_db, "UPDATE calls SET response_body_file = ?1 WHERE id = ?2");
        file.bind(1, name).bind(2, entry.id).run();
    }
    SqliteStatement text(m_db, "INSERT INTO calls_text(rowid, url, method, headers, request, response, status) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    text.bind(1, entry.id).bind(2, entry.url).bind(3, entry.method).bind(4, requestHeaders + responseHeaders);
    text.bind(5, QString::fromUtf8(entry.requestBody.left(historylimits::kIndexedTextBytes)));
    text.bind(6, QString::fromUtf8(entry.responseBody.left(historylimits::kIndexedTextBytes)));
    text.bind(7, entry.statusText + QLatin1Char(' ') + entry.error);
    if (!text.run()) {
        if (error)
            *error = text.error();
        return false;
    }
    return true;
}

QList<HistorySummary> HistoryDatabase::search(const HistoryQuery &query, QString *error) const {
    if (!m_db) {
        if (error)
            *error = QStringLiteral("The history database is not open");
        return {};
    }
    QString filters;
    if (!query.url.isEmpty())
        filters += QStringLiteral(" AND c.url LIKE ?2 ESCAPE '\\'");
    if (!query.method.isEmpty())
        filters += QStringLiteral(" AND c.method = ?3 COLLATE NOCASE");
    if (query.style)
        filters += QStringLiteral(" AND c.style = ?4");
    if (query.statusFrom >= 0)
        filters += QStringLiteral(" AND c.status BETWEEN ?5 AND ?6");
    if (query.fromMs > 0)
        filters += QStringLiteral(" AND c.started_at >= ?7");
    if (query.toMs > 0)
        filters += QStringLiteral(" AND c.started_at < ?8");
    const QString columns = QString::fromLatin1(kSummaryColumns);
    const QString sql =
        query.text.trimmed().isEmpty()
            ? QStringLiteral("SELECT %1 FROM calls c WHERE 1%2 ORDER BY c.id DESC LIMIT ?9").arg(columns, filters)
            : QStringLiteral("SELECT %1 FROM calls_text JOIN calls c ON c.id = calls_text.rowid WHERE calls_text "
                             "MATCH ?1%2 ORDER BY calls_text.rowid DESC LIMIT ?9")
                  .arg(columns, filters);
    SqliteStatement select(m_db, sql.toUtf8().constData());
    select.bind(1, ftsQuery(query.text)).bind(2, likePattern(query.url)).bind(3, query.method);
    select.bind(4, query.style ? styleName(*query.style) : QString());
    select.bind(5, query.statusFrom).bind(6, query.statusTo < 0 ? query.statusFrom : query.statusTo);
    select.bind(7, query.fromMs).bind(8, query.toMs).bind(9, std::clamp(query.limit, 1, 100'000));
    QList<HistorySummary> rows;
    while (select.step())
        rows.append(summaryAt(select));
    if (!select.ok() && error)
        *error = select.error();
    return rows;
}

std::optional<HistoryEntry> HistoryDatabase::entry(qint64 id) const {
    if (!m_db)
        return std::nullopt;
    SqliteStatement select(m_db, "SELECT started_at, style, method, url, status, status_text, error, duration_us, "
                                 "dns_us, connect_us, tls_us, first_byte_us, request_bytes, response_bytes, "
                                 "request_headers, request_body, request_body_truncated, response_headers, "
                                 "response_body, response_body_file, response_body_bytes, response_body_truncated, "
                                 "trace_id FROM calls WHERE id = ?1");
    select.bind(1, id);
    if (!select.step())
        return std::nullopt;
    HistoryEntry entry;
    entry.id = id;
    entry.startedAtMs = select.int64At(0);
    entry.style = styleFromName(select.textAt(1)).value_or(RequestStyle::Rest);
    entry.method = select.textAt(2);
    entry.url = select.textAt(3);
    entry.status = int(select.int64At(4));
    entry.statusText = select.textAt(5);
    entry.error = select.textAt(6);
    entry.durationUs = select.int64At(7);
    entry.dnsUs = select.int64At(8);
    entry.connectUs = select.int64At(9);
    entry.tlsUs = select.int64At(10);
    entry.firstByteUs = select.int64At(11);
    entry.requestBytes = select.int64At(12);
    entry.responseBytes = select.int64At(13);
    entry.requestHeaders = parseHeaderLines(select.textAt(14));
    entry.requestBody = select.blobAt(15);
    entry.requestBodyTruncated = select.int64At(16) != 0;
    entry.responseHeaders = parseHeaderLines(select.textAt(17));
    entry.responseBody = select.isNullAt(19)
                             ? select.blobAt(18)
                             : readWholeFile(QDir(bodiesFolder()).filePath(select.textAt(19))).value_or(QByteArray());
    entry.responseBodyBytes = select.int64At(20);
    entry.responseBodyTruncated = select.int64At(21) != 0;
    entry.traceId = select.textAt(22);
    return entry;
}

int HistoryDatabase::deleteWhere(const char *where, qint64 value) {
    const QByteArray files =
        QByteArray("SELECT response_body_file FROM calls WHERE response_body_file IS NOT NULL AND (") + where + ')';
    SqliteStatement select(m_db, files.constData());
    select.bind(1, value);
    QStringList bodies;
    while (select.step())
        bodies.append(select.textAt(0));
    SqliteStatement remove(m_db, (QByteArray("DELETE FROM calls WHERE ") + where).constData());
    remove.bind(1, value);
    if (!remove.run())
        return 0;
    for (const QString &body : bodies)
        QFile::remove(QDir(bodiesFolder()).filePath(body));
    return sqlite3_changes(m_db);
}

bool HistoryDatabase::remove(qint64 id) {
    if (!m_db)
        return false;
    return deleteWhere("id = ?1", id) == 1;
}

bool HistoryDatabase::clear() {
    if (!m_db)
        return false;
    deleteWhere("?1 = ?1", 0);
    QDir(bodiesFolder()).removeRecursively();
    return exec("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
}

int HistoryDatabase::prune(const HistoryLimits &limits, qint64 nowMs) {
    if (!m_db)
        return 0;
    int dropped = 0;
    if (limits.maxAgeDays > 0)
        dropped += deleteWhere("started_at < ?1", nowMs - qint64(limits.maxAgeDays) * 24 * 3600 * 1000);
    if (limits.maxEntries > 0) {
        SqliteStatement nth(m_db, "SELECT id FROM calls ORDER BY id DESC LIMIT 1 OFFSET ?1");
        nth.bind(1, limits.maxEntries - 1);
        if (nth.step())
            dropped += deleteWhere("id < ?1", nth.int64At(0));
    }
    if (limits.maxBytes > 0 && totalBytes() > limits.maxBytes) {
        // The newest calls that fit; everything older goes.
        SqliteStatement cut(m_db, "SELECT id FROM (SELECT id, SUM(size_bytes) OVER (ORDER BY id DESC) AS kept "
                                  "FROM calls) WHERE kept > ?1 ORDER BY id DESC LIMIT 1");
        cut.bind(1, limits.maxBytes);
        if (cut.step())
            dropped += deleteWhere("id <= ?1", cut.int64At(0));
    }
    return dropped;
}

int HistoryDatabase::count() const {
    if (!m_db)
        return 0;
    SqliteStatement select(m_db, "SELECT COUNT(*) FROM calls");
    return select.step() ? int(select.int64At(0)) : 0;
}

qint64 HistoryDatabase::totalBytes() const {
    if (!m_db)
        return 0;
    SqliteStatement select(m_db, "SELECT COALESCE(SUM(size_bytes), 0) FROM calls");
    return select.step() ? select.int64At(0) : 0;
}

} // namespace triptych::workspace
