// View ▸ Theme: System follows the desktop's preference live, Light and Dark pin the palette, the choice is kept.
#include "app/ui/themecontroller.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace triptych::ui;
using Preference = SystemColorScheme::Preference;

Q_DECLARE_METATYPE(triptych::ui::Theme)
Q_DECLARE_METATYPE(triptych::ui::SystemColorScheme::Preference)

namespace {
// Counts the application palette changes a widget of the window is told about.
class PaletteChanges : public QObject {
public:
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override {
        if (event->type() == QEvent::ApplicationPaletteChange)
            ++count;
        return false;
    }
};

QAction *menuEntry(QMenu *menu, const QString &text) {
    for (auto *action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}
} // namespace

class TestThemeController : public QObject {
    Q_OBJECT
    std::unique_ptr<QMainWindow> m_window;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        QSettings().clear();
        QApplication::setPalette(QPalette()); // the platform's, as at start
        m_window = std::make_unique<QMainWindow>();
    }
    void cleanup() { m_window.reset(); }

    void paletteForEachChoice_data() {
        QTest::addColumn<QString>("saved");
        QTest::addColumn<Preference>("desktop");
        QTest::addColumn<Theme>("theme");
        QTest::addColumn<bool>("dark");
        QTest::newRow("nothing saved, no preference") << "" << Preference::None << Theme::System << false;
        QTest::newRow("system, desktop dark") << "system" << Preference::Dark << Theme::System << true;
        QTest::newRow("system, desktop light") << "system" << Preference::Light << Theme::System << false;
        QTest::newRow("light on a dark desktop") << "light" << Preference::Dark << Theme::Light << false;
        QTest::newRow("dark on a light desktop") << "dark" << Preference::Light << Theme::Dark << true;
        QTest::newRow("unknown word") << "purple" << Preference::Dark << Theme::System << true;
    }
    void paletteForEachChoice() {
        QFETCH(QString, saved);
        QFETCH(Preference, desktop);
        QFETCH(Theme, theme);
        QFETCH(bool, dark);
        if (!saved.isEmpty())
            QSettings().setValue("view/theme", saved);
        ThemeController controller(m_window.get());
        controller.setSystemPreference(desktop);
        QCOMPARE(controller.theme(), theme);
        QCOMPARE(ThemeController::isDark(QApplication::palette()), dark);
        QCOMPARE(ThemeController::isDark(m_window->palette()), dark);
    }

    // The desktop switching while the window is open: System follows, an explicit choice does not.
    void systemFollowsTheDesktopLive() {
        auto *controller = new ThemeController(m_window.get());
        PaletteChanges changes;
        m_window->installEventFilter(&changes);
        controller->setSystemPreference(Preference::Dark);
        QVERIFY(ThemeController::isDark(m_window->palette()));
        controller->setSystemPreference(Preference::None);
        QVERIFY(!ThemeController::isDark(m_window->palette()));
        QVERIFY(changes.count >= 2);

        controller->setTheme(Theme::Light);
        controller->setSystemPreference(Preference::Dark);
        QVERIFY(!ThemeController::isDark(m_window->palette()));
    }

    void theMenuChoosesAndRemembers() {
        auto *controller = new ThemeController(m_window.get());
        QMenu *menu = controller->createMenu(m_window.get());
        QCOMPARE(menu->title(), QStringLiteral("&Theme"));
        QAction *system = menuEntry(menu, "&System");
        QAction *dark = menuEntry(menu, "&Dark");
        QVERIFY(system && dark && menuEntry(menu, "&Light"));
        QVERIFY(system->isChecked() && !dark->isChecked());

        dark->trigger();
        QCOMPARE(controller->theme(), Theme::Dark);
        QVERIFY(dark->isChecked() && !system->isChecked());
        QVERIFY(ThemeController::isDark(m_window->palette()));
        QCOMPARE(QSettings().value("view/theme").toString(), QStringLiteral("dark"));

        controller->setTheme(Theme::System); // e.g. from a second menu: this one follows
        QVERIFY(system->isChecked() && !dark->isChecked());
        QVERIFY(!ThemeController::isDark(m_window->palette()));
        QCOMPARE(QSettings().value("view/theme").toString(), QStringLiteral("system"));
    }

    // The dark palette keeps text readable: WCAG contrast of at least 7:1 for text, 4.5:1 for links.
    void darkPaletteIsReadable_data() {
        QTest::addColumn<QPalette::ColorRole>("foreground");
        QTest::addColumn<QPalette::ColorRole>("background");
        QTest::addColumn<double>("minimum");
        QTest::newRow("text") << QPalette::Text << QPalette::Base << 7.0;
        QTest::newRow("window text") << QPalette::WindowText << QPalette::Window << 7.0;
        QTest::newRow("button text") << QPalette::ButtonText << QPalette::Button << 7.0;
        QTest::newRow("tooltip") << QPalette::ToolTipText << QPalette::ToolTipBase << 7.0;
        QTest::newRow("selection") << QPalette::HighlightedText << QPalette::Highlight << 4.5;
        QTest::newRow("link") << QPalette::Link << QPalette::Base << 4.5;
        QTest::newRow("placeholder") << QPalette::PlaceholderText << QPalette::Base << 4.5;
    }
    void darkPaletteIsReadable() {
        QFETCH(QPalette::ColorRole, foreground);
        QFETCH(QPalette::ColorRole, background);
        QFETCH(double, minimum);
        const QPalette palette = ThemeController::darkPalette();
        const auto luminance = [](const QColor &colour) {
            const auto channel = [](double value) {
                return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
                   0.0722 * channel(colour.blueF());
        };
        const double front = luminance(palette.color(foreground));
        const double back = luminance(palette.color(background));
        const double contrast = (std::max(front, back) + 0.05) / (std::min(front, back) + 0.05);
        QVERIFY2(contrast >= minimum, qPrintable(QString::number(contrast)));
    }
};

QTEST_MAIN(TestThemeController)
#include "test_themecontroller.moc"
