#pragma once

#include "app/ui/systemcolorscheme.h"

#include <QObject>
#include <QPalette>

class QMenu;
class QWidget;

namespace triptych::ui {

enum class Theme { System, Light, Dark };

// View ▸ Theme. System follows the desktop live: the portal's light/dark preference (SystemColorScheme), else the
// platform's own palette, looked at again on QEvent::ThemeChange. Light and Dark pin the palette. The choice is kept
// in the settings ("view/theme"); widgets with colours of their own follow QEvent::ApplicationPaletteChange.
class ThemeController : public QObject {
    Q_OBJECT
public:
    // Applies the saved choice at once and watches `window` for the platform's theme changes.
    explicit ThemeController(QWidget *window);

    Theme theme() const { return m_theme; }
    // Applies and saves a person's choice.
    void setTheme(Theme theme);
    // What the desktop prefers; SystemColorScheme tells it, tests may too.
    void setSystemPreference(SystemColorScheme::Preference preference);
    // A "Theme" submenu of `parent` with one checkable entry per choice, kept in step with the current one.
    QMenu *createMenu(QWidget *parent);

    static QPalette darkPalette();
    static bool isDark(const QPalette &palette);

Q_SIGNALS:
    void themeChanged(triptych::ui::Theme theme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();

    Theme m_theme = Theme::System;
    SystemColorScheme::Preference m_systemPreference = SystemColorScheme::Preference::None;
    bool m_pinned = false; // the application palette is one this class set, not the platform's
    bool m_applying = false;
};

} // namespace triptych::ui
