#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace triptych::http::detail {

// The upgrade request, handed from the HTTP session to the WebSocket session that answers it.
struct UpgradeRequest {
    boost::beast::http::request<boost::beast::http::string_body> message;
};

} // namespace triptych::http::detail
