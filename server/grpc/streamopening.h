#pragma once

#include "server/grpc/rpcenvironment.h"
#include "server/grpc/streamslots.h"

#include <grpcpp/support/status.h>

#include <optional>

namespace grpc {
class CallbackServerContext;
}

namespace triptych::rpc {

enum class StreamAccess { Read, Write };

// What a streaming call passes before its reactor does any work: rate limit, credentials for writes, and a
// stream slot (held in `slot` for the call's life). Answers the error status when the call must end at once.
std::optional<grpc::Status> openStream(const RpcEnvironment &env, const grpc::CallbackServerContext &call,
                                       StreamAccess access, StreamSlots::Slot &slot);

// RESOURCE_EXHAUSTED with RetryInfo for a refused slot, saying whose share ran out (gRPC-Web answers it too).
grpc::Status slotRefusal(const StreamSlots::Shares &shares, StreamSlots::Refusal refusal);

} // namespace triptych::rpc
