#include "server/host/commandline.h"

#include <charconv>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <utility>

namespace triptych {
namespace {

std::optional<long long> parseInteger(const std::string &text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// Parses the value of an integer option within [low, high]; the error message names the option.
std::optional<std::string> readRange(const std::string &option, const std::string &text, long long low, long long high,
                                     long long &out) {
    const auto value = parseInteger(text);
    if (!value || *value < low || *value > high)
        return option + " needs a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
               ", not '" + text + "'";
    out = *value;
    return std::nullopt;
}

// A credential kept in a file (one line; surrounding white space is not part of it). At most this many bytes.
constexpr std::size_t kMaxSecretFileBytes = 4096;

std::optional<std::string> readSecretFile(const std::string &option, const std::string &path, std::string &out) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return option + " cannot read '" + path + "'";
    std::string text(kMaxSecretFileBytes + 1, '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(file.gcount()));
    if (text.size() > kMaxSecretFileBytes)
        return option + " needs a file of at most " + std::to_string(kMaxSecretFileBytes) + " bytes: '" + path + "'";
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    if (first == std::string::npos)
        return option + " needs a file holding the secret, and '" + path + "' is empty";
    text = text.substr(first, last - first + 1);
    if (text.find_first_of("\r\n") != std::string::npos)
        return option + " needs the secret on one line in '" + path + "'";
    out = std::move(text);
    return std::nullopt;
}

// A TLS file or folder; naming one turns TLS on.
std::optional<std::string> readTlsPath(const std::string &option, const std::string &value, ServerOptions &options,
                                       std::string &out) {
    if (value.empty())
        return option + " needs a file path";
    out = value;
    options.tls.enabled = true;
    return std::nullopt;
}

using Setter =
    std::function<std::optional<std::string>(ServerOptions &, const std::string &option, const std::string &value)>;

const std::map<std::string, Setter> &setters() {
    static const std::map<std::string, Setter> table{
        {"--bind",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v.empty())
                 return "--bind needs an address, e.g. 127.0.0.1";
             o.bindAddress = v;
             return std::nullopt;
         }},
        {"--http-port",
         [](ServerOptions &o, const std::string &n, const std::string &v) {
             long long port = 0;
             auto error = readRange(n, v, 0, 65535, port);
             o.httpPort = static_cast<std::uint16_t>(port);
             return error;
         }},
        {"--grpc-port",
         [](ServerOptions &o, const std::string &n, const std::string &v) {
             long long port = 0;
             auto error = readRange(n, v, 0, 65535, port);
             o.grpcPort = static_cast<std::uint16_t>(port);
             return error;
         }},
        {"--users",
         [](ServerOptions &o, const std::string &n, const std::string &v) {
             long long users = 0;
             auto error = readRange(n, v, limits::kMinUsers, limits::kMaxUsers, users);
             o.users = static_cast<int>(users);
             return error;
         }},
        {"--db",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v.empty())
                 return "--db needs a file path";
             o.databasePath = v;
             return std::nullopt;
         }},
        {"--token",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v.empty())
                 return "--token needs a non-empty token";
             o.credentials.token = v;
             return std::nullopt;
         }},
        {"--api-key",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v.empty())
                 return "--api-key needs a non-empty key";
             o.credentials.apiKey = v;
             return std::nullopt;
         }},
        {"--token-file", [](ServerOptions &o, const std::string &n,
                            const std::string &v) { return readSecretFile(n, v, o.credentials.token); }},
        {"--api-key-file", [](ServerOptions &o, const std::string &n,
                              const std::string &v) { return readSecretFile(n, v, o.credentials.apiKey); }},
        {"--lifecycle-ms",
         [](ServerOptions &o, const std::string &n, const std::string &v) {
             long long ms = 0;
             auto error = readRange(n, v, 0, 86'400'000, ms);
             o.lifecycleStep = std::chrono::milliseconds(ms);
             return error;
         }},
        {"--db-latency-ms",
         [](ServerOptions &o, const std::string &n, const std::string &v) {
             long long ms = 0;
             auto error = readRange(n, v, 0, limits::kMaxDbLatencyMs, ms);
             o.dbLatency = std::chrono::milliseconds(ms);
             return error;
         }},
        {"--rate-limit",
         [](ServerOptions &o, const std::string &n, const std::string &v) {
             long long perSecond = 0;
             auto error = readRange(n, v, 0, 1'000'000, perSecond);
             o.rateLimitPerSecond = static_cast<int>(perSecond);
             return error;
         }},
        {"--tracing",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v != "on" && v != "off")
                 return "--tracing needs on or off, not '" + v + "'";
             o.tracing = v == "on";
             return std::nullopt;
         }},
        {"--dataloader",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v != "on" && v != "off")
                 return "--dataloader needs on or off, not '" + v + "'";
             o.dataLoader = v == "on";
             return std::nullopt;
         }},
        {"--gateway",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v != "on" && v != "off")
                 return "--gateway needs on or off, not '" + v + "'";
             o.gateway = v == "on";
             return std::nullopt;
         }},
        {"--http-threads",
         [](ServerOptions &o, const std::string &n, const std::string &v) {
             long long threads = 0;
             auto error = readRange(n, v, 0, 256, threads);
             o.httpThreads = static_cast<int>(threads);
             return error;
         }},
        {"--cache",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v != "on" && v != "off")
                 return "--cache needs on or off, not '" + v + "'";
             o.responseCache = v == "on";
             return std::nullopt;
         }},
        {"--tls",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (v != "on" && v != "off")
                 return "--tls needs on or off, not '" + v + "'";
             o.tls.enabled = v == "on";
             return std::nullopt;
         }},
        {"--tls-cert", [](ServerOptions &o, const std::string &n,
                          const std::string &v) { return readTlsPath(n, v, o, o.tls.certificateFile); }},
        {"--tls-key", [](ServerOptions &o, const std::string &n,
                         const std::string &v) { return readTlsPath(n, v, o, o.tls.keyFile); }},
        {"--tls-client-ca", [](ServerOptions &o, const std::string &n,
                               const std::string &v) { return readTlsPath(n, v, o, o.tls.clientCaFile); }},
        {"--tls-dir", [](ServerOptions &o, const std::string &n,
                         const std::string &v) { return readTlsPath(n, v, o, o.tls.directory); }},
        {"--otlp-endpoint",
         [](ServerOptions &o, const std::string &, const std::string &v) -> std::optional<std::string> {
             if (!v.starts_with("http://") && !v.starts_with("https://"))
                 return "--otlp-endpoint needs an http(s) URL such as http://127.0.0.1:4318/v1/traces";
             o.otlpEndpoint = v;
             return std::nullopt;
         }},
    };
    return table;
}

} // namespace

