#pragma once

#include "server/domain/result.h"

#include <grpcpp/support/status.h>

#include <chrono>
#include <optional>
#include <string>

namespace triptych::rpc {

// The ErrorInfo.domain of every error this server sends.
inline constexpr const char *kErrorDomain = "triptych.orders.v1";

// The one place where a DomainError becomes a gRPC status: the code, the message, and a google.rpc.Status in
// grpc-status-details-bin (BadRequest, ErrorInfo, RetryInfo when retryDelay is set).
grpc::Status toGrpcStatus(const DomainError &error, std::optional<std::chrono::milliseconds> retryDelay = {});

// Shorthands for errors the transport itself finds.
DomainError invalidField(std::string field, std::string message);
DomainError exhausted(std::string message, std::string reason);

} // namespace triptych::rpc
