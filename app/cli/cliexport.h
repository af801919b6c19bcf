#pragma once

#include "app/cli/clioptions.h"
#include "app/cli/cliprinter.h"

// `export PATH --as curl|grpcurl|postman|har [--env NAME] [--var NAME=VALUE]… [--out FILE]` (docs/interop.md). PATH is
// a saved request, a folder or a whole workspace. curl and grpcurl print one command per request, resolved with the
// workspace's variables, the environment and --var values (secrets without a value stay {{name}}, with a warning);
// postman writes a v2.1 collection that keeps the {{variables}}, with an environment file beside it when --out is
// given. What a format cannot hold is named on standard error. Returns the exit status.
namespace triptych::cli {

int runExport(const CliOptions &options, CliPrinter &printer);

} // namespace triptych::cli
