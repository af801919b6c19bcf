#pragma once

#include "app/workspace/diagnostic.h"
#include "app/workspace/environment.h"
#include "app/workspace/requestdocument.h"

#include <QList>
#include <QString>

// What an importer gives back: documents placed in folders, the variables and environments that came with them, and
// every finding (errors name the file and place; warnings say what was skipped or changed, and why).
namespace triptych::interop {

struct ImportedRequest {
    QString folder; // "" or "Users/Orders": sub-folders inside the new collection folder
    workspace::RequestDocument document;
    bool operator==(const ImportedRequest &) const = default;
};

struct ImportResult {
    QString collectionName; // a name for the new collection folder
    QList<ImportedRequest> requests;
    QList<workspace::Variable> variables; // collection-level variables: they become an environment
    QList<workspace::Environment> environments;
    workspace::Diagnostics diagnostics;
    bool ok() const { return !workspace::hasErrors(diagnostics); }
};

// A name a workspace accepts (docs/workspace.md): characters it refuses become '-', at most 200 characters, no
// leading '.' and no trailing space or '.'; "Request" when nothing is left.
QString safeRequestName(const QString &name);

} // namespace triptych::interop
