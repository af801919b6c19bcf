#include "server/host/grpchost.h"

#include "server/core/limits.h"

#include "orders/v1/orders.grpc.pb.h"

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
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    // Without this a second server could silently share a busy port (SO_REUSEPORT) instead of failing.
    builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    int port = 0;
    const std::string address = m_options.bindAddress + ":" + std::to_string(m_options.grpcPort);
    builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
    // Until the order RPCs are implemented every method answers UNIMPLEMENTED; the health service needs a
    // callback service beside it to be polled.
    m_services.push_back(std::make_unique<orders::v1::OrderService::CallbackService>());
    for (const auto &service : m_services)
        builder.RegisterService(service.get());
    m_server = builder.BuildAndStart();
    if (!m_server || port == 0) {
        m_server.reset();
        return DomainError{ErrorCode::Unavailable,
                           "gRPC port " + std::to_string(m_options.grpcPort) + " on " + m_options.bindAddress +
                               " is in use or not available; choose another with --grpc-port (0 picks a free one)",
                           {},
                           "ADDRESS_IN_USE"};
    }
    m_server->GetHealthCheckService()->SetServingStatus(true);
    return static_cast<std::uint16_t>(port);
}

void GrpcHost::stop() {
    if (!m_server)
        return;
    m_server->Shutdown(std::chrono::system_clock::now() + limits::kServerStopGrace);
    m_server->Wait();
    m_server.reset();
}

} // namespace triptych
