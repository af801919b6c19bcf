#pragma once

#include "app/cli/clioptions.h"
#include "app/cli/cliprinter.h"

// `import FILE [--format F] --into WORKSPACE_DIR` (docs/interop.md): the file read by app/interop into a new collection
// folder of the workspace — never over an existing file: a name already taken gets " 2", " 3" … — and its variables
// and environments into environments/. Prints what came in and, from the importer's warnings, what was skipped and
// why. Synchronous: it touches only files. Returns the exit status.
namespace triptych::cli {

int runImport(const CliOptions &options, CliPrinter &printer);

} // namespace triptych::cli
