#include "server/grpc/streamopening.h"

#include "server/grpc/callchecks.h"
#include "server/grpc/limits.h"
#include "server/grpc/statusmapping.h"

namespace triptych::rpc {

std::optional<grpc::Status> openStream(const RpcEnvironment &env, const grpc::CallbackServerContext &call,
                                       StreamAccess access, StreamSlots::Slot &slot) {
    if (auto refused = env.checks.admit(call))
        return refused;
    if (access == StreamAccess::Write) {
        if (auto refused = env.checks.authorize(call))
            return refused;
    }
    slot = env.slots.tryAcquire();
    if (!slot)
        return toGrpcStatus(exhausted("all " + std::to_string(env.slots.capacity()) +
                                          " streaming calls this server allows at once are open; retry later",
                                      "TOO_MANY_STREAMS"),
                            limits::kStreamSlotRetryDelay);
    return std::nullopt;
}

} // namespace triptych::rpc
