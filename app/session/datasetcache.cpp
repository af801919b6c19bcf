#include "app/session/datasetcache.h"

#include "server/host/orderserver.h"
#include "server/host/serveroptions.h"
#include "server/store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <atomic>

namespace triptych::session {

namespace {
std::atomic<bool> g_enabled{false};

const QString kPrefix = QStringLiteral("dataset-");
const QString kCopyPrefix = QStringLiteral("/triptych-data-");
} // namespace

void DatasetCache::enable() {
    g_enabled = true;
}

bool DatasetCache::enabled() {
    return g_enabled;
}

QString DatasetCache::cachedPath(const ServerOptions &options) {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QFileInfo executable(QCoreApplication::applicationFilePath());
    return folder + QLatin1Char('/') + kPrefix +
           QStringLiteral("%1-%2-%3.sqlite")
               .arg(options.users)
               .arg(executable.size())
               .arg(executable.lastModified().toMSecsSinceEpoch());
}

std::string DatasetCache::copyFor(const ServerOptions &options) {
    if (!enabled() || !options.databasePath.empty())
        return {};
    const QString cached = cachedPath(options);
    if (!QFile::exists(cached))
        return {};
    QTemporaryFile copy(QDir::tempPath() + kCopyPrefix + QStringLiteral("XXXXXX.sqlite"));
    copy.setAutoRemove(false);
    if (!copy.open())
        return {};
    QFile source(cached);
    if (!source.open(QIODevice::ReadOnly) || copy.write(source.readAll()) != source.size()) {
        copy.remove();
        return {};
    }
    copy.close();
    return QFile::encodeName(copy.fileName()).toStdString();
}

void DatasetCache::storeFrom(OrderServer &server, const ServerOptions &options) {
    store::Database *database = server.database();
    if (!enabled() || !database || !database->generatedAtOpen())
        return;
    const QString cached = cachedPath(options);
    QDir folder = QFileInfo(cached).dir();
    if (!folder.mkpath(QStringLiteral(".")))
        return;
    // Written under another name and renamed: a start beside this one never copies half a file.
    const QString partial = cached + QStringLiteral(".%1.part").arg(QCoreApplication::applicationPid());
    QFile::remove(partial);
    auto lease = database->connection();
    if (!lease)
        return;
    QString escaped = partial;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    const std::string sql = "VACUUM INTO '" + QFile::encodeName(escaped).toStdString() + "'";
    if (!(*lease)->exec(sql.c_str()) || !QFile::rename(partial, cached)) {
        QFile::remove(partial);
        return;
    }
    // Data sets of earlier builds are never read again.
    const auto stale = folder.entryList({kPrefix + QStringLiteral("*.sqlite")}, QDir::Files);
    for (const QString &name : stale) {
        if (folder.filePath(name) != cached)
            folder.remove(name);
    }
}

void DatasetCache::removeCopy(const std::string &path) {
    const QString file = QFile::decodeName(QByteArray::fromStdString(path));
    if (path.empty() || !file.startsWith(QDir::tempPath() + kCopyPrefix))
        return; // only the copies made here: never a database someone named

    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(file + suffix);
}

} // namespace triptych::session