ParsedCommandLine parseServerCommandLine(const std::vector<std::string> &arguments,
                                         const EnvironmentLookup &environment) {
    ServerOptions options;
    // The environment first, so that the command line overrides it.
    for (const auto &[variable, target] : {std::pair{"TRIPTYCH_TOKEN", &options.credentials.token},
                                           std::pair{"TRIPTYCH_API_KEY", &options.credentials.apiKey}}) {
        const auto value = environment ? environment(variable) : std::nullopt;
        if (value && value->empty())
            return CommandLineError{std::string(variable) + " is set but empty"};
        if (value)
            *target = *value;
    }
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string name = arguments[i];
        if (name == "--help" || name == "-h")
            return ShowHelp{};
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos && name.starts_with("--")) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (name == "--gateway" && !inlineValue) { // a switch; --gateway=on|off also works
            options.gateway = true;
            continue;
        }
        if (name == "--tls" && !inlineValue) { // likewise
            options.tls.enabled = true;
            continue;
        }
        const auto setter = setters().find(name);
        if (setter == setters().end())
            return CommandLineError{"unknown option '" + name + "'; see --help"};
        if (!inlineValue && i + 1 >= arguments.size())
            return CommandLineError{name + " needs a value; see --help"};
        const std::string value = inlineValue ? *inlineValue : arguments[++i];
        if (auto error = setter->second(options, name, value))
            return CommandLineError{*error};
    }
    return options;
}

