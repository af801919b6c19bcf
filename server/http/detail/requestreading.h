#pragma once

// Internal to server/http: how a connection reads a request (parser limits, conversion to HttpRequest), shared by
// HttpSession and parseRequestBytes so that tests and fuzzers exercise exactly what connections do.
#include "server/http/httpserver.h"

#include <boost/beast/http.hpp>

#include <string>

namespace triptych::http::detail {

namespace bhttp = boost::beast::http;
using Parser = bhttp::request_parser<bhttp::string_body>;

void limitParser(Parser &parser, const HttpServerOptions &options);
HttpRequest toHttpRequest(const bhttp::request<bhttp::string_body> &message, std::string remote);

} // namespace triptych::http::detail
