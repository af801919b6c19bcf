#pragma once

#include "server/host/serveroptions.h"
#include "server/http/router.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

namespace triptych {

struct ServiceContext;
namespace rpc {
class StreamSlots;
}

// 127.0.0.0/8, ::1 (and the IPv4-mapped form): where /debug/* is open without credentials.
bool isLoopbackAddress(std::string_view address);

// Every HTTP route of the server: health, and each transport's routes as they are added. grpcPort is asked on
// first use by GraphQL's gateway mode (the gRPC server starts after the HTTP routes are built). gRPC-Web streams
// count in streamSlots, the gRPC server's (null: slots of their own).
http::Router buildHttpRoutes(ServiceContext &context, const ServerOptions &options,
                             std::function<std::uint16_t()> grpcPort = {},
                             std::shared_ptr<rpc::StreamSlots> streamSlots = {});
// The stream slots gRPC and gRPC-Web share, with gRPC's limits (server/grpc/limits.h).
std::shared_ptr<rpc::StreamSlots> makeStreamSlots();

} // namespace triptych
