#pragma once

#include "server/host/serveroptions.h"
#include "server/http/router.h"

#include <cstdint>
#include <functional>
#include <string_view>

namespace triptych {

struct ServiceContext;

// 127.0.0.0/8, ::1 (and the IPv4-mapped form): where /debug/* is open without credentials.
bool isLoopbackAddress(std::string_view address);

// Every HTTP route of the server: health, and each transport's routes as they are added. grpcPort is asked on
// first use by GraphQL's gateway mode (the gRPC server starts after the HTTP routes are built).
http::Router buildHttpRoutes(ServiceContext &context, const ServerOptions &options,
                             std::function<std::uint16_t()> grpcPort = {});

} // namespace triptych
