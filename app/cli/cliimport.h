#pragma once

#include "app/cli/clioptions.h"
#include "app/cli/cliprinter.h"

// `import FILE|URL [--format F] --into WORKSPACE_DIR` (docs/interop.md): the file (or the document at an http(s) URL)
// read by app/interop into a new collection folder of the workspace — never over an existing file: a name already
// taken gets " 2", " 3" … — and its variables and environments into environments/. Prints what came in and, from the
// importer's warnings, what was skipped and why. Synchronous: it touches files, or waits for the URL's answer (30 s
// at most). Returns the exit status.
namespace triptych::cli {

int runImport(const CliOptions &options, CliPrinter &printer);

} // namespace triptych::cli
