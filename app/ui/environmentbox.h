#pragma once

#include <QComboBox>

namespace triptych::session {
class ActiveEnvironment;
}

namespace triptych::ui {

// The toolbar's environment switcher (Ctrl+E): the built-in "Embedded server" environment and the open workspace's
// environments; picking one makes it the active environment that {{variables}} resolve in.
class EnvironmentBox : public QComboBox {
    Q_OBJECT
public:
    explicit EnvironmentBox(session::ActiveEnvironment *environment, QWidget *parent = nullptr);

    // Ctrl+E: focus the box and open its list.
    void openList();

private:
    void onNamesChanged();
    void onEnvironmentChanged(const QString &name);

    session::ActiveEnvironment *m_environment;
};

} // namespace triptych::ui
