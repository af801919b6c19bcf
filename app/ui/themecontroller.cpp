#include "app/ui/themecontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QWidget>

#include <array>
#include <initializer_list>
#include <utility>

namespace triptych::ui {

namespace {
constexpr auto kThemeKey = "view/theme";
constexpr int kDarkThreshold = 128; // QColor lightness, 0..255

struct ThemeName {
    Theme theme;
    const char *key;   // as saved in the settings
    const char *label; // as the menu shows it
};
constexpr std::array<ThemeName, 3> kThemes{{
    {Theme::System, "system", QT_TRANSLATE_NOOP("triptych::ui::ThemeController", "&System")},
    {Theme::Light, "light", QT_TRANSLATE_NOOP("triptych::ui::ThemeController", "&Light")},
    {Theme::Dark, "dark", QT_TRANSLATE_NOOP("triptych::ui::ThemeController", "&Dark")},
}};

Theme savedTheme() {
    const QString saved = QSettings().value(QLatin1String(kThemeKey)).toString();
    for (const auto &name : kThemes) {
        if (saved == QLatin1String(name.key))
            return name.theme;
    }
    return Theme::System;
}
} // namespace

ThemeController::ThemeController(QWidget *window)
    : QObject(window)
    , m_theme(savedTheme()) {
    window->installEventFilter(this);
    auto *system = new SystemColorScheme(this);
    connect(system, &SystemColorScheme::preferenceChanged, this, &ThemeController::setSystemPreference);
    m_systemPreference = system->preference();
    apply();
}

void ThemeController::setTheme(Theme theme) {
    for (const auto &name : kThemes) {
        if (name.theme == theme)
            QSettings().setValue(QLatin1String(kThemeKey), QLatin1String(name.key));
    }
    if (theme == m_theme)
        return;
    m_theme = theme;
    apply();
    Q_EMIT themeChanged(theme);
}

void ThemeController::setSystemPreference(SystemColorScheme::Preference preference) {
    m_systemPreference = preference;
    if (m_theme == Theme::System)
        apply();
}

void ThemeController::apply() {
    m_applying = true;
    const bool dark = m_theme == Theme::Dark ||
                      (m_theme == Theme::System && m_systemPreference == SystemColorScheme::Preference::Dark);
    if (dark) {
        QApplication::setPalette(darkPalette());
        m_pinned = true;
    } else if (m_theme == Theme::Light) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        m_pinned = true;
    } else if (m_pinned) {
        // An empty palette resolves every role against the platform theme's, and keeps following it.
        QApplication::setPalette(QPalette());
        m_pinned = false;
    } else {
        m_applying = false;
        return;
    }
    // Qt tells a top-level widget through its native window; one not shown yet (the main window while it is being
    // built) would keep the old palette and hand it down to its children.
    QEvent changed(QEvent::ApplicationPaletteChange);
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (!window->windowHandle())
            QCoreApplication::sendEvent(window, &changed);
    }
    m_applying = false;
}

bool ThemeController::eventFilter(QObject *watched, QEvent *event) {
    // The platform's theme (or the style) changed: Light takes the new style's palette, System the new platform's.
    if (event->type() == QEvent::ThemeChange && !m_applying && m_theme != Theme::Dark)
        apply();
    return QObject::eventFilter(watched, event);
}

QMenu *ThemeController::createMenu(QWidget *parent) {
    auto *menu = new QMenu(tr("&Theme"), parent);
    auto *group = new QActionGroup(menu);
    for (const auto &name : kThemes) {
        auto *action = menu->addAction(tr(name.label));
        action->setCheckable(true);
        action->setChecked(name.theme == m_theme);
        action->setData(int(name.theme));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme = name.theme] { setTheme(theme); });
    }
    connect(this, &ThemeController::themeChanged, menu, [group](Theme theme) {
        for (auto *action : group->actions())
            action->setChecked(action->data().toInt() == int(theme));
    });
    return menu;
}

bool ThemeController::isDark(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() < kDarkThreshold;
}

QPalette ThemeController::darkPalette() {
    // Text on Base and WindowText on Window at about 13:1, links and highlight readable on both.
    const std::initializer_list<std::pair<QPalette::ColorRole, QColor>> colours{
        {QPalette::Window, QColor(0x2b, 0x2b, 0x2b)},      {QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8)},
        {QPalette::Base, QColor(0x1e, 0x1e, 0x1e)},        {QPalette::AlternateBase, QColor(0x26, 0x26, 0x26)},
        {QPalette::Text, QColor(0xe8, 0xe8, 0xe8)},        {QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a)},
        {QPalette::Button, QColor(0x35, 0x35, 0x35)},      {QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8)},
        {QPalette::BrightText, QColor(0xff, 0xff, 0xff)},  {QPalette::Light, QColor(0x4a, 0x4a, 0x4a)},
        {QPalette::Midlight, QColor(0x3c, 0x3c, 0x3c)},    {QPalette::Mid, QColor(0x24, 0x24, 0x24)},
        {QPalette::Dark, QColor(0x18, 0x18, 0x18)},        {QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a)},
        {QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a)}, {QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8)},
        {QPalette::Highlight, QColor(0x35, 0x74, 0xd4)},   {QPalette::HighlightedText, QColor(0xff, 0xff, 0xff)},
        {QPalette::Link, QColor(0x7f, 0xb2, 0xff)},        {QPalette::LinkVisited, QColor(0xc5, 0xa3, 0xff)},
    };
    QPalette palette;
    for (const auto &[role, colour] : colours)
        palette.setColor(role, colour);
    const QColor disabledText(0x80, 0x80, 0x80);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4a, 0x4a));
    return palette;
}

} // namespace triptych::ui
