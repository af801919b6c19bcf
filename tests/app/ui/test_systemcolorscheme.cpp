// SystemColorScheme against a stand-in for the desktop portal on a private session bus (ctest runs this test under
// dbus-run-session): the preference at start, its live changes, and nothing when no portal answers.
#include "app/ui/systemcolorscheme.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace triptych::ui;
using Preference = SystemColorScheme::Preference;

Q_DECLARE_METATYPE(triptych::ui::SystemColorScheme::Preference)

namespace {
const QString kService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kInterface = QStringLiteral("org.freedesktop.portal.Settings");
} // namespace

// org.freedesktop.portal.Settings as xdg-desktop-portal serves it: Read answers a variant inside a variant.
class FakePortal : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint colorScheme = 0;

    bool publish() {
        QDBusConnection bus = QDBusConnection::sessionBus();
        return bus.registerObject(kPath, this, QDBusConnection::ExportScriptableSlots) && bus.registerService(kService);
    }
    void unpublish() {
        QDBusConnection bus = QDBusConnection::sessionBus();
        bus.unregisterService(kService);
        bus.unregisterObject(kPath);
    }
    void change(const QString &group, const QString &key, uint value) {
        QDBusMessage signal = QDBusMessage::createSignal(kPath, kInterface, QStringLiteral("SettingChanged"));
        signal << group << key << QVariant::fromValue(QDBusVariant(value));
        QDBusConnection::sessionBus().send(signal);
    }

public Q_SLOTS:
    Q_SCRIPTABLE QDBusVariant Read(const QString &group, const QString &key) {
        if (group != QLatin1String("org.freedesktop.appearance") || key != QLatin1String("color-scheme"))
            return QDBusVariant(QVariant::fromValue(QDBusVariant(QString())));
        return QDBusVariant(QVariant::fromValue(QDBusVariant(colorScheme)));
    }
};

class TestSystemColorScheme : public QObject {
    Q_OBJECT
    FakePortal m_portal;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session"); }
    void init() {
        m_portal.colorScheme = 0;
        QVERIFY(m_portal.publish());
    }
    void cleanup() { m_portal.unpublish(); }

    void readAtStart_data() {
        QTest::addColumn<uint>("portal");
        QTest::addColumn<Preference>("preference");
        QTest::newRow("prefer dark") << 1u << Preference::Dark;
        QTest::newRow("prefer light") << 2u << Preference::Light;
    }
    void readAtStart() {
        QFETCH(uint, portal);
        QFETCH(Preference, preference);
        m_portal.colorScheme = portal;
        SystemColorScheme scheme;
        QSignalSpy changed(&scheme, &SystemColorScheme::preferenceChanged);
        QTRY_COMPARE(scheme.preference(), preference);
        QCOMPARE(changed.count(), 1);
    }

    void followsChangesLive() {
        SystemColorScheme scheme;
        QSignalSpy changed(&scheme, &SystemColorScheme::preferenceChanged);
        m_portal.change(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"), 1);
        QTRY_COMPARE(scheme.preference(), Preference::Dark);
        // Other settings of the portal leave it alone.
        m_portal.change(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("accent-color"), 2);
        m_portal.change(QStringLiteral("org.gnome.desktop.interface"), QStringLiteral("color-scheme"), 2);
        m_portal.change(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"), 0);
        QTRY_COMPARE(scheme.preference(), Preference::None);
        QCOMPARE(changed.count(), 2);
    }

    // No portal at start: no preference, and one that starts later is heard once it signals.
    void aPortalThatStartsLater() {
        m_portal.unpublish();
        SystemColorScheme scheme;
        QCOMPARE(scheme.preference(), Preference::None);
        QVERIFY(m_portal.publish());
        m_portal.change(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"), 1);
        QTRY_COMPARE(scheme.preference(), Preference::Dark);
    }
};

QTEST_GUILESS_MAIN(TestSystemColorScheme)
#include "test_systemcolorscheme.moc"
