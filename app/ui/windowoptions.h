#pragma once

#include <QString>

namespace triptych::ui {

// Where the window keeps what outlives it (docs/workspace.md); the defaults are the user's data directory
// (QStandardPaths::AppDataLocation) and the system keyring. Tests give a temporary folder.
struct WindowOptions {
    QString historyDatabase; // empty: HistoryStore::defaultPath()
    QString secretsFile;     // the secrets' file when no keyring runs; empty: <AppDataLocation>/secrets.json
    bool useKeyring = true;
    bool reopenLastWorkspace = true;
    QString sampleFolder; // where the sample workspace is copied; empty: <Documents>/Triptych samples
};

} // namespace triptych::ui
