#pragma once

#include "server/domain/result.h"
#include "server/tls/tlsmaterial.h"

#include <cstdint>
#include <memory>
#include <string>

namespace triptych::tls {

struct TlsFrontOptions {
    std::string bindAddress = "127.0.0.1";
    std::uint16_t port = 0;        // 0 picks a free port
    std::uint16_t backendPort = 0; // the plain HTTP server on 127.0.0.1
    int threads = 2;
};

// HTTPS and WSS on the HTTP port: takes TLS connections, completes the handshake (checking a client certificate
// when the material names a client CA) and relays the decrypted bytes to the plain HTTP server on loopback, so
// the HTTP and WebSocket code stays one. What the HTTP server sees as the client address is therefore loopback.
class TlsFront {
public:
    TlsFront(TlsMaterial material, TlsFrontOptions options);
    ~TlsFront();
    TlsFront(const TlsFront &) = delete;
    TlsFront &operator=(const TlsFront &) = delete;

    // Binds and starts; returns the port. A bad key or certificate, or a port in use, is an error that says so.
    Result<std::uint16_t> start();
    // Stops accepting, closes every relayed connection and joins the threads.
    void stop();
    std::uint16_t port() const;
    // Handshakes that failed since start (no client certificate, a client that does not trust the CA, …).
    std::uint64_t failedHandshakes() const;

    class Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace triptych::tls
