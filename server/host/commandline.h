#pragma once

#include "server/host/serveroptions.h"

#include <string>
#include <variant>
#include <vector>

namespace triptych {

struct ShowHelp {};
struct CommandLineError {
    std::string message;
};
using ParsedCommandLine = std::variant<ServerOptions, ShowHelp, CommandLineError>;

// Parses triptych-server's arguments (without argv[0]); never exits or prints.
ParsedCommandLine parseServerCommandLine(const std::vector<std::string> &arguments);
std::string serverUsage(const ServerOptions &defaults = {});

} // namespace triptych
