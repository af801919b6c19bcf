#include "app/session/serverhost.h"

#include "app/session/datasetcache.h"

#include "server/host/malloctuning.h"
#include "server/host/orderserver.h"

#include "app/client/embeddedtls.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QStringList>

#include <array>
#include <atomic>
#include <utility>

namespace triptych::session {

namespace {

ServerOptions toOptions(const ServerSettings &settings) {
    ServerOptions options;
    options.httpPort = std::uint16_t(settings.httpPort);
    options.grpcPort = std::uint16_t(settings.grpcPort);
    if (settings.users > 0)
        options.users = settings.users;
    if (!settings.token.isEmpty())
        options.credentials.token = settings.token.toStdString();
    if (!settings.apiKey.isEmpty())
        options.credentials.apiKey = settings.apiKey.toStdString();
    options.rateLimitPerSecond = settings.rateLimitPerSecond;
    options.lifecycleStep = std::chrono::milliseconds(settings.lifecycleStepMs);
    options.tracing = settings.tracing;
    options.dataLoader = settings.dataLoader;
    options.gateway = settings.gateway;
    options.dbLatency = std::chrono::milliseconds(settings.dbLatencyMs);
    options.tls.enabled = settings.tls;
    if (settings.tls && settings.tlsClientCertificates)
        options.tls.clientCaFile = tls::kGeneratedClientCa;
    // One folder per app process and start, in the user's runtime directory: the CA is this instance's to trust.
    // Each start makes a new CA, and a gRPC channel is kept per CA file path: a path used again would keep the
    // channel that trusts the CA before (a lesson switching TLS off and on again).
    static std::atomic<int> starts{0};
    options.tls.directory = QStringLiteral("%1/triptych-tls-%2-%3")
                                .arg(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation))
                                .arg(QCoreApplication::applicationPid())
                                .arg(++starts)
                                .toStdString();
    return options;
}

// What the server runs with, credentials and data-set size filled in, so the window shows the real values.
ServerSettings toSettings(const ServerOptions &options) {
    ServerSettings settings;
    settings.httpPort = options.httpPort;
    settings.grpcPort = options.grpcPort;
    settings.users = options.users;
    settings.token = QString::fromStdString(options.credentials.token);
    settings.apiKey = QString::fromStdString(options.credentials.apiKey);
    settings.rateLimitPerSecond = options.rateLimitPerSecond;
    settings.lifecycleStepMs = int(options.lifecycleStep.count());
    settings.tracing = options.tracing;
    settings.dataLoader = options.dataLoader;
    settings.gateway = options.gateway;
    settings.dbLatencyMs = int(options.dbLatency.count());
    settings.tls = options.tls.enabled;
    settings.tlsClientCertificates = !options.tls.clientCaFile.empty();
    return settings;
}

// Stops the running server and removes its copy of the cached data set, if it had one.
void stopServer(std::unique_ptr<OrderServer> &server) {
    if (!server)
        return;
    server->stop();
    const std::string database = server->options().databasePath;
    const auto tls = server->options().tls;
    server.reset();
    DatasetCache::removeCopy(database);
    if (tls.enabled && tls.certificateFile.empty() && !tls.directory.empty())
        QDir(QString::fromStdString(tls.directory)).removeRecursively(); // its CA is trusted by nobody any more
}

// Tries the asked ports first, then a free one for whichever is taken: the app must come up even when another
// Triptych or service holds 8080 or 50051.
ServerState startServer(std::unique_ptr<OrderServer> &server, const ServerOptions &asked) {
    ServerState state;
    state.settings = toSettings(asked);
    const std::array<std::pair<bool, bool>, 4> fallbacks{{{false, false}, {true, false}, {false, true}, {true, true}}};
    QString lastError;
    for (const auto &[freeHttp, freeGrpc] : fallbacks) {
        if ((freeHttp && asked.httpPort == 0) || (freeGrpc && asked.grpcPort == 0))
            continue;
        ServerOptions options = asked;
        options.httpPort = freeHttp ? 0 : asked.httpPort;
        options.grpcPort = freeGrpc ? 0 : asked.grpcPort;
        auto candidate = std::make_unique<OrderServer>(options);
        const Status status = candidate->start();
        if (status.ok()) {
            server = std::move(candidate);
            state.phase = ServerState::Phase::Running;
            state.httpPort = server->httpPort();
            state.grpcPort = server->grpcPort();
            state.tlsCaFile = QString::fromStdString(server->tlsCaFile());
            state.tlsClientCertificateFile = QString::fromStdString(server->tlsClientCertificateFile());
            state.tlsClientKeyFile = QString::fromStdString(server->tlsClientKeyFile());
            QStringList notes;
            if (freeHttp)
                notes << QStringLiteral("HTTP port %1 was taken, using %2").arg(asked.httpPort).arg(state.httpPort);
            if (freeGrpc)
                notes << QStringLiteral("gRPC port %1 was taken, using %2").arg(asked.grpcPort).arg(state.grpcPort);
            state.note = notes.join(QStringLiteral("; "));
            return state;
        }
        lastError = QString::fromStdString(status.error().message);
        if (status.error().reason != "ADDRESS_IN_USE")
            break;
    }
    state.phase = ServerState::Phase::Failed;
    state.error = lastError.isEmpty() ? QStringLiteral("the server did not start") : lastError;
    return state;
}

} // namespace

