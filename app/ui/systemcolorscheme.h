#pragma once

#include <QObject>

class QDBusPendingCallWatcher;
class QDBusVariant;

namespace triptych::ui {

// The desktop's light or dark preference as the XDG desktop portal publishes it (org.freedesktop.appearance
// color-scheme, GNOME 42+ and Plasma 5.24+), read at start and followed live. Qt 6.4 reads no such setting itself
// (QStyleHints::colorScheme came with 6.5), so without this a dark desktop would get a light window.
class SystemColorScheme : public QObject {
    Q_OBJECT
public:
    enum class Preference { None, Dark, Light }; // the portal's 0, 1 and 2

    // Asks the session bus; without a bus or a portal the preference stays None.
    explicit SystemColorScheme(QObject *parent = nullptr);

    Preference preference() const { return m_preference; }

Q_SIGNALS:
    void preferenceChanged(triptych::ui::SystemColorScheme::Preference preference);

private Q_SLOTS:
    // A string-based slot: QDBusConnection::connect takes no pointer to member.
    void onSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void onReadFinished(QDBusPendingCallWatcher *watcher);
    void update(Preference preference);

    Preference m_preference = Preference::None;
    bool m_heardChange = false;
};

} // namespace triptych::ui
