#include "server/grpc/streamopening.h"

#include "server/grpc/callchecks.h"
#include "server/grpc/limits.h"
#include "server/grpc/statusmapping.h"

#include <grpcpp/server_context.h>

namespace triptych::rpc {

std::optional<grpc::Status> openStream(const RpcEnvironment &env, const grpc::CallbackServerContext &call,
                                       StreamAccess access, StreamSlots::Slot &slot) {
    if (auto refused = env.checks.admit(call))
        return refused;
    if (access == StreamAccess::Write) {
        if (auto refused = env.checks.authorize(call))
            return refused;
    }
    StreamSlots::Refusal refusal = StreamSlots::Refusal::None;
    slot = env.slots.tryAcquire(call.peer(), &refusal);
    if (slot)
        return std::nullopt;
    return slotRefusal(env.slots.shares(), refusal);
}

grpc::Status slotRefusal(const StreamSlots::Shares &shares, StreamSlots::Refusal refusal) {
    const std::string all = std::to_string(shares.capacity);
    switch (refusal) {
    case StreamSlots::Refusal::ConnectionShare:
        return toGrpcStatus(exhausted("this connection already holds " + std::to_string(shares.perConnection) +
                                          " streaming calls, its share of the " + all +
                                          " this server allows at once; end one or retry later",
                                      "TOO_MANY_STREAMS_FROM_PEER"),
                            limits::kStreamSlotRetryDelay);
    case StreamSlots::Refusal::AddressShare:
        return toGrpcStatus(exhausted("this address already holds " + std::to_string(shares.perAddress) +
                                          " streaming calls, its share of the " + all +
                                          " this server allows at once; end one or retry later",
                                      "TOO_MANY_STREAMS_FROM_PEER"),
                            limits::kStreamSlotRetryDelay);
    case StreamSlots::Refusal::ServerFull:
    case StreamSlots::Refusal::None:
        break;
    }
    return toGrpcStatus(exhausted("all " + all + " streaming calls this server allows at once are open; retry later",
                                  "TOO_MANY_STREAMS"),
                        limits::kStreamSlotRetryDelay);
}

} // namespace triptych::rpc
