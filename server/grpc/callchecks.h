#pragma once

#include <grpcpp/support/status.h>

#include <optional>
#include <string>
#include <string_view>

namespace grpc {
class CallbackServerContext;
}

namespace triptych {
struct ServiceContext;
}

namespace triptych::rpc {

// The checks every call passes before work starts; each answers the error status, or nothing when the call may go on.
class CallChecks {
public:
    explicit CallChecks(ServiceContext &context)
        : m_context(context) {}

    // --rate-limit, keyed by the peer's address like the HTTP side, so switching styles does not dodge it.
    std::optional<grpc::Status> admit(const grpc::CallbackServerContext &call) const;
    // Writes need `authorization: Bearer <token>` metadata.
    std::optional<grpc::Status> authorize(const grpc::CallbackServerContext &call) const;
    // A gzip request gets a gzip answer; the client asked for compression by using it.
    static void mirrorCompression(grpc::CallbackServerContext &call);
    // "ipv4:127.0.0.1:5000" → "127.0.0.1", "ipv6:[::1]:5000" → "::1": the HTTP side's client key.
    static std::string peerAddress(std::string_view peer);

private:
    ServiceContext &m_context;
};

} // namespace triptych::rpc
