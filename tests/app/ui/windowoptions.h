#pragma once

#include "app/ui/windowoptions.h"

#include <QTemporaryDir>

namespace triptych::testing {

// A window that keeps its history, secrets and sample in `folder` and reopens no workspace, so every test starts
// from nothing whatever ran before.
inline ui::WindowOptions isolatedWindow(const QTemporaryDir &folder) {
    ui::WindowOptions options;
    options.historyDatabase = folder.filePath(QStringLiteral("history.sqlite"));
    options.secretsFile = folder.filePath(QStringLiteral("secrets.json"));
    options.useKeyring = false;
    options.reopenLastWorkspace = false;
    options.sampleFolder = folder.filePath(QStringLiteral("Triptych samples"));
    return options;
}

} // namespace triptych::testing
