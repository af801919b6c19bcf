#pragma once

#include "server/domain/result.h"
#include "server/tls/tlsmaterial.h"

#include <memory>

namespace boost::asio::ssl {
class context;
} // namespace boost::asio::ssl

namespace triptych::tls {

// The server side of TLS for the HTTP port, built from the material: the certificate chain and key, TLS 1.2 and
// later, ALPN http/1.1, and with a client CA a handshake that requires a client certificate issued by it. A bad
// key or certificate is an error that says which.
Result<std::shared_ptr<boost::asio::ssl::context>> makeServerContext(const TlsMaterial &material);

} // namespace triptych::tls
