// triptych-server: the order server without the app, for scripts, outside clients and CI.
#include "server/host/commandline.h"
#include "server/host/malloctuning.h"
#include "server/host/orderserver.h"
#include "triptych/version.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <pthread.h>
#include <string>
#include <vector>

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitStartFailed = 2;

// Blocks SIGINT/SIGTERM in every thread (threads inherit the mask) so that only sigwait in main sees them.
sigset_t blockStopSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

} // namespace

int main(int argc, char **argv) {
    triptych::keepFreedMemoryForReuse();
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    // Before the options are parsed (server/host/commandline.cpp), so --version answers whatever else is given.
    if (std::find(arguments.begin(), arguments.end(), "--version") != arguments.end()) {
        std::printf("triptych-server %s\n", triptych::kVersion);
        return 0;
    }
    const auto parsed = triptych::parseServerCommandLine(arguments, [](const std::string &name) {
        const char *value = std::getenv(name.c_str());
        return value ? std::optional<std::string>(value) : std::nullopt;
    });
    if (std::holds_alternative<triptych::ShowHelp>(parsed)) {
        std::fputs(triptych::serverUsage().c_str(), stdout);
        return 0;
    }
    if (const auto *error = std::get_if<triptych::CommandLineError>(&parsed)) {
        std::fprintf(stderr, "triptych-server: %s\n", error->message.c_str());
        return kExitUsage;
    }

    const sigset_t signals = blockStopSignals();
    triptych::OrderServer server(std::get<triptych::ServerOptions>(parsed));
    if (auto started = server.start(); !started) {
        std::fprintf(stderr, "triptych-server: %s\n", started.error().message.c_str());
        return kExitStartFailed;
    }
    std::printf("%s\n", server.readyLine().c_str());
    std::fflush(stdout);

    int received = 0;
    sigwait(&signals, &received);
    std::fprintf(stderr, "triptych-server: %s received, stopping\n", received == SIGINT ? "SIGINT" : "SIGTERM");
    server.stop();
    return 0;
}
