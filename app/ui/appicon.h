#pragma once

#include <QIcon>
#include <QString>

namespace triptych::ui {

// The application id: the .desktop file's name, the icon's name in the hicolor theme and the AppStream id.
inline constexpr char kAppId[] = "io.github.triptych.Triptych";

// The installed theme icon, or the same artwork compiled in when the theme has none (run from the build folder).
QIcon appIcon();

} // namespace triptych::ui
