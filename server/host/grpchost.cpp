#include "server/host/grpchost.h"

#include "server/domain/limits.h"
#include "server/grpc/grpcapi.h"

#include <absl/synchronization/mutex.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

namespace triptych {

namespace {

std::shared_ptr<grpc::ServerCredentials> tlsCredentials(const tls::TlsMaterial &material) {
    grpc::SslServerCredentialsOptions options(material.clientCaPem.empty()
                                                  ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                                                  : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    options.pem_root_certs = material.clientCaPem;
    options.pem_key_cert_pairs.push_back({material.server.keyPem, material.server.certificatePem});
    return grpc::SslServerCredentials(options);
}

} // namespace

GrpcHost::GrpcHost(ServiceContext &context, const ServerOptions &options, const tls::TlsMaterial *material,
                   std::shared_ptr<rpc::StreamSlots> slots)
    : m_context(context)
    , m_options(options)
    , m_material(material)
    , m_slots(std::move(slots)) {}

GrpcHost::~GrpcHost() {
    stop();
}

Result<std::uint16_t> GrpcHost::start() {
    // Debian's Abseil tracks the order of every lock of gRPC's mutexes (a debugging aid for lock cycles), which costs
    // a graph lookup per lock, several per message; off, as in an optimised Abseil (docs/speed.md).
    absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
    grpc::EnableDefaultHealthCheckService(true);
    // gRPC's v1alpha reflection; rpc::GrpcApi adds v1 over the same generated descriptor pool.
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    // Without this a second server could silently share a busy port (SO_REUSEPORT) instead of failing.
    builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    int port = 0;
    const std::string address = m_options.bindAddress + ":" + std::to_string(m_options.grpcPort);
    builder.AddListeningPort(address, m_material ? tlsCredentials(*m_material) : grpc::InsecureServerCredentials(),
                             &port);
    // Only the GraphQL gateway needs it; without --gateway the server listens on its two configured ports alone.
    if (m_material && m_options.gateway)
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &m_loopbackPort);
    m_api = m_slots ? std::make_unique<rpc::GrpcApi>(m_context, m_slots) : std::make_unique<rpc::GrpcApi>(m_context);
    m_api->addTo(builder);
    m_server = builder.BuildAndStart();
    if (!m_server || port == 0) {
        m_server.reset();
        m_api.reset();
        return DomainError{ErrorCode::Unavailable,
                           "gRPC port " + std::to_string(m_options.grpcPort) + " on " + m_options.bindAddress +
                               " is in use or not available; choose another with --grpc-port (0 picks a free one)",
                           {},
                           "ADDRESS_IN_USE"};
    }
    if (!m_material)
        m_loopbackPort = port;
    for (const auto &service : rpc::GrpcApi::healthServiceNames())
        m_server->GetHealthCheckService()->SetServingStatus(service, true);
    return static_cast<std::uint16_t>(port);
}

void GrpcHost::stop() {
    if (!m_server)
        return;
    // Open streams (a follow stream never ends by itself) are cancelled at the grace deadline; Wait returns once
    // every reactor is done, and only then do the services and their timer thread go.
    m_server->Shutdown(std::chrono::system_clock::now() + limits::kServerStopGrace);
    m_server->Wait();
    m_server.reset();
    m_api.reset();
}

} // namespace triptych
