#pragma once

#include "server/host/serveroptions.h"

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace triptych {

struct ShowHelp {};
struct CommandLineError {
    std::string message;
};
using ParsedCommandLine = std::variant<ServerOptions, ShowHelp, CommandLineError>;

// An environment variable's value, or nullopt when it is not set (triptych-server passes getenv; tests a table).
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string &name)>;

// Parses triptych-server's arguments (without argv[0]); never exits or prints. The credentials may also come from
// TRIPTYCH_TOKEN and TRIPTYCH_API_KEY or from --token-file / --api-key-file, so they need not show in `ps`;
// an option on the command line wins over the environment.
ParsedCommandLine parseServerCommandLine(const std::vector<std::string> &arguments,
                                         const EnvironmentLookup &environment = {});
std::string serverUsage(const ServerOptions &defaults = {});

} // namespace triptych
