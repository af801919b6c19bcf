#pragma once

#include "server/domain/result.h"
#include "server/tls/tlsoptions.h"

#include <string>

namespace triptych::tls {

// A certificate and its private key, both PEM.
struct CertifiedKey {
    std::string certificatePem;
    std::string keyPem;
};

// What the server's TLS listeners need, all PEM text.
struct TlsMaterial {
    CertifiedKey server;     // the leaf; certificatePem holds the leaf and then its issuer, as sent to clients
    std::string caPem;       // the CA that clients trust for this server; empty with an own certificate
    CertifiedKey client;     // generated only: a client pair issued by the same CA, for trying mTLS
    std::string clientCaPem; // set: client certificates are required and checked against it
    std::string caFile;      // where caPem was written, for the app and for curl --cacert
    std::string clientCertificateFile;
    std::string clientKeyFile;
};

// Generates a CA (valid a year) and, issued by it, a server leaf for localhost, 127.0.0.1 and ::1 and a client
// leaf: what `--tls` without `--tls-cert` serves. EC P-256 keys, SHA-256 signatures.
Result<TlsMaterial> generateTlsMaterial();
// The options as material: the given files read, or generated material written to the directory (ca.pem,
// client.pem, client-key.pem, private to this user).
Result<TlsMaterial> prepareTlsMaterial(const TlsOptions &options);

} // namespace triptych::tls
