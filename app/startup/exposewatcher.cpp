#include "app/startup/exposewatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QVariant>

#include <utility>

namespace triptych::startup {

ExposeWatcher::ExposeWatcher(std::function<void()> onExposed, QObject *parent)
    : QObject(parent)
    , m_onExposed(std::move(onExposed)) {
    QCoreApplication::instance()->installEventFilter(this);
}

bool ExposeWatcher::eventFilter(QObject *watched, QEvent *event) {
    // A native window (QWindow) that turns visible gets its first Expose when it is on screen.
    if (m_onExposed && event->type() == QEvent::Expose && watched->isWindowType() &&
        watched->property("visible").toBool()) {
        QCoreApplication::instance()->removeEventFilter(this);
        std::exchange(m_onExposed, nullptr)();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace triptych::startup
