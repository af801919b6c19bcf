#pragma once

#include "app/client/callrecord.h"

#include <QString>

#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <memory>

namespace grpc {
class ClientContext;
}

namespace triptych::client {

// How a gRPC channel secures its connection: plaintext, or TLS with the system's roots or a CA file, a client pair
// for mTLS, an authority checked in the certificate instead of the target's host, or no verification at all.
struct GrpcTlsSettings {
    bool enabled = false;
    QString caFile; // empty: the system's roots
    QString clientCertificate;
    QString clientKey;
    QString authority; // grpc.ssl_target_name_override and :authority
    bool skipVerification = false;
    // Tells channels apart: calls with equal settings share one.
    QString key() const;
};

struct GrpcChannelSetup {
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    grpc::ChannelArguments arguments;
};

// What is wrong with the settings before any connection (a file that cannot be read, a certificate without its
// key), in a sentence; empty when nothing is.
QString grpcTlsProblem(const GrpcTlsSettings &tls);
// Credentials and channel arguments for the settings. Skipping verification uses gRPC's experimental TLS
// credentials (1.51: the only way to accept any server certificate).
GrpcChannelSetup grpcChannelSetup(const GrpcTlsSettings &tls);
// After a call: the peer's chain and the session's properties from the call's auth context, and the channel's connect
// as the TLS phase (gRPC 1.51 tells neither the TCP connect and the handshake apart, nor the protocol version and
// cipher: the note says so).
void collectGrpcTls(const grpc::ClientContext &context, const GrpcTlsSettings &tls, CallRecord &record);
// After the error is described: a TLS channel whose socket closed while connecting, with no client certificate
// given, is most likely a server that requires one (TLS 1.3 refuses it after the handshake; gRPC says only
// "Socket closed").
void explainGrpcTlsFailure(const GrpcTlsSettings &tls, CallRecord &record);

} // namespace triptych::client