std::string serverUsage(const ServerOptions &d) {
    return "Usage: triptych-server [options]\n"
           "\n"
           "The Triptych order server: one order domain served as REST and GraphQL over HTTP, and as gRPC.\n"
           "\n"
           "Options:\n"
           "  --bind ADDRESS       address to listen on (default " +
           d.bindAddress +
           ")\n"
           "  --http-port PORT     REST, GraphQL and WebSocket port (default " +
           std::to_string(d.httpPort) +
           "; 0 picks a free one)\n"
           "  --grpc-port PORT     gRPC port (default " +
           std::to_string(d.grpcPort) +
           "; 0 picks a free one)\n"
           "  --users N            users in a new data set, " +
           std::to_string(limits::kMinUsers) + ".." + std::to_string(limits::kMaxUsers) + " (default " +
           std::to_string(d.users) +
           ")\n"
           "  --db FILE            keep the SQLite database in FILE (created if missing, reused if present);\n"
           "                       default: a fresh temporary database each run\n"
           "  --token TOKEN        bearer token that authorizes writes (default " +
           d.credentials.token +
           ")\n"
           "  --token-file FILE    read the token from FILE instead (one line), so it does not show in ps;\n"
           "                       the environment variable TRIPTYCH_TOKEN works as well\n"
           "  --api-key KEY        API key that authorizes REST writes (default " +
           d.credentials.apiKey +
           ")\n"
           "  --api-key-file FILE  read the API key from FILE; or set TRIPTYCH_API_KEY\n"
           "  --lifecycle-ms N     move new orders PENDING -> PAID -> SHIPPED -> DELIVERED, one step every N ms\n"
           "                       (default 0: off)\n"
           "  --rate-limit N       allow N requests per second per client address (429 / RESOURCE_EXHAUSTED\n"
           "                       beyond); default 0: off\n"
           "  --tracing on|off     record spans, send traceresponse and Server-Timing (default on)\n"
           "  --otlp-endpoint URL  also export spans as OTLP/HTTP JSON, e.g. http://127.0.0.1:4318/v1/traces\n"
           "  --dataloader on|off  batch GraphQL's User.orders, User.friends and Order.user (default on; off\n"
           "                       shows the N+1 problem: 51 SQL statements instead of 2)\n"
           "  --db-latency-ms N    every SQL statement first waits N ms, as a round trip to a database on the\n"
           "                       network does, so N+1 queries cost what they would there (default 0)\n"
           "  --gateway            GraphQL resolvers call the gRPC service over loopback, so one trace shows\n"
           "                       GraphQL -> gRPC -> SQL (default off)\n"
           "  --http-threads N     threads serving HTTP (default 0: one per core the server may run on)\n"
           "  --cache on|off       keep HTTP answers (GET, HEAD, GraphQL POST) and serve them again until the\n"
           "                       next write; a cached answer reads no SQL (default off)\n"
           "  --tls                HTTPS and WSS on the HTTP port, gRPC over TLS; generates a CA and a\n"
           "                       certificate for localhost, 127.0.0.1 and ::1 at start and prints the CA's file\n"
           "                       (tls-ca=FILE) in the ready line (default off)\n"
           "  --tls-cert FILE      serve this PEM certificate (chain) instead; with --tls-key FILE, its key\n"
           "  --tls-client-ca FILE require client certificates issued by this CA (mTLS); 'generated' takes the\n"
           "                       generated CA, which also issued client.pem / client-key.pem beside ca.pem\n"
           "  --tls-dir DIR        write the generated ca.pem, client.pem and client-key.pem here (default: a\n"
           "                       new private folder under the temporary directory)\n"
           "  -h, --help           show this help\n"
           "\n"
           "Bound to an address other than loopback, /debug/* needs the credentials too.\n"
           "\n"
           "Demo credentials: Authorization: Bearer " +
           d.credentials.token + "   or   X-API-Key: " + d.credentials.apiKey +
           "\n"
           "When listening it prints one line: triptych-server ready: http=HOST:PORT grpc=HOST:PORT\n";
}

} // namespace triptych
