#pragma once

#include <QObject>

#include <functional>

namespace triptych::startup {

// Calls back once, at the first Expose of a visible native window: the moment a start counts as shown. Watches the
// application's events, and every top-level widget is a QWindow too, so it needs no widget type.
class ExposeWatcher : public QObject {
public:
    explicit ExposeWatcher(std::function<void()> onExposed, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void()> m_onExposed;
};

} // namespace triptych::startup
