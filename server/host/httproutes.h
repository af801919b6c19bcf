#pragma once

#include "server/host/serveroptions.h"
#include "server/http/router.h"

#include <cstdint>
#include <functional>

namespace triptych {

struct ServiceContext;

// Every HTTP route of the server: health, and each transport's routes as they are added. grpcPort is asked on
// first use by GraphQL's gateway mode (the gRPC server starts after the HTTP routes are built).
http::Router buildHttpRoutes(ServiceContext &context, const ServerOptions &options,
                             std::function<std::uint16_t()> grpcPort = {});

} // namespace triptych
