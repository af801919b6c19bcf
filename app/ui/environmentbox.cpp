#include "app/ui/environmentbox.h"

#include "app/session/activeenvironment.h"

#include <QSignalBlocker>

namespace triptych::ui {

EnvironmentBox::EnvironmentBox(session::ActiveEnvironment *environment, QWidget *parent)
    : QComboBox(parent)
    , m_environment(environment) {
    setObjectName(QStringLiteral("environmentBox"));
    setToolTip(tr("The environment {{variables}} are resolved in (Ctrl+E)"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_environment, &session::ActiveEnvironment::namesChanged, this, &EnvironmentBox::onNamesChanged);
    connect(m_environment, &session::ActiveEnvironment::environmentChanged, this,
            &EnvironmentBox::onEnvironmentChanged);
    connect(this, &QComboBox::activated, this, [this](int index) { m_environment->select(itemText(index)); });
    onNamesChanged();
}

void EnvironmentBox::openList() {
    setFocus(Qt::ShortcutFocusReason);
    showPopup();
}

void EnvironmentBox::onNamesChanged() {
    const QSignalBlocker blocker(this);
    clear();
    addItems(m_environment->names());
    setCurrentText(m_environment->current());
}

void EnvironmentBox::onEnvironmentChanged(const QString &name) {
    const QSignalBlocker blocker(this);
    setCurrentText(name);
}

} // namespace triptych::ui
