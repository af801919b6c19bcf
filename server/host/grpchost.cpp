#include "server/host/grpchost.h"

#include "server/domain/limits.h"
#include "server/grpc/grpcapi.h"

#include <absl/synchronization/mutex.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

namespace triptych {

GrpcHost::GrpcHost(ServiceContext &context, const ServerOptions &options)
    : m_context(context)
    , m_options(options) {}

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
    builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
    m_api = std::make_unique<rpc::GrpcApi>(m_context);
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
