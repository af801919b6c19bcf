#pragma once

#include <memory>
#include <string>
#include <vector>

namespace grpc {
class ServerBuilder;
}

namespace triptych {
struct ServiceContext;
}

namespace triptych::rpc {

class StreamSlots;

struct GrpcApiOptions {
    int maxConcurrentStreams;    // streaming calls open at once
    int maxStreamsPerConnection; // of them, from one client connection
    int maxStreamsPerAddress;    // of them, from one address other than loopback
};
GrpcApiOptions defaultGrpcApiOptions();

// The whole gRPC API of the order server: orders.v1.OrderService and grpc.reflection.v1, with the timer thread and
// stream slots they share. The host adds it to its ServerBuilder and keeps it alive until the server has stopped.
class GrpcApi {
public:
    explicit GrpcApi(ServiceContext &context, GrpcApiOptions options = defaultGrpcApiOptions());
    // Streams counted in `slots`, shared with gRPC-Web on the HTTP port (the options' numbers are then unused).
    GrpcApi(ServiceContext &context, std::shared_ptr<StreamSlots> slots);
    ~GrpcApi();
    GrpcApi(const GrpcApi &) = delete;
    GrpcApi &operator=(const GrpcApi &) = delete;

    // Registers the services and sets the message size limits.
    void addTo(grpc::ServerBuilder &builder);
    // Every service the server answers, as reflection lists them (health and v1alpha reflection included).
    static std::vector<std::string> servedServiceNames();
    // The services whose health is reported as SERVING, "" (the whole server) first.
    static std::vector<std::string> healthServiceNames();

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace triptych::rpc
