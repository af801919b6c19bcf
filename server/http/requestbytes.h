#pragma once

#include "server/http/httpmessage.h"
#include "server/http/httpserver.h"

#include <optional>
#include <string_view>

namespace triptych::http {

// One request read from its bytes as a connection reads it (the same parser, limits and conversion), without a
// socket: for fuzzing the front door and for tests. refusal is the status a connection answers instead (400, 413,
// 431), 0 when the request is whole; a request cut short is neither.
struct RequestBytes {
    std::optional<HttpRequest> request;
    int refusal = 0;
    std::string detail;       // why it was refused
    std::size_t consumed = 0; // bytes of the input the request took (the rest would be the next pipelined one)
};
RequestBytes parseRequestBytes(std::string_view bytes, const HttpServerOptions &options);

} // namespace triptych::http
