#pragma once

#include <string>

namespace triptych::tls {

inline constexpr const char *kGeneratedClientCa = "generated";

// The server's TLS mode (`triptych-server --tls`). Off, everything is plain as before.
struct TlsOptions {
    bool enabled = false;
    std::string certificateFile; // PEM, the server's certificate (and chain); empty: generated at start
    std::string keyFile;         // PEM, its private key; given together with certificateFile
    // PEM; set: every client must present a certificate issued by this CA (mTLS). kGeneratedClientCa: the
    // generated CA, which also issued the client pair written beside it.
    std::string clientCaFile;
    // Where the generated CA (ca.pem) and a client pair for trying mTLS (client.pem, client-key.pem) are written;
    // empty: a fresh private directory under the system's temporary folder.
    std::string directory;
};

} // namespace triptych::tls
