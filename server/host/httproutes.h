#pragma once

#include "server/host/serveroptions.h"
#include "server/http/router.h"

namespace triptych {

struct ServiceContext;

// Every HTTP route of the server: health, and each transport's routes as they are added.
http::Router buildHttpRoutes(ServiceContext &context, const ServerOptions &options);

} // namespace triptych
