#include "app/ui/appicon.h"

// Outside any namespace: the name Q_INIT_RESOURCE declares must be global.
static void initIconResources() {
    Q_INIT_RESOURCE(icons);
}

namespace triptych::ui {

QIcon appIcon() {
    initIconResources();
    QIcon builtIn;
    for (const int size : {16, 32, 48, 64, 128, 256})
        builtIn.addFile(QStringLiteral(":/triptych/icons/%1.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QLatin1String(kAppId), builtIn);
}

} // namespace triptych::ui
