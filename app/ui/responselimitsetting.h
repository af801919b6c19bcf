#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace triptych::ui {

// The response size limit (app/client/responselimit.h) as a setting of the window: kept in QSettings, applied at
// start, changed with Request ▸ Response size limit…, which asks for megabytes without blocking the window.
class ResponseLimitSetting : public QObject {
    Q_OBJECT
public:
    explicit ResponseLimitSetting(QWidget *window);

    QAction *action() const { return m_action; }
    // Stores the limit and applies it to the calls that start from now on.
    void setLimitMegabytes(int megabytes);
    static int limitMegabytes();

private:
    void onTriggered();

    QWidget *m_window;
    QAction *m_action;
};

} // namespace triptych::ui
