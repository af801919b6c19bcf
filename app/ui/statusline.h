#pragma once

#include "app/session/serverstate.h"

#include <QWidget>

class QLabel;

namespace triptych::ui {

// The one line about the embedded server (docs/app.md): state, ports, credentials (click to copy), options; red with
// the reason when it is stopped or failed.
class StatusLine : public QWidget {
    Q_OBJECT
public:
    explicit StatusLine(QWidget *parent = nullptr);

    void setState(const session::ServerState &state);
    QString text() const;

Q_SIGNALS:
    void copyFinished(const QString &what);

private:
    void onLinkActivated(const QString &link);

    QLabel *m_dot;
    QLabel *m_text;
    session::ServerState m_state;
};

} // namespace triptych::ui
