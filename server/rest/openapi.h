#pragma once

#include <string>

namespace triptych::rest {

// The OpenAPI 3.1 document of every HTTP route of the server (REST, /healthz, /debug/*, and the GraphQL endpoints
// at HTTP level): each status, media type and body schema, and both security schemes. Built once at start.
std::string openApiDocument();

} // namespace triptych::rest
