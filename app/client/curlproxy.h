#pragma once

#include "app/client/callrecord.h"
#include "app/client/restrequest.h"

#include <optional>

using CURL = void;

namespace triptych::client {

// Sets the transfer's proxy from RestRequest::proxy (empty: libcurl reads http_proxy, https_proxy, all_proxy itself)
// and its no-proxy list: loopback always, then the system's no_proxy. The error when the proxy is not a URL curl can
// use.
std::optional<CallError> applyProxy(CURL *easy, const RestRequest &request);

// "localhost,127.0.0.0/8,::1" and the no_proxy (or NO_PROXY) variable's hosts.
QByteArray noProxyHosts();

} // namespace triptych::client
