#include "app/ui/systemcolorscheme.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace triptych::ui {

namespace {
constexpr auto kService = "org.freedesktop.portal.Desktop";
constexpr auto kPath = "/org/freedesktop/portal/desktop";
constexpr auto kInterface = "org.freedesktop.portal.Settings";
constexpr auto kGroup = "org.freedesktop.appearance";
constexpr auto kKey = "color-scheme";

// Settings.Read answers a variant inside a variant (the portal's documented quirk), a signal one variant.
SystemColorScheme::Preference toPreference(QVariant value) {
    while (value.metaType() == QMetaType::fromType<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    switch (value.toUInt()) {
    case 1:
        return SystemColorScheme::Preference::Dark;
    case 2:
        return SystemColorScheme::Preference::Light;
    default:
        return SystemColorScheme::Preference::None;
    }
}
} // namespace

SystemColorScheme::SystemColorScheme(QObject *parent)
    : QObject(parent) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    bus.connect(QLatin1String(kService), QLatin1String(kPath), QLatin1String(kInterface),
                QStringLiteral("SettingChanged"), this, SLOT(onSettingChanged(QString, QString, QDBusVariant)));
    QDBusMessage read = QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kPath),
                                                       QLatin1String(kInterface), QStringLiteral("Read"));
    read << QLatin1String(kGroup) << QLatin1String(kKey);
    // Asynchronous: a slow or absent portal must not hold up the window.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &SystemColorScheme::onReadFinished);
}

void SystemColorScheme::onReadFinished(QDBusPendingCallWatcher *watcher) {
    watcher->deleteLater();
    const QDBusPendingReply<QVariant> reply = *watcher;
    if (!reply.isError() && !m_heardChange) // a change signalled meanwhile is newer than this answer
        update(toPreference(reply.value()));
}

void SystemColorScheme::onSettingChanged(const QString &group, const QString &key, const QDBusVariant &value) {
    if (group != QLatin1String(kGroup) || key != QLatin1String(kKey))
        return;
    m_heardChange = true;
    update(toPreference(value.variant()));
}

void SystemColorScheme::update(Preference preference) {
    if (preference == m_preference)
        return;
    m_preference = preference;
    Q_EMIT preferenceChanged(preference);
}

} // namespace triptych::ui