ServerHost::ServerHost(QObject *parent)
    : QObject(parent)
    , m_server(std::make_shared<std::unique_ptr<OrderServer>>())
    , m_relay(std::make_shared<client::ResultRelay>(this)) {
    m_pool.setMaxThreadCount(1);
    m_state.settings = toSettings(ServerOptions{});
}

ServerHost::~ServerHost() {
    m_relay->detach();
    stop();
    m_pool.waitForDone();
}

void ServerHost::keepFreedMemoryForReuse() {
    triptych::keepFreedMemoryForReuse();
}

void ServerHost::restart(ServerSettings settings, const QString &reason) {
    if (m_state.phase == ServerState::Phase::Running) {
        if (settings.httpPort == 0)
            settings.httpPort = m_state.httpPort;
        if (settings.grpcPort == 0)
            settings.grpcPort = m_state.grpcPort;
    }
    start(settings, reason);
}

void ServerHost::start(const ServerSettings &settings, const QString &reason) {
    const ServerOptions options = toOptions(settings);
    ServerState starting;
    starting.phase = ServerState::Phase::Starting;
    starting.settings = toSettings(options);
    starting.note = reason;
    publish(starting);
    auto server = m_server;
    auto relay = m_relay;
    m_pool.start([this, server, relay, options] {
        stopServer(*server);
        ServerOptions started = options;
        started.databasePath = DatasetCache::copyFor(options); // empty: generate into a temporary database
        const ServerState state = startServer(*server, started);
        relay->post([this, state] { publish(state); });
        if (state.phase == ServerState::Phase::Running)
            DatasetCache::storeFrom(**server, options); // after the start is shown: the first start pays nothing
        else
            DatasetCache::removeCopy(started.databasePath);
    });
}

void ServerHost::stop() {
    auto server = m_server;
    auto relay = m_relay;
    ServerSettings settings = m_state.settings;
    m_pool.start([this, server, relay, settings] {
        stopServer(*server);
        ServerState stopped;
        stopped.settings = settings;
        relay->post([this, stopped] { publish(stopped); });
    });
}

void ServerHost::publish(const ServerState &state) {
    m_state = state;
    // The generated CA is trusted for this server's own addresses only, and only while it runs in TLS mode.
    client::EmbeddedServerTls trusted;
    if (state.phase == ServerState::Phase::Running && state.settings.tls)
        trusted = {state.httpBaseUrl(), state.grpcTarget(), state.tlsCaFile,
                   state.settings.tlsClientCertificates ? state.tlsClientCertificateFile : QString(),
                   state.settings.tlsClientCertificates ? state.tlsClientKeyFile : QString()};
    client::setEmbeddedServerTls(trusted);
    Q_EMIT stateChanged(m_state);
}

} // namespace triptych::session
