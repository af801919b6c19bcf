#include "app/ui/responselimitsetting.h"

#include "app/client/responselimit.h"

#include <QAction>
#include <QInputDialog>
#include <QSettings>
#include <QWidget>

#include <algorithm>

namespace triptych::ui {

namespace {
constexpr auto kSettingsKey = "client/maxResponseMegabytes";
constexpr qint64 kMegabyte = 1024 * 1024;
constexpr int kDefaultMegabytes = int(client::responselimits::kDefaultMaxResponseBytes / kMegabyte);
constexpr int kMaxMegabytes = int(client::responselimits::kMaxMaxResponseBytes / kMegabyte);
} // namespace

ResponseLimitSetting::ResponseLimitSetting(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_action(new QAction(tr("Response size &limit…"), this)) {
    m_action->setObjectName(QStringLiteral("responseLimitAction"));
    m_action->setStatusTip(tr("Stop a call whose response grows beyond this many megabytes"));
    connect(m_action, &QAction::triggered, this, &ResponseLimitSetting::onTriggered);
    client::setMaxResponseBytes(qint64(limitMegabytes()) * kMegabyte);
}

int ResponseLimitSetting::limitMegabytes() {
    return std::clamp(QSettings().value(QLatin1String(kSettingsKey), kDefaultMegabytes).toInt(), 1, kMaxMegabytes);
}

void ResponseLimitSetting::setLimitMegabytes(int megabytes) {
    megabytes = std::clamp(megabytes, 1, kMaxMegabytes);
    QSettings().setValue(QLatin1String(kSettingsKey), megabytes);
    client::setMaxResponseBytes(qint64(megabytes) * kMegabyte);
}

void ResponseLimitSetting::onTriggered() {
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("responseLimitDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Response size limit"));
    dialog->setLabelText(tr("Stop a call when its response (body or stream messages) exceeds, in MB:"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, kMaxMegabytes);
    dialog->setIntValue(limitMegabytes());
    connect(dialog, &QInputDialog::intValueSelected, this, &ResponseLimitSetting::setLimitMegabytes);
    dialog->open();
}

} // namespace triptych::ui
