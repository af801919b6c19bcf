#include "server/grpc/callchecks.h"

#include "server/core/ratelimiter.h"
#include "server/core/servicecontext.h"
#include "server/domain/credentials.h"
#include "server/grpc/limits.h"
#include "server/grpc/statusmapping.h"

#include <grpcpp/server_context.h>

// gRPC core takes `grpc-encoding` out of the metadata it shows us; libgrpc 1.51 exports this accessor for the
// request's encoding (declared in a header Debian does not install). It is what grpc-go mirrors on as well.
grpc_compression_algorithm grpc_call_test_only_get_compression_algorithm(grpc_call *call);

namespace triptych::rpc {

std::string CallChecks::peerAddress(std::string_view peer) {
    if (const auto colon = peer.find(':'); colon != std::string_view::npos && peer.substr(0, colon).starts_with("ipv"))
        peer.remove_prefix(colon + 1);
    else
        return std::string(peer); // unix sockets and the like: the whole peer string is the key
    if (peer.starts_with('[')) {
        const auto close = peer.find(']');
        return std::string(peer.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    }
    return std::string(peer.substr(0, peer.rfind(':')));
}

std::optional<grpc::Status> CallChecks::admit(const grpc::CallbackServerContext &call) const {
    RateLimiter &limiter = m_context.rateLimiter;
    if (!limiter.enabled())
        return std::nullopt;
    const auto decision = limiter.admit(peerAddress(call.peer()));
    if (decision.allowed)
        return std::nullopt;
    return toGrpcStatus(exhausted("rate limit of " + std::to_string(limiter.perSecond()) +
                                      " requests per second from this address exceeded; retry after " +
                                      std::to_string(decision.retryAfter.count()) + " ms",
                                  "RATE_LIMITED"),
                        decision.retryAfter);
}

std::optional<grpc::Status> CallChecks::authorize(const grpc::CallbackServerContext &call) const {
    const auto &metadata = call.client_metadata();
    const auto found = metadata.find("authorization");
    if (found == metadata.end())
        return toGrpcStatus(DomainError{ErrorCode::Unauthenticated,
                                        "writes need the metadata `authorization: Bearer <token>`",
                                        {},
                                        "MISSING_CREDENTIALS"});
    const std::string_view value(found->second.data(), found->second.size());
    if (!m_context.credentials.acceptsAuthorization(value))
        return toGrpcStatus(DomainError{ErrorCode::Unauthenticated,
                                        "the bearer token in `authorization` is not accepted",
                                        {},
                                        "INVALID_CREDENTIALS"});
    return std::nullopt;
}

void CallChecks::mirrorCompression(grpc::CallbackServerContext &call) {
    if (grpc_call_test_only_get_compression_algorithm(call.c_call()) == GRPC_COMPRESS_GZIP)
        call.set_compression_algorithm(GRPC_COMPRESS_GZIP);
}

} // namespace triptych::rpc
