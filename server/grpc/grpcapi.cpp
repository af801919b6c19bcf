#include "server/grpc/grpcapi.h"

#include "server/grpc/callchecks.h"
#include "server/grpc/limits.h"
#include "server/grpc/orderrpcservice.h"
#include "server/grpc/reflectionservice.h"
#include "server/grpc/streamslots.h"
#include "server/http/scheduler.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <google/protobuf/descriptor.h>
#include <grpcpp/server_builder.h>

namespace triptych::rpc {

namespace {
constexpr const char *kReflectionV1Alpha = "grpc.reflection.v1alpha.ServerReflection";
}

struct GrpcApi::Parts {
    Parts(ServiceContext &context, std::shared_ptr<StreamSlots> sharedSlots)
        : checks(context)
        , slots(std::move(sharedSlots))
        , orders(RpcEnvironment{context, checks, scheduler, *slots})
        , reflection(ReflectionResolver(servedServiceNames(), *google::protobuf::DescriptorPool::generated_pool())) {}

    CallChecks checks;
    http::Scheduler scheduler;
    std::shared_ptr<StreamSlots> slots; // outlives every reactor's Slot: the server stops before Parts go
    OrderRpcService orders;
    ReflectionService reflection;
};

GrpcApiOptions defaultGrpcApiOptions() {
    return GrpcApiOptions{limits::kMaxConcurrentStreams, limits::kMaxStreamsPerConnection,
                          limits::kMaxStreamsPerAddress};
}

GrpcApi::GrpcApi(ServiceContext &context, GrpcApiOptions options)
    : GrpcApi(context,
              std::make_shared<StreamSlots>(StreamSlots::Shares{
                  options.maxConcurrentStreams, options.maxStreamsPerConnection, options.maxStreamsPerAddress})) {}

GrpcApi::GrpcApi(ServiceContext &context, std::shared_ptr<StreamSlots> slots)
    : m_parts(std::make_unique<Parts>(context, std::move(slots))) {
    // The default health service has no descriptor of its own; touching ours links health.proto into the
    // generated pool, so both reflection versions can resolve grpc.health.v1.Health.
    (void)grpc::health::v1::HealthCheckRequest::descriptor();
}

GrpcApi::~GrpcApi() = default;

void GrpcApi::addTo(grpc::ServerBuilder &builder) {
    builder.SetMaxReceiveMessageSize(limits::kTransportMaxReceiveBytes);
    builder.SetMaxSendMessageSize(limits::kMaxSendMessageBytes);
    builder.RegisterService(&m_parts->orders);
    builder.RegisterService(&m_parts->reflection);
}

std::vector<std::string> GrpcApi::servedServiceNames() {
    return {orders::v1::OrderService::service_full_name(), grpc::health::v1::Health::service_full_name(),
            grpc::reflection::v1::ServerReflection::service_full_name(), kReflectionV1Alpha};
}

std::vector<std::string> GrpcApi::healthServiceNames() {
    return {"", orders::v1::OrderService::service_full_name()};
}

} // namespace triptych::rpc
