#include "server/host/orderserver.h"

#include "server/core/eventbus.h"
#include "server/core/orderlifecycle.h"
#include "server/core/orderservice.h"
#include "server/core/ratelimiter.h"
#include "server/core/servicecontext.h"
#include "server/grpc/streamslots.h"
#include "server/host/grpchost.h"
#include "server/host/httproutes.h"
#include "server/host/memorytrimmer.h"
#include "server/http/httpserver.h"
#include "server/store/database.h"
#include "server/tls/tlscontext.h"
#include "server/tracing/otlpexporter.h"
#include "server/tracing/tracer.h"

#include <cstdio>

namespace triptych {

// Members in start order; destroyed in reverse, so transports stop before the service and the database go.
struct OrderServer::Running {
    std::unique_ptr<tracing::OtlpExporter> exporter;
    std::unique_ptr<tracing::Tracer> tracer;
    std::unique_ptr<store::Database> database;
    EventBus events;
    std::unique_ptr<OrderService> service;
    std::unique_ptr<RateLimiter> rateLimiter;
    std::unique_ptr<ServiceContext> context;
    std::unique_ptr<OrderLifecycle> lifecycle;
    std::shared_ptr<rpc::StreamSlots> streamSlots; // gRPC and gRPC-Web streams count in the same slots
    std::unique_ptr<tls::TlsMaterial> tlsMaterial; // TLS mode; outlives the listeners that use it
    std::unique_ptr<http::HttpServer> http;        // HTTPS and WSS itself in TLS mode
    std::unique_ptr<GrpcHost> grpc;
    std::unique_ptr<MemoryTrimmer> trimmer;
    std::uint16_t httpPort = 0;
    std::uint16_t grpcPort = 0;
};

namespace {

// Every SQL statement becomes a span under the request's current span (the N+1 lesson made visible).
void traceStatement(const store::StatementEvent &event) {
    const std::string_view operation = event.sql.substr(0, event.sql.find_first_of(" \n"));
    tracing::recordCompletedChild("SQL " + std::string(operation), event.start, event.duration,
                                  {{"db.system", std::string("sqlite")},
                                   {"db.operation", std::string(operation)},
                                   {"db.statement", std::string(event.sql)},
                                   {"db.response.returned_rows", std::int64_t(event.rows)}},
                                  /*isSql=*/true);
}

} // namespace

void OrderServer::startTracing(Running &running) const {
    running.tracer = std::make_unique<tracing::Tracer>(m_options.tracing);
    if (m_options.otlpEndpoint.empty() || !m_options.tracing)
        return;
    tracing::OtlpExporter::Options options{m_options.otlpEndpoint};
    options.report = [](const std::string &message) { std::fprintf(stderr, "triptych-server: %s\n", message.c_str()); };
    running.exporter = std::make_unique<tracing::OtlpExporter>(std::move(options));
    running.tracer->setExporter(
        [exporter = running.exporter.get()](const tracing::SpanRecord &span) { exporter->enqueue(span); });
}

OrderServer::OrderServer(ServerOptions options)
    : m_options(std::move(options)) {}

OrderServer::~OrderServer() {
    stop();
}

Status OrderServer::start() {
    if (m_running)
        return Done{};
    auto running = std::make_unique<Running>();
    startTracing(*running);
    auto database = store::Database::open({m_options.databasePath, m_options.users});
    if (!database)
        return database.error();
    running->database = std::move(*database);
    running->database->setStatementLatency(m_options.dbLatency);
    if (running->tracer->enabled())
        running->database->setStatementObserver(traceStatement);
    running->service = std::make_unique<OrderService>(*running->database, running->events);
    running->rateLimiter = std::make_unique<RateLimiter>(m_options.rateLimitPerSecond);
    running->context = std::make_unique<ServiceContext>(ServiceContext{
        *running->service, running->events, m_options.credentials, *running->rateLimiter, *running->tracer});
    if (m_options.lifecycleStep.count() > 0)
        running->lifecycle =
            std::make_unique<OrderLifecycle>(*running->service, running->events, m_options.lifecycleStep);

    running->streamSlots = makeStreamSlots();
    if (auto http = startHttp(*running); !http)
        return http.error();

    running->grpc =
        std::make_unique<GrpcHost>(*running->context, m_options, running->tlsMaterial.get(), running->streamSlots);
    auto grpcListening = running->grpc->start();
    if (!grpcListening)
        return grpcListening.error();
    running->grpcPort = *grpcListening;
    if (m_options.memoryTrimInterval.count() > 0)
        running->trimmer = std::make_unique<MemoryTrimmer>(m_options.memoryTrimInterval);
    m_running = std::move(running);
    return Done{};
}

Status OrderServer::startHttp(Running &running) {
    if (m_options.tls.enabled) {
        auto material = tls::prepareTlsMaterial(m_options.tls);
        if (!material)
            return material.error();
        running.tlsMaterial = std::make_unique<tls::TlsMaterial>(std::move(*material));
    }
    http::HttpServerOptions httpOptions;
    httpOptions.bindAddress = m_options.bindAddress;
    httpOptions.port = m_options.httpPort;
    httpOptions.threads = m_options.httpThreads;
    httpOptions.maxStreamQueueBytes = m_options.streamQueueBytes;
    if (running.tlsMaterial) { // the HTTP server terminates TLS itself: no plain port beside it
        auto context = tls::makeServerContext(*running.tlsMaterial);
        if (!context)
            return context.error();
        httpOptions.tls = std::move(*context);
    }
    // The gateway asks for the gRPC port on its first call; only then is the server running. In TLS mode it uses
    // the plaintext loopback port, so it needs no client certificate.
    auto grpcPort = [this] { return m_running ? static_cast<std::uint16_t>(m_running->grpc->loopbackPort()) : 0; };
    running.http = std::make_unique<http::HttpServer>(
        buildHttpRoutes(*running.context, m_options, grpcPort, running.streamSlots), httpOptions);
    auto httpPort = running.http->start();
    if (!httpPort) {
        auto error = httpPort.error();
        if (error.reason == "ADDRESS_IN_USE")
            error.message = "HTTP port " + std::to_string(m_options.httpPort) + " on " + m_options.bindAddress +
                            " is in use; choose another with --http-port (0 picks a free one)";
        return error;
    }
    running.httpPort = *httpPort;
    return Done{};
}

void OrderServer::stop() {
    if (!m_running)
        return;
    // Transports first (no new work), then the lifecycle timer, then the service and database.
    m_running->grpc->stop();
    m_running->http->stop();
    m_running.reset();
}

bool OrderServer::isRunning() const {
    return m_running != nullptr;
}
std::uint16_t OrderServer::httpPort() const {
    return m_running ? m_running->httpPort : 0;
}
std::uint16_t OrderServer::grpcPort() const {
    return m_running ? m_running->grpcPort : 0;
}
OrderService *OrderServer::service() const {
    return m_running ? m_running->service.get() : nullptr;
}
EventBus *OrderServer::events() const {
    return m_running ? &m_running->events : nullptr;
}
store::Database *OrderServer::database() const {
    return m_running ? m_running->database.get() : nullptr;
}

tracing::Tracer *OrderServer::tracer() const {
    return m_running ? m_running->tracer.get() : nullptr;
}

std::string OrderServer::readyLine() const {
    const std::string &host = m_options.bindAddress;
    std::string line = "triptych-server ready: http=" + host + ":" + std::to_string(httpPort()) + " grpc=" + host +
                       ":" + std::to_string(grpcPort());
    if (m_options.tls.enabled)
        line += " tls-ca=" + (tlsCaFile().empty() ? std::string("(own certificate)") : tlsCaFile());
    return line;
}

std::string OrderServer::tlsCaFile() const {
    return m_running && m_running->tlsMaterial ? m_running->tlsMaterial->caFile : std::string();
}
std::string OrderServer::tlsClientCertificateFile() const {
    return m_running && m_running->tlsMaterial ? m_running->tlsMaterial->clientCertificateFile : std::string();
}
std::string OrderServer::tlsClientKeyFile() const {
    return m_running && m_running->tlsMaterial ? m_running->tlsMaterial->clientKeyFile : std::string();
}

} // namespace triptych
