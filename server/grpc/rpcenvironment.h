#pragma once

namespace triptych {
struct ServiceContext;
}

namespace triptych::http {
class Scheduler;
}

namespace triptych::rpc {

class CallChecks;
class StreamSlots;

// What every reactor needs from the gRPC side of the server; owned by GrpcApi, alive while the server runs.
struct RpcEnvironment {
    ServiceContext &context;
    const CallChecks &checks;
    http::Scheduler &scheduler;
    StreamSlots &slots;
};

} // namespace triptych::rpc
