#include "app/session/recentworkspaces.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QVariantMap>

namespace triptych::session::recentworkspaces {

namespace {
constexpr auto kRecentKey = "workspaces/recent";
constexpr auto kEnvironmentsKey = "workspaces/environments"; // folder → environment name
constexpr auto kOpenRequestsKey = "workspaces/openRequests"; // folder → the request paths open in the panes

QString normalized(const QString &folder) {
    return QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

void store(const QStringList &folders) {
    QSettings().setValue(QLatin1String(kRecentKey), folders);
}
} // namespace

QStringList list() {
    return QSettings().value(QLatin1String(kRecentKey)).toStringList();
}

void add(const QString &folder) {
    QStringList folders = list();
    const QString path = normalized(folder);
    folders.removeAll(path);
    folders.prepend(path);
    store(folders.mid(0, kMaxRecent));
}

void remove(const QString &folder) {
    QStringList folders = list();
    folders.removeAll(normalized(folder));
    store(folders);
}

void clear() {
    store({});
}

QString last() {
    for (const QString &folder : list()) {
        if (QFileInfo(folder).isDir())
            return folder;
    }
    return {};
}

QString environment(const QString &folder) {
    return QSettings().value(QLatin1String(kEnvironmentsKey)).toMap().value(normalized(folder)).toString();
}

// One value per workspace folder, for the folders still in the recent list.
static void setPerFolder(const char *key, const QString &folder, const QVariant &value) {
    QSettings settings;
    QVariantMap map = settings.value(QLatin1String(key)).toMap();
    map.insert(normalized(folder), value);
    const QStringList recent = list();
    for (auto it = map.begin(); it != map.end();)
        it = recent.contains(it.key()) || it.key() == normalized(folder) ? std::next(it) : map.erase(it);
    settings.setValue(QLatin1String(key), map);
}

void setEnvironment(const QString &folder, const QString &environment) {
    setPerFolder(kEnvironmentsKey, folder, environment);
}

QStringList openRequests(const QString &folder) {
    return QSettings().value(QLatin1String(kOpenRequestsKey)).toMap().value(normalized(folder)).toStringList();
}

void setOpenRequests(const QString &folder, const QStringList &paths) {
    setPerFolder(kOpenRequestsKey, folder, paths);
}

} // namespace triptych::session::recentworkspaces
