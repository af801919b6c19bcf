#include "app/session/recentworkspaces.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QVariantMap>

namespace triptych::session::recentworkspaces {

namespace {
constexpr auto kRecentKey = "workspaces/recent";
constexpr auto kEnvironmentsKey = "workspaces/environments"; // folder → environment name

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

void setEnvironment(const QString &folder, const QString &environment) {
    QSettings settings;
    QVariantMap map = settings.value(QLatin1String(kEnvironmentsKey)).toMap();
    map.insert(normalized(folder), environment);
    settings.setValue(QLatin1String(kEnvironmentsKey), map);
}

} // namespace triptych::session::recentworkspaces
